package nl.integrity.declaration.alumni;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.integrity.declaration.Fixtures;
import nl.integrity.declaration.declaration.Declaration;
import nl.integrity.declaration.declaration.DeclarationVersion;
import nl.integrity.declaration.declaration.Declarations;
import nl.integrity.declaration.risk.Sector;
import nl.integrity.platform.testing.KafkaProbe;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The read model of alumni and function profiles, fed through the real Kafka broker: duplicates,
 * events out of order, anonymisation and unreadable records. Events with one key share a
 * partition, so the last one's effect shows the earlier ones were consumed.
 */
@QuarkusTest
class AlumniEventsConsumerTest {

    @Inject
    Declarations declarations;

    private static final Duration WAIT = Duration.ofSeconds(15);

    @BeforeEach
    void consumerHasJoined() {
        AlumniEvents.awaitConsumerJoined();
    }

    @Test
    void registered_addsAlumnusWithWindowToReadModel() {
        UUID alumnusId = UUID.randomUUID();
        AlumniEvents.publishRegistered(
                UUID.randomUUID(),
                alumnusId,
                "POLITIE",
                "C-" + alumnusId.toString().substring(0, 6),
                "Eva Boer");

        Awaitility.await()
                .atMost(WAIT)
                .until(() -> AlumniEvents.known(alumnusId).isPresent());
        KnownAlumnus known = AlumniEvents.known(alumnusId).orElseThrow();
        assertEquals("POLITIE", known.organisation());
        assertEquals("Eva Boer", known.fullName());
        assertEquals("DISCIPLINARY_DISMISSAL", known.departureReason());
        assertEquals(LocalDate.of(2027, 9, 30), known.windowEnd());
        assertEquals("HIGH", known.windowRiskLevel());
        assertEquals("REC-DIG", known.lastFunction());
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
        KafkaProbe.publish(
                AlumniEvents.TOPIC,
                alumnusId.toString(),
                UUID.randomUUID(),
                AlumniEventsConsumer.REGISTERED,
                AlumniEvents.registered(marker, "KMAR", "M-" + number, "Marker"));

        Awaitility.await().atMost(WAIT).until(() -> AlumniEvents.known(marker).isPresent());
        assertEquals(
                "First Delivery",
                AlumniEvents.known(alumnusId).orElseThrow().fullName(),
                "the second delivery of the same event had no effect");
    }

    @Test
    void updateArrivingBeforeTheRegistration_isKeptAndTheOlderRegistrationDoesNotOverwriteIt() {
        UUID alumnusId = UUID.randomUUID();
        String number = "O-" + alumnusId.toString().substring(0, 6);
        AlumniEvents.publishUpdated(alumnusId, "POLITIE", number, "Name After Update", "DEPARTED", 2);
        AlumniEvents.publishRegistered(UUID.randomUUID(), alumnusId, "POLITIE", number, "Name At Registration");
        AlumniEvents.publishUpdated(alumnusId, "POLITIE", number, "Stale Name", "LEAVING", 1);
        // Newer than anything so far: its arrival proves the three before were consumed.
        AlumniEvents.publishWindowChanged(alumnusId, "POLITIE", "2028-03-31", 3);

        Awaitility.await()
                .atMost(WAIT)
                .until(() -> AlumniEvents.known(alumnusId)
                        .map(a -> LocalDate.of(2028, 3, 31).equals(a.windowEnd()))
                        .orElse(false));
        KnownAlumnus known = AlumniEvents.known(alumnusId).orElseThrow();
        assertEquals("Name After Update", known.fullName(), "neither the older registration nor the stale update won");
        assertEquals("DEPARTED", known.status());
        assertEquals(2, known.recordVersion());
        assertEquals("CRITICAL", known.windowRiskLevel(), "the window of version 3");
        assertEquals(number, known.personnelNumber());
    }

    @Test
    void windowArrivingBeforeTheRegistration_startsAStubThatTheRegistrationCompletes() {
        UUID alumnusId = UUID.randomUUID();
        String number = "W-" + alumnusId.toString().substring(0, 6);
        AlumniEvents.publishWindowChanged(alumnusId, "KMAR", "2028-06-30", 1);
        Awaitility.await()
                .atMost(WAIT)
                .until(() -> AlumniEvents.known(alumnusId).isPresent());
        KnownAlumnus stub = AlumniEvents.known(alumnusId).orElseThrow();
        assertNull(stub.personnelNumber(), "a stub: no login links to it yet");
        assertTrue(KnownAlumnus.class.isInstance(stub) && !stub.registered());

        AlumniEvents.publishRegistered(UUID.randomUUID(), alumnusId, "KMAR", number, "Late Registration");
        Awaitility.await()
                .atMost(WAIT)
                .until(() -> AlumniEvents.known(alumnusId)
                        .map(KnownAlumnus::registered)
                        .orElse(false));
        KnownAlumnus known = AlumniEvents.known(alumnusId).orElseThrow();
        assertEquals("Late Registration", known.fullName());
        assertEquals(
                LocalDate.of(2028, 6, 30), known.windowEnd(), "the newer window stays; the registration's is older");
    }

    @Test
    void anonymised_removesPersonalFactsForGood() {
        UUID alumnusId = AlumniEvents.registerAndAwait(
                "POLITIE", "A-" + UUID.randomUUID().toString().substring(0, 6));
        AlumniEvents.publishAnonymised(alumnusId, "POLITIE");
        // A replayed update after anonymisation must not bring the name back.
        AlumniEvents.publishUpdated(alumnusId, "POLITIE", "A-REPLAY", "Replayed Name", "DEPARTED", 9);
        AlumniEvents.publishWindowChanged(alumnusId, "POLITIE", "2029-01-01", 10);
        UUID marker = UUID.randomUUID();
        KafkaProbe.publish(
                AlumniEvents.TOPIC,
                alumnusId.toString(),
                UUID.randomUUID(),
                AlumniEventsConsumer.REGISTERED,
                AlumniEvents.registered(
                        marker, "POLITIE", "M-" + marker.toString().substring(0, 6), "Marker"));

        Awaitility.await().atMost(WAIT).until(() -> AlumniEvents.known(marker).isPresent());
        KnownAlumnus known = AlumniEvents.known(alumnusId).orElseThrow();
        assertTrue(known.anonymised());
        assertNull(known.fullName(), "the replayed update did not bring the name back");
        assertNull(known.personnelNumber());
        assertEquals(LocalDate.of(2027, 9, 30), known.windowEnd(), "nothing changes after anonymisation");
        assertEquals("ANONYMISED", known.status());
    }

    @Test
    void anonymised_alsoRemovesTheFreeTextOfTheAlumnusDeclarations() {
        String number = "F-" + UUID.randomUUID().toString().substring(0, 6);
        UUID alumnusId = AlumniEvents.registerAndAwait("KMAR", number);
        var declaration = declarations.create("KMAR", number, Fixtures.activity("Kept BV"), false);

        AlumniEvents.publishAnonymised(alumnusId, "KMAR");
        Awaitility.await()
                .atMost(WAIT)
                .until(() -> AlumniEvents.known(alumnusId)
                        .map(KnownAlumnus::anonymised)
                        .orElse(false));
        var kept = QuarkusTransaction.requiringNew()
                .call(() -> Declaration.<Declaration>findById(declaration.id()).activity());
        assertEquals("-", kept.duties(), "free text removed");
        assertEquals("-", kept.role());
        assertEquals("Kept BV", kept.employerName(), "what statistics need stays");
        assertEquals(Sector.ICT, kept.sector());
        var version = QuarkusTransaction.requiringNew()
                .call(() -> DeclarationVersion.of(declaration.id()).get(0).activity());
        assertEquals("-", version.duties(), "in every version");
    }

    @Test
    void functionProfile_newestVersionWinsWhateverTheOrder() {
        AlumniEvents.awaitProfileConsumerJoined();
        String code = "T-" + UUID.randomUUID().toString().substring(0, 6);
        String key = "profiles-" + code;
        AlumniEvents.publishProfile(key, "POLITIE", code, 2, "HIGH", "[\"ICT\",\"PRIVATE_SECURITY\"]");
        AlumniEvents.publishProfile(key, "POLITIE", code, 1, "LOW", "[]");
        String marker = code + "-M";
        AlumniEvents.publishProfile(key, "POLITIE", marker, 1, "LOW", "[]");

        Awaitility.await()
                .atMost(WAIT)
                .until(() -> AlumniEvents.profile("POLITIE", marker).isPresent());
        KnownFunctionProfile profile = AlumniEvents.profile("POLITIE", code).orElseThrow();
        assertEquals(2, profile.version());
        assertEquals("HIGH", profile.riskLevel());
        assertEquals(List.of("ICT", "PRIVATE_SECURITY"), profile.sensitiveSectors());
    }

    @Test
    void recordThatIsNoCloudEvent_goesToDeadLetterTopicAndConsumptionGoesOn() {
        try (var dlq = KafkaProbe.watch("test.alumni.events.declaration-service.dlq")) {
            String key = "poison-" + UUID.randomUUID();
            KafkaProbe.publish(AlumniEvents.TOPIC, key, Map.of(), "{\"no\":\"headers\"}");

            dlq.await(r -> key.equals(r.key()), WAIT)
                    .orElseThrow(() -> new AssertionError("poison record not on the dead-letter topic"));
        }
        UUID after = AlumniEvents.registerAndAwait(
                "POLITIE", "E-" + UUID.randomUUID().toString().substring(0, 6));
        assertEquals("POLITIE", AlumniEvents.known(after).orElseThrow().organisation());
    }
}
