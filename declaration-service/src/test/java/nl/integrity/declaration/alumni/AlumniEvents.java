package nl.integrity.declaration.alumni;

import io.quarkus.narayana.jta.QuarkusTransaction;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import nl.integrity.platform.testing.KafkaProbe;

/** Publishes registry events the way alumni-service does, for this service's consumer tests. */
public final class AlumniEvents {

    public static final String TOPIC = "test.alumni.events";
    private static volatile boolean consumerJoined;

    private AlumniEvents() {
    }

    public static String registered(UUID alumnusId, String organisation, String personnelNumber, String fullName) {
        return """
                {"alumnusId":"%s","organisation":"%s","personnelNumber":"%s","fullName":"%s",
                 "departureDate":"2026-03-31","departureReason":"DISCIPLINARY_DISMISSAL","status":"DEPARTED",
                 "someFieldAddedLater":{"ignored":true}}"""
                .formatted(alumnusId, organisation, personnelNumber, fullName);
    }

    public static void publishRegistered(UUID eventId, UUID alumnusId, String organisation, String personnelNumber, String fullName) {
        KafkaProbe.publish(TOPIC, alumnusId.toString(), eventId, AlumnusRegistered.TYPE,
                registered(alumnusId, organisation, personnelNumber, fullName));
    }

    public static Optional<KnownAlumnus> known(UUID alumnusId) {
        return QuarkusTransaction.requiringNew().call(() -> KnownAlumnus.<KnownAlumnus>findByIdOptional(alumnusId));
    }

    /** Registers a fresh alumnus through the real topic and waits until the read model has it. */
    public static UUID registerAndAwait(String organisation, String personnelNumber) {
        awaitConsumerJoined();
        UUID alumnusId = UUID.randomUUID();
        publishRegistered(UUID.randomUUID(), alumnusId, organisation, personnelNumber, "Test Alumnus");
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(15)).until(() -> known(alumnusId).isPresent());
        return alumnusId;
    }

    /** The read-model id of this alumnus, registering them through the topic first if unknown. */
    public static UUID ensureKnown(String organisation, String personnelNumber) {
        return QuarkusTransaction.requiringNew()
                .call(() -> KnownAlumnus.findByPersonnelNumber(organisation, personnelNumber).map(a -> a.alumnusId))
                .orElseGet(() -> registerAndAwait(organisation, personnelNumber));
    }

    public static void awaitConsumerJoined() {
        if (consumerJoined) {
            return;
        }
        UUID[] probe = new UUID[1];
        KafkaProbe.awaitConsumerJoined(() -> {
            probe[0] = UUID.randomUUID();
            publishRegistered(UUID.randomUUID(), probe[0], "KMAR", "PROBE-" + probe[0].toString().substring(0, 8), "Probe");
        }, () -> known(probe[0]).isPresent(), Duration.ofSeconds(60));
        consumerJoined = true;
    }
}
