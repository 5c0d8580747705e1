package nl.integrity.declaration.alumni;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.integrity.declaration.declaration.Activity;
import nl.integrity.declaration.declaration.Declaration;
import nl.integrity.declaration.declaration.DeclarationKind;
import nl.integrity.declaration.declaration.Declarations;
import nl.integrity.declaration.review.ConditionSpec;
import nl.integrity.declaration.review.ConditionType;
import nl.integrity.declaration.review.Decision;
import nl.integrity.declaration.review.Message;
import nl.integrity.declaration.review.Outcome;
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

    @Inject
    EntityManager em;

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

    /** The declaration tables, the outbox and the read model: where a value of the alumnus could be. */
    private static final List<String> TABLES = List.of(
            "declaration",
            "declaration_version",
            "declaration_message",
            "decision",
            "imposed_condition",
            "outbox_message",
            "known_agreement",
            "known_alumnus");

    private long rowsHolding(String table, String value) {
        return QuarkusTransaction.requiringNew()
                .call(() -> ((Number) em.createNativeQuery(
                                        "select count(*) from " + table + " t where strpos(cast(t as text), ?1) > 0")
                                .setParameter(1, value)
                                .getSingleResult())
                        .longValue());
    }

    private List<?> column(String sql, UUID declarationId) {
        return QuarkusTransaction.requiringNew()
                .call(() ->
                        em.createNativeQuery(sql).setParameter(1, declarationId).getResultList());
    }

    @Test
    void anonymised_removesEveryPersonalValueOfTheAlumnusDeclarationsAndKeepsTheCodes() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String number = "F-" + tag.substring(0, 6);
        UUID alumnusId = AlumniEvents.registerAndAwait("KMAR", number);
        String agreementTitle = "Geen kennis over team " + tag;
        KafkaProbe.publish(
                AlumniEvents.TOPIC,
                alumnusId.toString(),
                UUID.randomUUID(),
                AlumniEventsConsumer.AGREEMENT_ACCEPTED,
                """
                {"agreementId":"%s","alumnusId":"%s","organisation":"KMAR","kind":"KNOWLEDGE_RESTRICTION",
                 "code":"KENNIS-%s","titleNl":"%s","titleEn":"No knowledge of team %s","sector":null,
                 "startsOn":"2098-01-01","endsOn":"2100-01-01","acceptedAt":"2026-12-01T10:00:00Z"}""".formatted(UUID.randomUUID(), alumnusId, tag, agreementTitle, tag));
        Awaitility.await()
                .atMost(WAIT)
                .until(() -> QuarkusTransaction.requiringNew().call(() -> KnownAgreement.count("alumnusId", alumnusId))
                        == 1);
        String kvk = String.valueOf(10_000_000 + Math.abs(tag.hashCode() % 89_999_999));
        Map<String, String> personal = new java.util.LinkedHashMap<>();
        personal.put("employer", "Kept " + tag + " BV");
        personal.put("kvk", kvk);
        personal.put("role", "Role " + tag);
        personal.put("duties", "Duties " + tag);
        personal.put("contact", "Contact " + tag);
        personal.put("knowledge", "Knowledge " + tag);
        personal.put("question", "Question " + tag);
        personal.put("answer", "Answer " + tag);
        personal.put("rationale", "Rationale " + tag);
        personal.put("condition", "Condition " + tag);
        personal.put("agreement", agreementTitle);
        personal.put("agreementEn", "No knowledge of team " + tag);
        var activity = new Activity(
                DeclarationKind.FIRM,
                personal.get("employer"),
                kvk,
                "NL",
                Sector.ICT,
                personal.get("role"),
                personal.get("duties"),
                LocalDate.of(2099, 2, 1),
                true,
                36,
                false,
                true,
                personal.get("contact"),
                true,
                personal.get("knowledge"));
        UUID id = declarations.create("KMAR", number, activity, false).id();
        QuarkusTransaction.requiringNew().run(() -> {
            Instant now = Instant.now();
            Message.of(id, Message.Kind.QUESTION, "officer.kmar", personal.get("question"), now)
                    .persist();
            Message.of(id, Message.Kind.ANSWER, "alumnus", personal.get("answer"), now.plusSeconds(1))
                    .persist();
            var made = Decision.make(
                    id,
                    1,
                    Outcome.ALLOWED_WITH_CONDITIONS,
                    personal.get("rationale"),
                    "officer.kmar",
                    false,
                    now,
                    LocalDate.now(),
                    List.of(new ConditionSpec(
                            ConditionType.STAND_ASIDE,
                            personal.get("condition"),
                            null,
                            LocalDate.now().plusYears(1))));
            made.decision().persist();
            made.conditions().forEach(c -> c.persist());
        });
        assertEquals(
                List.of("AGREEMENT:KENNIS-" + tag),
                column(
                        "select r ->> 'code' from declaration_version v, jsonb_array_elements(v.risk_reasons) r"
                                + " where v.declaration_id = ?1 and r ->> 'code' like 'AGREEMENT%'",
                        id),
                "the agreement's title is in a risk reason");
        // Published events go with the anonymisation. The relay publishes in order, and may still be retrying an
        // event of another test on a topic the broker lacks; so the rows are marked published as the relay would.
        QuarkusTransaction.requiringNew()
                .run(() -> em.createNativeQuery("""
                                update outbox_message set published_at = coalesce(published_at, now())
                                where aggregate_id = cast(?1 as varchar)""").setParameter(1, id).executeUpdate());
        assertTrue(rowsHolding("outbox_message", personal.get("employer")) > 0, "the submission names the employer");
        String codes = "select v.sector, v.risk_level, x.outcome, d.status, cast(d.submitted_at as text),"
                + " cast(x.decided_at as text) from declaration d join declaration_version v on v.declaration_id = d.id"
                + " join decision x on x.declaration_id = d.id where d.id = ?1";
        var codesBefore = List.of((Object[]) column(codes, id).get(0));
        assertEquals(List.of("ICT", "HIGH"), codesBefore.subList(0, 2), "an agreement conflict is a high risk");

        AlumniEvents.publishAnonymised(alumnusId, "KMAR");
        Awaitility.await()
                .atMost(WAIT)
                .until(() -> AlumniEvents.known(alumnusId)
                        .map(KnownAlumnus::anonymised)
                        .orElse(false));

        for (var value : personal.entrySet()) {
            for (String table : TABLES) {
                assertEquals(0, rowsHolding(table, value.getValue()), value.getKey() + " is gone from " + table);
            }
        }
        String fields = "employer_name, coalesce(kvk_number, 'null'), role, duties, coalesce(contact_details, 'null'),"
                + " coalesce(knowledge_details, 'null')";
        var cleared = List.of("-", "null", "-", "-", "null", "null");
        assertEquals(
                cleared,
                List.of((Object[]) column("select " + fields + " from declaration where id = ?1", id)
                        .get(0)),
                "declaration");
        assertEquals(
                cleared,
                List.of((Object[])
                        column("select " + fields + " from declaration_version where declaration_id = ?1", id)
                                .get(0)),
                "declaration_version");
        assertEquals(
                List.of("-", "-"),
                column("select body from declaration_message where declaration_id = ?1 order by sent_at", id));
        assertEquals(List.of("-"), column("select rationale from decision where declaration_id = ?1", id));
        assertEquals(
                List.of("null"),
                column("select coalesce(details, 'null') from imposed_condition where declaration_id = ?1", id));
        assertEquals(
                List.of("-|-"),
                column(
                        "select (r ->> 'textNl') || '|' || (r ->> 'textEn') from declaration_version v,"
                                + " jsonb_array_elements(v.risk_reasons) r where v.declaration_id = ?1"
                                + " and r ->> 'code' like 'AGREEMENT%'",
                        id),
                "the reason's code and level stay, its words go");
        assertEquals(
                List.of(0L),
                column("select count(*) from outbox_message where aggregate_id = cast(?1 as varchar)", id).stream()
                        .map(n -> ((Number) n).longValue())
                        .toList(),
                "the published events of the declaration are gone");
        assertEquals(codesBefore, List.of((Object[]) column(codes, id).get(0)), "what statistics need stays");
        var kept = QuarkusTransaction.requiringNew()
                .call(() -> Declaration.<Declaration>findById(id).activity());
        assertEquals("-", kept.employerName(), "the entity reads the anonymised row");
        assertEquals(Sector.ICT, kept.sector());
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
