package nl.integrity.platform.schedule;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Work that is due once per period, whatever the number of instances: a daily run, an hourly
 * clean-up. Implementations are beans; {@link ScheduledRuns} triggers each on its {@link #cron()}
 * on every instance and lets one instance do the work of a period, once.
 *
 * <p>{@link #run} must be safe to repeat for the same period: a run that crashed halfway is run
 * again. Key its effects by what they are about and the period (a flag on the row it handles, an
 * event id from {@link nl.integrity.platform.outbox.Outbox#eventId}), so the repeat changes
 * nothing that the first attempt did.
 */
public interface PeriodicJob {

    /** The job's name, unique within the service, e.g. {@code reminders}. */
    String name();

    /**
     * When the job is due: a cron expression (seconds first, e.g. {@code 0 30 7 * * ?}) in the
     * zone of {@link #dayOf}, from the service's configuration; {@code off} never triggers it
     * (the tests start runs themselves).
     */
    String cron();

    /**
     * Does the work of the period that was scheduled for {@code period} (the trigger's fire time,
     * the same on every instance); returns a short summary for the run table, counts only, never
     * personal data.
     */
    String run(Instant period);

    /**
     * The day a daily run's period falls on, in the zone cron triggers fire in: the JVM's default
     * (set {@code TZ}, e.g. {@code Europe/Amsterdam}, so "07:30" is the office's morning).
     */
    static LocalDate dayOf(Instant period) {
        return LocalDate.ofInstant(period, ZoneId.systemDefault());
    }
}
