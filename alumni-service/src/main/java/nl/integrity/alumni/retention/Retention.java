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
 * exit-interview notes and the consent history go, and so does what follows the record's
 * anonymisation ({@link RecordFacts}): the login, aftercare notes, the subjects of agreements, the
 * texts of requests for correction. The events about the alumnus already published, which carry
 * their name and address, leave the outbox too; one still waiting is published first. Each
 * anonymisation is announced so the other services remove their copies too, by one event per
 * alumnus however often the run repeats.
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
                if (anonymiseWithRetry(id)) {
                    succeeded++;
                }
            }
            total += succeeded;
        } while (due.size() == BATCH && succeeded > 0);
        return total;
    }

    /**
     * Anonymises one record in a transaction of its own, again (up to three times) when the record's
     * login was changed meanwhile (its worker recording an invitation as this runs); false when it
     * failed, which the next run tries again.
     */
    private boolean anonymiseWithRetry(UUID id) {
        for (int attempt = 1; ; attempt++) {
            try {
                QuarkusTransaction.requiringNew().run(() -> anonymise(id));
                return true;
            } catch (RuntimeException e) {
                if (attempt < 3 && changedMeanwhile(e)) {
                    LOG.debugf("Retention: record %s changed meanwhile; trying again", id);
                    continue;
                }
                LOG.errorf(e, "Retention: record %s could not be anonymised; the next run tries again", id);
                return false;
            }
        }
    }

    private static boolean changedMeanwhile(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof jakarta.persistence.OptimisticLockException
                    || cause instanceof org.hibernate.StaleStateException) {
                return true;
            }
        }
        return false;
    }

    private void anonymise(UUID id) {
        Alumnus alumnus = Alumnus.findById(id);
        alumnus.anonymise();
        recordFacts.fire(RecordFacts.anonymised(alumnus));
        ExitInterview.anonymiseAllOf(id);
        NetworkConsent.forget(id);
        outbox.forgetPublished(List.of(id.toString())); // every alumni event is keyed by the alumnus
        outbox.appendAll(List.of(new Outbox.Pending(
                AlumnusAnonymised.TOPIC,
                id.toString(),
                AlumnusAnonymised.TYPE,
                "alumni/" + id,
                new AlumnusAnonymised(id, alumnus.organisation().name()),
                Outbox.eventId(AlumnusAnonymised.TYPE, id))));
    }
}
