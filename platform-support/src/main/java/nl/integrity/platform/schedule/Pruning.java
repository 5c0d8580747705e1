package nl.integrity.platform.schedule;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import nl.integrity.platform.PlatformConfig;

/**
 * Keeps the platform's own tables from growing forever: published outbox rows (their events are
 * on the broker), processed-event rows (the inbox of each consumer) and finished scheduled runs
 * and audit entries older than the trail's retention (which the table's guard enforces) are deleted
 * after their retention, hourly, in small batches of their own transaction each, so
 * no long lock holds up the relay or the consumers.
 *
 * <p>The inbox must remember an event at least as long as the broker may deliver it again: keep
 * {@code inbox-retention} longer than the topics' retention (7 days by default).
 */
@ApplicationScoped
public class Pruning implements PeriodicJob {

    private final EntityManager em;
    private final PlatformConfig.Pruning config;

    Pruning(EntityManager em, PlatformConfig.Pruning config) {
        this.em = em;
        this.config = config;
    }

    @Override
    public String name() {
        return "platform-pruning";
    }

    @Override
    public String cron() {
        return config.cron();
    }

    @Override
    public String run(Instant period) {
        long outbox = deleteInBatches("""
                delete from outbox_message where position in
                    (select position from outbox_message where published_at < ?1 limit ?2)""", period.minus(config.outboxRetention()));
        long inbox = deleteInBatches("""
                delete from processed_event where (consumer, event_id) in
                    (select consumer, event_id from processed_event where processed_at < ?1 limit ?2)""", period.minus(config.inboxRetention()));
        long finishedRuns = deleteInBatches("""
                delete from scheduled_run where (job, period) in
                    (select job, period from scheduled_run where finished_at < ?1 limit ?2)""", period.minus(config.runRetention()));
        long audit = deleteInBatches("""
                delete from staff_audit where id in
                    (select id from staff_audit where occurred_at < ?1 limit ?2)""", period.minus(config.auditRetention()));
        return outbox + " published events, " + inbox + " processed events, " + finishedRuns + " finished runs, "
                + audit + " audit entries past their retention removed";
    }

    /** Deletes what {@code sql} selects before {@code cutoff}, a batch per transaction; how many in all. */
    long deleteInBatches(String sql, Instant cutoff) {
        long total = 0;
        int deleted;
        do {
            deleted = QuarkusTransaction.requiringNew()
                    .call(() -> em.createNativeQuery(sql)
                            .setParameter(1, cutoff)
                            .setParameter(2, config.batchSize())
                            .executeUpdate());
            total += deleted;
        } while (deleted == config.batchSize());
        return total;
    }
}
