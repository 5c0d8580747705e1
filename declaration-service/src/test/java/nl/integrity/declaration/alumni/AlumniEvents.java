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

    private AlumniEvents() {}

    public static final String PROFILES_TOPIC = "test.function-profile.events";

    public static String registered(UUID alumnusId, String organisation, String personnelNumber, String fullName) {
        return """
                {"alumnusId":"%s","organisation":"%s","personnelNumber":"%s","fullName":"%s",
                 "departureDate":"2026-03-31","departureReason":"DISCIPLINARY_DISMISSAL","status":"DEPARTED",
                 "unit":"Eenheid Oost","lastFunction":"REC-DIG","windowStart":"2026-03-31","windowEnd":"2027-09-30",
                 "windowFunctionCode":"REC-DIG","windowRiskLevel":"HIGH","version":0,
                 "someFieldAddedLater":{"ignored":true}}""".formatted(alumnusId, organisation, personnelNumber, fullName);
    }

    public static void publishRegistered(
            UUID eventId, UUID alumnusId, String organisation, String personnelNumber, String fullName) {
        KafkaProbe.publish(
                TOPIC,
                alumnusId.toString(),
                eventId,
                AlumniEventsConsumer.REGISTERED,
                registered(alumnusId, organisation, personnelNumber, fullName));
    }

    /** A record update at registry version {@code version}, carrying the record's facts as alumni-service sends them. */
    public static void publishUpdated(
            UUID alumnusId, String organisation, String personnelNumber, String fullName, String status, long version) {
        KafkaProbe.publish(TOPIC, alumnusId.toString(), UUID.randomUUID(), AlumniEventsConsumer.UPDATED, """
                {"alumnusId":"%s","organisation":"%s","changedFields":["fullName","status"],"email":null,"phone":null,
                 "version":%d,"personnelNumber":"%s","fullName":"%s","departureDate":"2026-03-31",
                 "departureReason":"DISCIPLINARY_DISMISSAL","status":"%s","unit":"Eenheid Oost","lastFunction":"REC-DIG"}""".formatted(
                        alumnusId, organisation, version, personnelNumber, fullName, status));
    }

    public static void publishWindowChanged(UUID alumnusId, String organisation, String windowEnd, long version) {
        KafkaProbe.publish(
                TOPIC, alumnusId.toString(), UUID.randomUUID(), AlumniEventsConsumer.WINDOW_CHANGED, """
                {"alumnusId":"%s","organisation":"%s","windowStart":"2026-03-31","windowEnd":"%s","coolingOffMonths":24,
                 "functionCode":"REC-DIG","riskLevel":"CRITICAL","reason":"FUNCTION_PROFILE_CHANGED","version":%d}""".formatted(
                                alumnusId, organisation, windowEnd, version));
    }

    public static void publishAnonymised(UUID alumnusId, String organisation) {
        KafkaProbe.publish(
                TOPIC,
                alumnusId.toString(),
                UUID.randomUUID(),
                AlumniEventsConsumer.ANONYMISED,
                "{\"alumnusId\":\"%s\",\"organisation\":\"%s\"}".formatted(alumnusId, organisation));
    }

    /** A function-profile-changed event; events with the same {@code key} are consumed in order. */
    public static void publishProfile(
            String key, String organisation, String code, int version, String riskLevel, String sectors) {
        KafkaProbe.publish(PROFILES_TOPIC, key, UUID.randomUUID(), AlumniEventsConsumer.PROFILE_CHANGED, """
                {"profileId":"%s","organisation":"%s","code":"%s","change":"CHANGED","version":%d,"versionId":"%s",
                 "title":"Test function","functionGroup":"INVESTIGATION","riskLevel":"%s","coolingOffMonths":18,
                 "sensitiveSectors":%s,"retired":false,"validFrom":"2026-11-29T00:10:00Z"}""".formatted(
                        UUID.randomUUID(), organisation, code, version, UUID.randomUUID(), riskLevel, sectors));
    }

    public static Optional<KnownFunctionProfile> profile(String organisation, String code) {
        return QuarkusTransaction.requiringNew().call(() -> KnownFunctionProfile.of(organisation, code));
    }

    public static Optional<KnownAlumnus> known(UUID alumnusId) {
        return QuarkusTransaction.requiringNew().call(() -> KnownAlumnus.<KnownAlumnus>findByIdOptional(alumnusId));
    }

    /** Registers a fresh alumnus through the real topic and waits until the read model has it. */
    public static UUID registerAndAwait(String organisation, String personnelNumber) {
        awaitConsumerJoined();
        UUID alumnusId = UUID.randomUUID();
        publishRegistered(UUID.randomUUID(), alumnusId, organisation, personnelNumber, "Test Alumnus");
        org.awaitility.Awaitility.await()
                .atMost(Duration.ofSeconds(15))
                .until(() -> known(alumnusId).isPresent());
        return alumnusId;
    }

    /** The read-model id of this alumnus, registering them through the topic first if unknown. */
    public static UUID ensureKnown(String organisation, String personnelNumber) {
        return QuarkusTransaction.requiringNew()
                .call(() -> KnownAlumnus.findByPersonnelNumber(organisation, personnelNumber)
                        .map(KnownAlumnus::alumnusId))
                .orElseGet(() -> registerAndAwait(organisation, personnelNumber));
    }

    private static volatile boolean profileConsumerJoined;

    public static void awaitProfileConsumerJoined() {
        if (profileConsumerJoined) {
            return;
        }
        String[] probe = new String[1];
        KafkaProbe.awaitConsumerJoined(
                () -> {
                    probe[0] = "PROBE-" + UUID.randomUUID().toString().substring(0, 8);
                    publishProfile(probe[0], "KMAR", probe[0], 1, "LOW", "[]");
                },
                () -> profile("KMAR", probe[0]).isPresent(),
                Duration.ofSeconds(60));
        profileConsumerJoined = true;
    }

    public static void awaitConsumerJoined() {
        if (consumerJoined) {
            return;
        }
        UUID[] probe = new UUID[1];
        KafkaProbe.awaitConsumerJoined(
                () -> {
                    probe[0] = UUID.randomUUID();
                    publishRegistered(
                            UUID.randomUUID(),
                            probe[0],
                            "KMAR",
                            "PROBE-" + probe[0].toString().substring(0, 8),
                            "Probe");
                },
                () -> known(probe[0]).isPresent(),
                Duration.ofSeconds(60));
        consumerJoined = true;
    }
}
