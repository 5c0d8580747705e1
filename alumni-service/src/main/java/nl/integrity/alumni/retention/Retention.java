package nl.integrity.alumni.retention;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.UUID;
import nl.integrity.alumni.AlumniConfig;
import nl.integrity.alumni.consent.NetworkConsent;
import nl.integrity.alumni.exitinterview.ExitInterview;
import nl.integrity.alumni.registry.Alumnus;
import nl.integrity.alumni.registry.AlumnusStatus;
import nl.integrity.alumni.registry.RecordFacts;
import nl.integrity.platform.outbox.Outbox;
import nl.integrity.platform.schedule.PeriodicJob;
import nl.integrity.platform.schedule.ScheduledRuns;
import org.jboss.logging.Logger;

/**
 * Retention (AVG/GDPR storage limitation): a configurable period after the obligation window
 * ended (after departure, for those without one), a record is anonymised. Statistics keep what
 * they need; the audit trail stays (it holds no personal data of the alumnus but the id);
 * exit-interview notes and the consent history go. Each anonymisation is announced so the other
 * services remove their copies too, by one event per alumnus however often the run repeats.
 * Runs nightly on one instance ({@link ScheduledRuns}).
 */
@ApplicationScoped
public class Retention implements PeriodicJob {

    private static final Logger LOG = Logger.getLogger(Retention.class);
    private static final int BATCH = 500;

    private final Outbox outbox;
    private final Event<RecordFacts> recordFacts;
    private final Period period;
    private final String cron;

    Retention(Outbox outbox, AlumniConfig config, Event<RecordFacts> recordFacts) {
        this.outbox = outbox;
        this.recordFacts = recordFacts;
        this.period = config.retention().period();
        this.cron = config.retention().cron();
    }

    @Override
    public String name() {
        return "retention";
    }

    @Override
    public String cron() {
        return cron;
    }

    @Override
    public String run(Instant period) {
        return run(PeriodicJob.dayOf(period)) + " records anonymised";
    }

    /** Anonymises every record whose retention period ended before {@code today}; returns how many. */
    public int run(LocalDate today) {
        LocalDate cutoff = today.minus(period);
        int total = 0;
        int succeeded;
        List<UUID> due;
        do {
            due = QuarkusTransaction.requiringNew()
                    .call(() -> Alumnus.<Alumnus>find("""
                    status <> ?1 and ((windowEnd is not null and windowEnd < ?2) or (windowEnd is null and departureDate < ?2))""", AlumnusStatus.ANONYMISED, cutoff).page(0, BATCH).stream()
                            .map(Alumnus::id)
                            .toList());
            succeeded = 0;
            for (UUID id : due) {
                try {
                    QuarkusTransaction.requiringNew().run(() -> anonymise(id));
                    succeeded++;
                } catch (RuntimeException e) {
                    LOG.errorf(e, "Retention: record %s could not be anonymised; the next run tries again", id);
                }
            }
            total += succeeded;
        } while (due.size() == BATCH && succeeded > 0);
        return total;
    }

    private void anonymise(UUID id) {
        Alumnus alumnus = Alumnus.findById(id);
        alumnus.anonymise();
        recordFacts.fire(RecordFacts.anonymised(alumnus));
        ExitInterview.anonymiseAllOf(id);
        NetworkConsent.forget(id);
        outbox.appendAll(List.of(new Outbox.Pending(
                AlumnusAnonymised.TOPIC,
                id.toString(),
                AlumnusAnonymised.TYPE,
                "alumni/" + id,
                new AlumnusAnonymised(id, alumnus.organisation().name()),
                Outbox.eventId(AlumnusAnonymised.TYPE, id))));
    }
}
