package nl.integrity.alumni.retention;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.UUID;
import nl.integrity.alumni.consent.NetworkConsent;
import nl.integrity.alumni.exitinterview.ExitInterview;
import nl.integrity.alumni.registry.Alumnus;
import nl.integrity.alumni.registry.AlumnusStatus;
import nl.integrity.platform.outbox.Outbox;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Retention (AVG/GDPR storage limitation): a configurable period after the obligation window
 * ended (after departure, for those without one), a record is anonymised. Statistics keep what
 * they need; the audit trail stays (it holds no personal data of the alumnus but the id);
 * exit-interview notes and the consent history go. Each anonymisation is announced so the other
 * services remove their copies too.
 */
@ApplicationScoped
public class Retention {

    private static final Logger LOG = Logger.getLogger(Retention.class);
    private static final int BATCH = 500;

    private final Outbox outbox;
    private final Clock clock;
    private final Period period;

    Retention(Outbox outbox, Clock clock, @ConfigProperty(name = "alumni.retention.period") Period period) {
        this.outbox = outbox;
        this.clock = clock;
        this.period = period;
    }

    @Scheduled(cron = "${alumni.retention.cron}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
               skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void nightly() {
        int anonymised = run(LocalDate.now(clock));
        LOG.infof("Retention: %d records anonymised", anonymised);
    }

    /** Anonymises every record whose retention period ended before {@code today}; returns how many. */
    public int run(LocalDate today) {
        LocalDate cutoff = today.minus(period);
        int total = 0;
        int succeeded;
        List<UUID> due;
        do {
            due = QuarkusTransaction.requiringNew().call(() -> Alumnus.<Alumnus>find("""
                    status <> ?1 and ((windowEnd is not null and windowEnd < ?2) or (windowEnd is null and departureDate < ?2))""",
                    AlumnusStatus.ANONYMISED, cutoff).page(0, BATCH).stream().map(a -> a.id).toList());
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
        ExitInterview.update("interviewer = 'Geanonimiseerd', notes = null where alumnusId = ?1", id);
        NetworkConsent.delete("alumnusId", id);
        outbox.append(AlumnusAnonymised.TOPIC, id.toString(), AlumnusAnonymised.TYPE, "alumni/" + id,
                new AlumnusAnonymised(id, alumnus.organisation.name()));
    }
}
