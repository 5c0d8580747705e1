package nl.integrity.declaration.obligation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import nl.integrity.declaration.DeclarationConfig;
import nl.integrity.declaration.alumni.KnownAlumnus;
import nl.integrity.declaration.declaration.DeclarationEvents;
import nl.integrity.declaration.declaration.DeclarationStatus;
import nl.integrity.platform.outbox.Outbox;
import nl.integrity.platform.schedule.PeriodicJob;
import nl.integrity.platform.schedule.ScheduledRuns;

/**
 * Obligation tracking: an alumnus inside their obligation window who has submitted no
 * declaration is reminded of the duty to declare, every {@code declaration.reminders.interval-days}
 * (default 90) while that lasts. The reminder is an event; notification-service mails it.
 *
 * <p>Runs daily on one instance ({@link ScheduledRuns}). Each reminder is one event per alumnus
 * and day, whatever runs again: its id is made of both.
 */
@ApplicationScoped
public class Reminders implements PeriodicJob {

    private static final int BATCH = 500;

    private final Outbox outbox;
    private final int intervalDays;
    private final String cron;

    Reminders(Outbox outbox, DeclarationConfig config) {
        this.outbox = outbox;
        this.intervalDays = config.reminders().intervalDays();
        this.cron = config.reminders().cron();
    }

    @Override
    public String name() {
        return "reminders";
    }

    @Override
    public String cron() {
        return cron;
    }

    @Override
    public String run(Instant period) {
        LocalDate today = PeriodicJob.dayOf(period);
        // One transaction per batch; those reminded drop out of the next batch's query.
        int total = 0;
        int sent;
        do {
            sent = remind(today, BATCH);
            total += sent;
        } while (sent == BATCH);
        return total + " reminders";
    }

    /** Sends the reminders due on {@code today}, at most {@code limit}; returns how many went out. */
    @Transactional
    public int remind(LocalDate today, int limit) {
        List<KnownAlumnus> due = KnownAlumnus.<KnownAlumnus>find(
                        """
                        select a from KnownAlumnus a
                        where a.anonymised = false and a.personnelNumber is not null
                          and a.windowStart <= ?1 and a.windowEnd > ?1
                          and (a.lastRemindedOn is null or a.lastRemindedOn <= ?2)
                          and not exists (select 1 from Declaration d where d.alumnusId = a.alumnusId and d.status <> ?3)
                        order by a.windowEnd, a.alumnusId""", today, today.minusDays(intervalDays), DeclarationStatus.DRAFT)
                .page(0, limit)
                .list();
        for (KnownAlumnus a : due) {
            a.reminded(today);
            outbox.appendAll(List.of(DeclarationEvents.reminder(
                    new DeclarationEvents.ReminderDue(a.alumnusId(), a.organisation(), a.windowEnd(), today))));
        }
        return due.size();
    }
}
