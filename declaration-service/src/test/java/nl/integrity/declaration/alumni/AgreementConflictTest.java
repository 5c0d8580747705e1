package nl.integrity.declaration.alumni;

import static io.restassured.RestAssured.given;
import static nl.integrity.platform.testing.KeycloakLogins.tokenFor;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.UUID;
import nl.integrity.declaration.Fixtures;
import nl.integrity.platform.testing.KafkaProbe;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Agreements accepted in alumni-service reach the risk assessment over the real broker: a
 * declaration whose activity the agreement rules out, in its period, is flagged with a reason
 * naming it; outside its period it is not; an anonymisation takes the agreements' words away.
 */
@QuarkusTest
class AgreementConflictTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    private static void publishAccepted(UUID eventId, UUID agreementId, UUID alumnusId, String code) {
        KafkaProbe.publish(
                AlumniEvents.TOPIC,
                alumnusId.toString(),
                eventId,
                AlumniEventsConsumer.AGREEMENT_ACCEPTED,
                """
                {"agreementId":"%s","alumnusId":"%s","organisation":"POLITIE","kind":"KNOWLEDGE_RESTRICTION",
                 "code":"%s","titleNl":"Geen gebruik van kennis over de aanpak van ondermijning",
                 "titleEn":"No use of knowledge of the approach to organised crime","sector":null,
                 "startsOn":"2098-01-01","endsOn":"2099-01-01","acceptedAt":"2026-12-01T10:00:00Z"}""".formatted(agreementId, alumnusId, code));
    }

    private static long agreementsOf(UUID alumnusId) {
        return QuarkusTransaction.requiringNew().call(() -> KnownAgreement.count("alumnusId", alumnusId));
    }

    @Test
    void aDeclarationInTheAgreementsPeriod_thatDoesWhatItRulesOut_isFlaggedNamingIt() {
        UUID alumnus = Fixtures.plainAlumnus("POLITIE", "P100001");
        AlumniEvents.awaitConsumerJoined();
        String code = "KENNIS-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        long before = agreementsOf(alumnus);
        UUID event = UUID.randomUUID();
        UUID agreement = UUID.randomUUID();
        publishAccepted(event, agreement, alumnus, code);
        publishAccepted(event, agreement, alumnus, code); // redelivered
        publishAccepted(UUID.randomUUID(), agreement, alumnus, code); // announced again
        Awaitility.await().atMost(WAIT).until(() -> agreementsOf(alumnus) == before + 1);

        String knowledge = Fixtures.ORDINARY.replace(
                "\"usesKnowledge\":false",
                "\"usesKnowledge\":true,\"knowledgeDetails\":\"Advises on screening of staff\"");
        String inPeriod = Fixtures.declare("alumnus.politie", knowledge.replace("2099-02-01", "2098-06-01"));
        given().auth()
                .oauth2(tokenFor("alumnus.politie"))
                .get("/api/declarations/{id}", inPeriod)
                .then()
                .statusCode(200)
                .body("risk.level", org.hamcrest.Matchers.equalTo("HIGH"))
                .body("risk.reasons.code", hasItem("AGREEMENT:" + code))
                .body(
                        "risk.reasons.find { it.code == 'AGREEMENT:%s' }.textEn".formatted(code),
                        org.hamcrest.Matchers.containsString(
                                "\u201cNo use of knowledge of the approach to organised crime\u201d (binding until 1 January 2099)"));
        // From its end date on, the agreement binds no more.
        String after = Fixtures.declare("alumnus.politie", knowledge);
        given().auth()
                .oauth2(tokenFor("alumnus.politie"))
                .get("/api/declarations/{id}", after)
                .then()
                .statusCode(200)
                .body("risk.reasons.code", not(hasItem("AGREEMENT:" + code)));
    }

    @Test
    void anAnonymisedAlumnus_keepsNoAgreements() {
        UUID alumnus = AlumniEvents.registerAndAwait(
                "POLITIE", "AGR-" + UUID.randomUUID().toString().substring(0, 6));
        publishAccepted(UUID.randomUUID(), UUID.randomUUID(), alumnus, "KENNIS");
        Awaitility.await().atMost(WAIT).until(() -> agreementsOf(alumnus) == 1);

        AlumniEvents.publishAnonymised(alumnus, "POLITIE");
        Awaitility.await().atMost(WAIT).until(() -> agreementsOf(alumnus) == 0);
        // An acceptance that arrives after the anonymisation keeps nothing either.
        publishAccepted(UUID.randomUUID(), UUID.randomUUID(), alumnus, "KENNIS-LATE");
        // A marker behind it in the same partition: once it is in, the acceptance before it was handled.
        UUID marker = UUID.randomUUID();
        KafkaProbe.publish(
                AlumniEvents.TOPIC,
                alumnus.toString(),
                UUID.randomUUID(),
                AlumniEventsConsumer.REGISTERED,
                AlumniEvents.registered(
                        marker, "POLITIE", "MRK-" + marker.toString().substring(0, 6), "Marker"));
        Awaitility.await().atMost(WAIT).until(() -> AlumniEvents.known(marker).isPresent());
        assertEquals(0, agreementsOf(alumnus));
    }
}
