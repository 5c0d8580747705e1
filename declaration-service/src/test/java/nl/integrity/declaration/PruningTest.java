package nl.integrity.declaration;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import nl.integrity.platform.schedule.Pruning;
import org.junit.jupiter.api.Test;

/** The outbox and the inbox keep rows only for their retention, and never an event still to publish. */
@QuarkusTest
class PruningTest {

    @Inject
    Pruning pruning;

    @Inject
    EntityManager em;

    UUID outboxRow(Instant occurredAt, Instant publishedAt) {
        UUID id = UUID.randomUUID();
        QuarkusTransaction.requiringNew()
                .run(() -> em.createNativeQuery("""
                        insert into outbox_message (event_id, topic, aggregate_id, event_type, subject, payload, occurred_at,
                                                    published_at, attempts)
                        values (?1, 'pruning.test', 'a', 't', 's', '{}', ?2, ?3, 1)""")
                        .setParameter(1, id)
                        .setParameter(2, occurredAt)
                        .setParameter(3, publishedAt)
                        .executeUpdate());
        return id;
    }

    UUID inboxRow(Instant processedAt) {
        UUID id = UUID.randomUUID();
        QuarkusTransaction.requiringNew()
                .run(() -> em.createNativeQuery(
                                "insert into processed_event (consumer, event_id, processed_at) values ('pruning-test', ?1, ?2)")
                        .setParameter(1, id)
                        .setParameter(2, processedAt)
                        .executeUpdate());
        return id;
    }

    long count(String sql, UUID id) {
        return QuarkusTransaction.requiringNew()
                .call(() ->
                        ((Number) em.createNativeQuery(sql).setParameter(1, id).getSingleResult()).longValue());
    }

    @Test
    void publishedEventsAndProcessedEvents_goAfterTheirRetention_unpublishedOnesStay() {
        Instant now = Instant.parse("2031-06-01T10:40:00Z");
        UUID oldPublished = outboxRow(now.minus(Duration.ofDays(9)), now.minus(Duration.ofDays(8)));
        UUID recentPublished = outboxRow(now.minus(Duration.ofDays(2)), now.minus(Duration.ofDays(2)));
        UUID oldUnpublished = outboxRow(now.minus(Duration.ofDays(40)), null);
        UUID oldProcessed = inboxRow(now.minus(Duration.ofDays(31)));
        UUID recentProcessed = inboxRow(now.minus(Duration.ofDays(29)));

        pruning.run(now);

        String outbox = "select count(*) from outbox_message where event_id = ?1";
        String inbox = "select count(*) from processed_event where event_id = ?1";
        assertEquals(0, count(outbox, oldPublished), "published more than 7 days ago");
        assertEquals(1, count(outbox, recentPublished));
        assertEquals(1, count(outbox, oldUnpublished), "never an event still to publish");
        assertEquals(0, count(inbox, oldProcessed), "processed more than 30 days ago");
        assertEquals(1, count(inbox, recentProcessed));
    }

    @Test
    void manyOldRows_goInBatches() {
        Instant now = Instant.parse("2031-07-01T10:40:00Z");
        QuarkusTransaction.requiringNew()
                .run(() -> em.createNativeQuery("""
                        insert into outbox_message (event_id, topic, aggregate_id, event_type, subject, payload, occurred_at,
                                                    published_at, attempts)
                        select gen_random_uuid(), 'pruning.batch', 'a', 't', 's', '{}', ?1, ?1, 1
                        from generate_series(1, 2500)""")
                        .setParameter(1, now.minus(Duration.ofDays(10)))
                        .executeUpdate());

        pruning.run(now);

        assertEquals(0L, (long) QuarkusTransaction.requiringNew()
                .call(() -> ((Number) em.createNativeQuery(
                                        "select count(*) from outbox_message where topic = 'pruning.batch'")
                                .getSingleResult())
                        .longValue()));
    }
}
