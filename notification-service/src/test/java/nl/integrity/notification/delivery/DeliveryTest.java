package nl.integrity.notification.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What each attempt does to a delivery, without a database. */
class DeliveryTest {

    static final Instant NOW = Instant.parse("2026-11-30T10:00:00Z");
    static final List<Duration> SCHEDULE = List.of(Duration.ofSeconds(10), Duration.ofMinutes(1));

    static Delivery delivery() {
        return Delivery.pendingWebhook(
                UUID.randomUUID(),
                "POLITIE",
                "https://hooks.example.nl/x",
                UUID.randomUUID(),
                "nl.integrity.declaration.submitted.v1",
                "{}",
                NOW);
    }

    @Test
    void eachWaitOfTheSchedule_thenNoMore() {
        Delivery d = delivery();
        assertEquals(Optional.of(Duration.ofSeconds(10)), d.nextWait(SCHEDULE));
        d.scheduleRetry(500, "HTTP 500", NOW.plusSeconds(10));
        assertEquals(DeliveryStatus.FAILED, d.status());
        assertEquals(NOW.plusSeconds(10), d.nextAttemptAt());
        assertEquals(Optional.of(Duration.ofMinutes(1)), d.nextWait(SCHEDULE));
        d.scheduleRetry(500, "HTTP 500", NOW.plusSeconds(70));
        assertEquals(Optional.empty(), d.nextWait(SCHEDULE), "the third attempt was the last");
        d.markDead(503, "HTTP 503");
        assertEquals(DeliveryStatus.DEAD, d.status());
        assertEquals(3, d.attempts());
        assertNull(d.nextAttemptAt());
        assertEquals(503, d.lastStatusCode());
    }

    @Test
    void aLongError_isCutOff() {
        Delivery d = delivery();
        d.markDead(null, "x".repeat(5000));
        assertEquals(Delivery.MAX_ERROR, d.lastError().length());
    }

    @Test
    void delivered_forgetsTheLastError_andReplay_startsOver() {
        Delivery d = delivery();
        d.scheduleRetry(500, "HTTP 500", NOW.plusSeconds(10));
        d.markDelivered(204, NOW.plusSeconds(11));
        assertEquals(DeliveryStatus.SENT, d.status());
        assertEquals(2, d.attempts());
        assertNull(d.lastError());
        assertEquals(NOW.plusSeconds(11), d.sentAt());

        d.replay(NOW.plusSeconds(60));
        assertEquals(DeliveryStatus.PENDING, d.status());
        assertEquals(0, d.attempts());
        assertEquals(NOW.plusSeconds(60), d.nextAttemptAt());
    }

    @Test
    void cancelled_saysWhy_andIsNeverDue() {
        Delivery d = Delivery.pending(
                Delivery.Channel.EMAIL, "POLITIE", "alumnus:x", UUID.randomUUID(), "network-mailing", "{}", NOW);
        d.cancel("consent withdrawn");
        assertEquals(DeliveryStatus.CANCELLED, d.status());
        assertEquals("consent withdrawn", d.lastError());
        assertNull(d.nextAttemptAt());
        assertEquals(0, d.attempts());
    }
}
