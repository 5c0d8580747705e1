package nl.integrity.notification.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import nl.integrity.notification.delivery.Delivery;
import nl.integrity.notification.delivery.DeliveryQueue;
import org.junit.jupiter.api.Test;

/**
 * Several dispatchers (instances) claiming due deliveries at the same moment, over and over, as
 * they do under load: each delivery is claimed by exactly one of them. A claim that another
 * dispatcher committed while this one was choosing its rows must be seen, or the message is sent
 * twice.
 */
@QuarkusTest
@TestProfile(ClaimOnceTest.NoDispatcher.class)
class ClaimOnceTest {

    /**
     * The service's own dispatchers stay out of the way: the test's threads are the dispatchers. A
     * long poll interval is not enough, as an interval job also runs once at start, and the mail
     * dispatcher's first batch then could take twenty of the first round's deliveries; "off" never runs.
     */
    public static class NoDispatcher implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("notification.webhooks.poll-interval", "off", "notification.mail.poll-interval", "off");
        }
    }

    static final int DELIVERIES = 400;
    static final int DISPATCHERS = 4;

    @Inject
    DeliveryQueue queue;

    @Test
    void webhookDeliveriesClaimedByFourDispatchersAtOnce_areEachClaimedOnce() throws Exception {
        for (int round = 0; round < 5; round++) {
            UUID subscription = UUID.fromString(WebhookDeliveryTest.subscribe(
                            "admin", "http://127.0.0.1:9/claim-" + round, WebhookDeliveryTest.SUBMITTED)
                    .getString("id"));
            List<UUID> due = insertDue(subscription, Delivery.Channel.WEBHOOK);
            Map<UUID, AtomicInteger> claims = claimConcurrently(
                    () -> queue.claimWebhooks(10, Duration.ofMinutes(1), DELIVERIES, List.of()), subscription);
            assertEquals(DELIVERIES, claims.size(), "every due delivery claimed (round " + round + ")");
            assertEquals(Map.of(), twice(claims), "no delivery claimed twice (round " + round + ")");
            assertEquals(
                    due.size(), claims.keySet().stream().filter(due::contains).count());
            remove(due, subscription);
        }
    }

    @Test
    void mailDeliveriesClaimedByFourDispatchersAtOnce_areEachClaimedOnce() throws Exception {
        for (int round = 0; round < 5; round++) {
            List<UUID> due = insertDue(null, Delivery.Channel.EMAIL);
            Map<UUID, AtomicInteger> claims =
                    claimConcurrently(() -> queue.claim(Delivery.Channel.EMAIL, 10, Duration.ofMinutes(1)), null);
            claims.keySet().retainAll(due);
            assertEquals(DELIVERIES, claims.size(), "every due delivery claimed (round " + round + ")");
            assertEquals(Map.of(), twice(claims), "no delivery claimed twice (round " + round + ")");
            remove(due, null);
        }
    }

    interface Claim {
        List<Delivery> next();
    }

    private static Map<UUID, Integer> twice(Map<UUID, AtomicInteger> claims) {
        return claims.entrySet().stream()
                .filter(e -> e.getValue().get() > 1)
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().get()));
    }

    private static List<UUID> insertDue(UUID subscription, Delivery.Channel channel) {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<UUID> ids = new ArrayList<>();
            Instant due = Instant.now().minusSeconds(1);
            for (int i = 0; i < DELIVERIES; i++) {
                Delivery d = channel == Delivery.Channel.WEBHOOK
                        ? Delivery.pendingWebhook(
                                subscription,
                                "POLITIE",
                                "http://127.0.0.1:9/claim",
                                UUID.randomUUID(),
                                WebhookDeliveryTest.SUBMITTED,
                                "{}",
                                due)
                        : Delivery.pending(
                                channel,
                                "POLITIE",
                                "office-" + i + "@example.org",
                                UUID.randomUUID(),
                                WebhookDeliveryTest.SUBMITTED,
                                "{}",
                                due);
                d.persist();
                ids.add(d.id());
            }
            return ids;
        });
    }

    /** The test's deliveries (and subscription) go, so that no later test's dispatcher sends them. */
    private static void remove(List<UUID> deliveries, UUID subscription) {
        QuarkusTransaction.requiringNew().run(() -> {
            Delivery.delete("id in ?1", deliveries);
            if (subscription != null) {
                Delivery.getEntityManager()
                        .createNativeQuery("delete from webhook_subscription where id = ?1")
                        .setParameter(1, subscription)
                        .executeUpdate();
            }
        });
    }

    /** Four threads claim until nothing is due; how often each delivery was claimed (of this subscription, if given). */
    private static Map<UUID, AtomicInteger> claimConcurrently(Claim claim, UUID subscription) throws Exception {
        Map<UUID, AtomicInteger> claims = new ConcurrentHashMap<>();
        ExecutorService dispatchers = Executors.newFixedThreadPool(DISPATCHERS);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int i = 0; i < DISPATCHERS; i++) {
                running.add(dispatchers.submit(() -> {
                    List<Delivery> batch;
                    while (!(batch = claim.next()).isEmpty()) {
                        batch.stream()
                                .filter(d -> subscription == null || subscription.equals(d.subscriptionId()))
                                .forEach(d -> claims.computeIfAbsent(d.id(), id -> new AtomicInteger())
                                        .incrementAndGet());
                    }
                    return null;
                }));
            }
            for (Future<?> f : running) {
                f.get(2, TimeUnit.MINUTES);
            }
        } finally {
            dispatchers.shutdownNow();
        }
        return claims;
    }
}
