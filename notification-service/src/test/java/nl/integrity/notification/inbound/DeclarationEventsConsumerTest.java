package nl.integrity.notification.inbound;

import static io.restassured.RestAssured.given;
import static nl.integrity.platform.testing.KeycloakLogins.hrSystemToken;
import static nl.integrity.platform.testing.KeycloakLogins.tokenFor;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.UUID;
import nl.integrity.notification.alert.Alert;
import nl.integrity.platform.testing.KafkaProbe;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Alerts raised from declaration events through the real Kafka broker, and read back with real
 * Keycloak tokens: an officer sees only their own organisation's alerts.
 */
@QuarkusTest
public class DeclarationEventsConsumerTest {

    public static final String TOPIC = "test.declaration.events";
    private static volatile boolean consumerJoined;

    public static void publishSubmitted(UUID eventId, UUID declarationId, String organisation) {
        KafkaProbe.publish(TOPIC, declarationId.toString(), eventId, DeclarationEvents.SUBMITTED, """
                {"declarationId":"%s","alumnusId":"%s","organisation":"%s","employerName":"Recherchebureau <b>Noord</b>",
                 "sector":"PRIVATE_INVESTIGATION","role":"Investigator","startDate":"2027-03-01",
                 "sectorWords":{"nl":"particuliere recherche","en":"private investigation"},
                 "submittedAt":"2026-11-28T10:00:00Z","aFieldFromTheFuture":1}""".formatted(
                        declarationId, UUID.randomUUID(), organisation));
    }

    static long alertsFor(UUID declarationId) {
        return QuarkusTransaction.requiringNew().call(() -> Alert.count("declarationId", declarationId));
    }

    @BeforeEach
    public void consumerHasJoined() {
        if (!consumerJoined) {
            UUID[] probe = new UUID[1];
            KafkaProbe.awaitConsumerJoined(
                    () -> {
                        probe[0] = UUID.randomUUID();
                        publishSubmitted(UUID.randomUUID(), probe[0], "KMAR");
                    },
                    () -> alertsFor(probe[0]) > 0,
                    Duration.ofSeconds(60));
            consumerJoined = true;
        }
    }

    @Test
    void submitted_raisesOneNewAlertForTheDeclarantsOrganisation() {
        UUID declarationId = UUID.randomUUID();
        publishSubmitted(UUID.randomUUID(), declarationId, "POLITIE");

        Awaitility.await().atMost(Duration.ofSeconds(15)).until(() -> alertsFor(declarationId) == 1);
        given().auth()
                .oauth2(tokenFor("officer.politie"))
                .queryParam("declarationId", declarationId)
                .when()
                .get("/api/alerts")
                .then()
                .statusCode(200)
                .body("items", hasSize(1))
                .body("total", equalTo(1))
                .body("items[0].kind", equalTo("DECLARATION_SUBMITTED"))
                .body("items[0].status", equalTo("NEW"))
                .body("items[0].organisation", equalTo("POLITIE"))
                .body(
                        "items[0].summary",
                        equalTo(
                                "New declaration: Investigator at Recherchebureau <b>Noord</b> (private investigation), starting 2027-03-01"))
                .body(
                        "items[0].summaryNl",
                        equalTo(
                                "Nieuwe melding: Investigator bij Recherchebureau <b>Noord</b> (particuliere recherche), begint 1 maart 2027"));
    }

    @Test
    void sameEventDeliveredTwice_raisesOneAlert() {
        UUID eventId = UUID.randomUUID();
        UUID declarationId = UUID.randomUUID();
        publishSubmitted(eventId, declarationId, "KMAR");
        publishSubmitted(eventId, declarationId, "KMAR");
        // A later event on the same key is consumed after both deliveries.
        UUID marker = UUID.randomUUID();
        KafkaProbe.publish(
                TOPIC, declarationId.toString(), UUID.randomUUID(), DeclarationEvents.SUBMITTED, """
                {"declarationId":"%s","alumnusId":"%s","organisation":"KMAR","employerName":"M","sector":"TELECOM",
                 "role":"R","startDate":"2027-03-01"}""".formatted(
                                marker, UUID.randomUUID()));

        Awaitility.await().atMost(Duration.ofSeconds(15)).until(() -> alertsFor(marker) == 1);
        assertEquals(1, alertsFor(declarationId));
        String withoutWords = QuarkusTransaction.requiringNew()
                .call(() -> Alert.<Alert>find("declarationId", marker)
                        .<Alert>singleResult()
                        .summaryIn(true));
        assertEquals(
                "Nieuwe melding: R bij M (TELECOM), begint 1 maart 2027",
                withoutWords,
                "an event without the sector's words names its code");
    }

    @Test
    void alertsOfOneOrganisationAreInvisibleToTheOther() {
        UUID declarationId = UUID.randomUUID();
        publishSubmitted(UUID.randomUUID(), declarationId, "KMAR");
        Awaitility.await().atMost(Duration.ofSeconds(15)).until(() -> alertsFor(declarationId) == 1);
        String alertId = QuarkusTransaction.requiringNew()
                .call(() -> Alert.<Alert>find("declarationId", declarationId)
                        .<Alert>singleResult()
                        .id()
                        .toString());

        given().auth()
                .oauth2(tokenFor("officer.kmar"))
                .get("/api/alerts/{id}", alertId)
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(tokenFor("officer.politie"))
                .queryParam("declarationId", declarationId)
                .get("/api/alerts")
                .then()
                .statusCode(200)
                .body("items", hasSize(0));
        given().auth()
                .oauth2(tokenFor("officer.politie"))
                .get("/api/alerts/{id}", alertId)
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("type", endsWith("/problems/not-found"));
        given().auth()
                .oauth2(tokenFor("officer.politie"))
                .get("/api/alerts")
                .then()
                .statusCode(200)
                .body("items.organisation", org.hamcrest.Matchers.everyItem(equalTo("POLITIE")));
    }

    @Test
    void alertsAreForOfficersOnly() {
        given().auth()
                .oauth2(tokenFor("alumnus.politie"))
                .get("/api/alerts")
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
        given().auth().oauth2(tokenFor("admin")).get("/api/alerts").then().statusCode(403);
        given().auth().oauth2(hrSystemToken()).get("/api/alerts").then().statusCode(403);
        given().get("/api/alerts").then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void inbox_rejectsPageSizeOutOfRange() {
        given().auth()
                .oauth2(tokenFor("officer.politie"))
                .queryParam("size", 0)
                .get("/api/alerts")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", org.hamcrest.Matchers.hasItem("size"));
    }
}
