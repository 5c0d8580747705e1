package nl.integrity.declaration.alumni;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import nl.integrity.platform.testing.KafkaProbe;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The read model of alumni, fed through the real Kafka broker. */
@QuarkusTest
class AlumniEventsConsumerTest {

    @BeforeEach
    void consumerHasJoined() {
        AlumniEvents.awaitConsumerJoined();
    }

    @Test
    void registered_addsAlumnusToReadModel() {
        UUID alumnusId = UUID.randomUUID();
        AlumniEvents.publishRegistered(UUID.randomUUID(), alumnusId, "POLITIE", "C-" + alumnusId.toString().substring(0, 6), "Eva Boer");

        Awaitility.await().atMost(Duration.ofSeconds(15)).until(() -> AlumniEvents.known(alumnusId).isPresent());
        KnownAlumnus known = AlumniEvents.known(alumnusId).orElseThrow();
        assertEquals("POLITIE", known.organisation);
        assertEquals("Eva Boer", known.fullName);
        assertEquals("DISCIPLINARY_DISMISSAL", known.departureReason);
    }

    @Test
    void sameEventDeliveredTwice_hasOneEffect() {
        UUID eventId = UUID.randomUUID();
        UUID alumnusId = UUID.randomUUID();
        String number = "D-" + alumnusId.toString().substring(0, 6);
        AlumniEvents.publishRegistered(eventId, alumnusId, "KMAR", number, "First Delivery");
        // The redelivery carries the same event id; were it applied, the name would change.
        AlumniEvents.publishRegistered(eventId, alumnusId, "KMAR", number, "Second Delivery");
        // A marker on the same key (same partition, so consumed after both deliveries) about another alumnus.
        UUID marker = UUID.randomUUID();
        KafkaProbe.publish(AlumniEvents.TOPIC, alumnusId.toString(), UUID.randomUUID(), AlumnusRegistered.TYPE,
                AlumniEvents.registered(marker, "KMAR", "M-" + number, "Marker"));

        Awaitility.await().atMost(Duration.ofSeconds(15)).until(() -> AlumniEvents.known(marker).isPresent());
        assertEquals("First Delivery", AlumniEvents.known(alumnusId).orElseThrow().fullName,
                "the second delivery of the same event had no effect");
    }

    @Test
    void recordThatIsNoCloudEvent_goesToDeadLetterTopicAndConsumptionGoesOn() {
        try (var dlq = KafkaProbe.watch("test.alumni.events.dlq")) {
            String key = "poison-" + UUID.randomUUID();
            KafkaProbe.publish(AlumniEvents.TOPIC, key, Map.of(), "{\"no\":\"headers\"}");

            dlq.await(r -> key.equals(r.key()), Duration.ofSeconds(15))
                    .orElseThrow(() -> new AssertionError("poison record not on the dead-letter topic"));
        }
        UUID after = AlumniEvents.registerAndAwait("POLITIE", "E-" + UUID.randomUUID().toString().substring(0, 6));
        assertEquals("POLITIE", AlumniEvents.known(after).orElseThrow().organisation);
    }
}
