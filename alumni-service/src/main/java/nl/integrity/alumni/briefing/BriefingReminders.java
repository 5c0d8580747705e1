package nl.integrity.alumni.briefing;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import nl.integrity.alumni.AlumniConfig;
import nl.integrity.platform.schedule.PeriodicJob;

/**
 * The daily run that reminds leavers whose departure date came without acknowledging their
 * briefing (cron {@code alumni.briefings.reminder-cron}), once per day across instances.
 */
@ApplicationScoped
class BriefingReminders implements PeriodicJob {

    private final Briefings briefings;
    private final String cron;

    BriefingReminders(Briefings briefings, AlumniConfig config) {
        this.briefings = briefings;
        this.cron = config.briefings().reminderCron();
    }

    @Override
    public String name() {
        return "briefing-reminders";
    }

    @Override
    public String cron() {
        return cron;
    }

    @Override
    public String run(Instant period) {
        return briefings.remind(PeriodicJob.dayOf(period)) + " leavers reminded of their briefing";
    }
}
