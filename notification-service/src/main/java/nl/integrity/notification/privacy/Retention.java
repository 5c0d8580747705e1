package nl.integrity.notification.privacy;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import nl.integrity.notification.NotificationConfig;
import nl.integrity.platform.schedule.PeriodicJob;
import nl.integrity.platform.schedule.ScheduledRuns;

/**
 * Retention (AVG/GDPR storage limitation) of what this service keeps, each kind after its own
 * period ({@code notification.retention.*}): resolved alerts, finished deliveries and, earlier,
 * their payloads, office digest records, and the texts of network mailings. Nightly, on one
 * instance ({@link ScheduledRuns}); each kind in batches of their own transaction, so no long lock
 * holds up the consumers or the dispatchers. A repeated run finds nothing more to remove.
 *
 * <p>Open alerts stay until they are resolved: they are work still to do. Whatever the periods,
 * the texts about an alumnus go when the registry anonymises them (see the alumni events consumer).
 */
@ApplicationScoped
public class Retention implements PeriodicJob {

    private final EntityManager em;
    private final NotificationConfig.Retention config;

    Retention(EntityManager em, NotificationConfig config) {
        this.em = em;
        this.config = config.retention();
    }

    @Override
    public String name() {
        return "notification-retention";
    }

    @Override
    public String cron() {
        return config.cron();
    }

    /** What one run removed, by kind: counts only. */
    public record Removed(long alerts, long deliveries, long payloads, long officeDigests, long mailingTexts) {
        @Override
        public String toString() {
            return alerts + " resolved alerts, " + deliveries + " deliveries, " + officeDigests
                    + " office digests removed; " + payloads + " delivery payloads, " + mailingTexts
                    + " network mailing texts emptied";
        }
    }

    @Override
    public String run(Instant period) {
        return removeBefore(period).toString();
    }

    /** Removes what is older than its retention at {@code now}. */
    public Removed removeBefore(Instant now) {
        long alerts = inBatches("""
                delete from alert where id in
                    (select id from alert where status = 'RESOLVED' and resolved_at < ?1 limit ?2)""", before(now, config.alerts()));
        long deliveries = inBatches("""
                delete from delivery where id in
                    (select id from delivery where created_at < ?1 and status in ('SENT', 'DEAD', 'CANCELLED') limit ?2)""", before(now, config.deliveries()));
        long payloads = inBatches("""
                update delivery set payload = null where id in
                    (select id from delivery where payload is not null and created_at < ?1
                                                 and status in ('SENT', 'DEAD', 'CANCELLED') limit ?2)""", before(now, config.deliveryPayloads()));
        long digests = inBatches("""
                delete from office_digest where (organisation, digest_date) in
                    (select organisation, digest_date from office_digest where created_at < ?1 limit ?2)""", before(now, config.officeDigests()));
        long mailingTexts = inBatches("""
                update network_mailing set text_nl = null, text_en = null where id in
                    (select id from network_mailing where created_at < ?1 and (text_nl is not null or text_en is not null)
                     limit ?2)""", before(now, config.networkMailings()));
        return new Removed(alerts, deliveries, payloads, digests, mailingTexts);
    }

    /** The moment {@code retention} before {@code now} (periods of months and years count in calendar terms, in UTC). */
    private static Instant before(Instant now, Period retention) {
        return now.atZone(ZoneOffset.UTC).minus(retention).toInstant();
    }

    /** Runs {@code sql} (taking the cutoff and a batch size) a batch per transaction until a batch falls short; how many rows in all. */
    private long inBatches(String sql, Instant cutoff) {
        long total = 0;
        int changed;
        do {
            changed = QuarkusTransaction.requiringNew()
                    .call(() -> em.createNativeQuery(sql)
                            .setParameter(1, cutoff)
                            .setParameter(2, config.batchSize())
                            .executeUpdate());
            total += changed;
        } while (changed == config.batchSize());
        return total;
    }
}
