package nl.integrity.notification.delivery;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The delivery table as a work queue, shared by the channels' dispatchers: claim due deliveries
 * with {@code FOR UPDATE SKIP LOCKED} and a lease (so instances share the work and a crashed
 * instance's claims come due again), and record each attempt: sent; failed and due again after
 * the schedule's next wait, with jitter; or dead after the last attempt.
 */
@ApplicationScoped
public class DeliveryQueue {

    private final EntityManager em;
    private final Clock clock;
    private final DeliveryMetrics metrics;

    DeliveryQueue(EntityManager em, Clock clock, DeliveryMetrics metrics) {
        this.em = em;
        this.clock = clock;
        this.metrics = metrics;
    }

    /** Claims up to {@code limit} due deliveries of the channel; they are not due again for {@code lease}. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    @SuppressWarnings("unchecked")
    public List<Delivery> claim(Delivery.Channel channel, int limit, Duration lease) {
        Instant now = clock.instant();
        List<UUID> ids = em.createNativeQuery("""
                        update delivery set next_attempt_at = ?1
                        where id in (select id from delivery
                                     where channel = ?2 and status in ('PENDING', 'FAILED') and next_attempt_at <= ?3
                                     order by next_attempt_at limit ?4 for update skip locked)
                        returning id""", UUID.class)
                .setParameter(1, now.plus(lease))
                .setParameter(2, channel.name())
                .setParameter(3, now)
                .setParameter(4, limit)
                .getResultList();
        return ids.isEmpty() ? List.of() : Delivery.list("id in ?1", ids);
    }

    /**
     * Claims up to {@code limit} due webhook deliveries, at most {@code perSubscription} of any one
     * subscription and none of the {@code busy} ones (those with as many in flight already): a
     * receiver with a backlog, or a slow one, never takes the turns of the others. The turns are
     * chosen from the statement's snapshot; the lock re-checks that each row is still due, so two
     * instances claiming at once never both take a row.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    @SuppressWarnings("unchecked")
    public List<Delivery> claimWebhooks(
            int limit, Duration lease, int perSubscription, java.util.Collection<UUID> busy) {
        Instant now = clock.instant();
        List<UUID> ids = em.createNativeQuery("""
                        update delivery set next_attempt_at = ?1
                        where id in (select id from delivery where id in (
                                         select id from (
                                             select id, row_number() over (partition by subscription_id order by next_attempt_at) as turn
                                             from (select id, subscription_id, next_attempt_at from delivery
                                                   where channel = 'WEBHOOK' and status in ('PENDING', 'FAILED')
                                                     and next_attempt_at <= ?2 and not (subscription_id = any (?3))
                                                   order by next_attempt_at limit 1000) due) turns
                                         where turn <= ?4)
                                       -- again at the level that locks: a row another instance claimed and committed
                                       -- after this statement began is re-read there, no longer due, and left out
                                       and status in ('PENDING', 'FAILED') and next_attempt_at <= ?2
                                     order by next_attempt_at limit ?5 for update skip locked)
                        returning id""", UUID.class)
                .setParameter(1, now.plus(lease))
                .setParameter(2, now)
                .setParameter(3, busy.toArray(UUID[]::new))
                .setParameter(4, perSubscription)
                .setParameter(5, limit)
                .getResultList();
        return ids.isEmpty() ? List.of() : Delivery.list("id in ?1", ids);
    }

    /** The attempt succeeded. Call in a transaction, with the delivery loaded in it. */
    public void sent(Delivery d, Integer statusCode) {
        d.markDelivered(statusCode, clock.instant());
        metrics.count(d.channel(), DeliveryMetrics.Outcome.SENT);
    }

    /**
     * The attempt failed: due again after the schedule's next wait, or dead after the last one
     * (or at once with {@code giveUp}); a delivery cancelled meanwhile stays cancelled. Call in a
     * transaction, with the delivery loaded in it.
     */
    public void failed(
            Delivery d, Integer statusCode, String error, List<Duration> schedule, double jitter, boolean giveUp) {
        if (d.status() == DeliveryStatus.CANCELLED) {
            return; // cancelled while the attempt was under way (its alumnus anonymised): never tried again
        }
        Optional<Duration> wait = giveUp ? Optional.empty() : d.nextWait(schedule);
        if (wait.isPresent()) {
            d.scheduleRetry(statusCode, error, clock.instant().plus(withJitter(wait.get(), jitter)));
            metrics.count(d.channel(), DeliveryMetrics.Outcome.FAILED);
        } else {
            d.markDead(statusCode, error);
            metrics.count(d.channel(), DeliveryMetrics.Outcome.DEAD);
        }
    }

    /** Not to be sent after all, and never again; why in {@code reason}. Call in a transaction, with the delivery loaded in it. */
    public void cancelled(Delivery d, String reason) {
        d.cancel(reason);
        metrics.count(d.channel(), DeliveryMetrics.Outcome.CANCELLED);
    }

    private static Duration withJitter(Duration wait, double jitter) {
        double factor = 1 + jitter * (2 * ThreadLocalRandom.current().nextDouble() - 1);
        return Duration.ofMillis(Math.max(0, Math.round(wait.toMillis() * factor)));
    }
}
