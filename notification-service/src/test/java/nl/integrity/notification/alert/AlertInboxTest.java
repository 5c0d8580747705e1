package nl.integrity.notification.alert;

import static io.restassured.RestAssured.given;
import static nl.integrity.platform.testing.KeycloakLogins.tokenFor;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import nl.integrity.notification.inbound.DeclarationEventsConsumerTest;
import nl.integrity.platform.testing.KafkaProbe;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every kind of alert from its event on the real broker, and the inbox workflow with real tokens:
 * acknowledge, resolve, assign, filter, and nothing of the other organisation.
 */
@QuarkusTest
class AlertInboxTest {

    static final String TOPIC = DeclarationEventsConsumerTest.TOPIC;

    @BeforeEach
    void consumerHasJoined() {
        new DeclarationEventsConsumerTest().consumerHasJoined();
    }

    static List<String> kindsFor(UUID declarationId) {
        return QuarkusTransaction.requiringNew()
                .call(() -> Alert.<Alert>list("declarationId = ?1 order by kind", declarationId).stream()
                        .map(a -> a.kind().name())
                        .toList());
    }

    static void publish(String type, UUID key, String json) {
        KafkaProbe.publish(TOPIC, key.toString(), UUID.randomUUID(), "nl.integrity.declaration." + type, json);
    }

    @Test
    void eachEventRaisesItsAlert_lowRiskInTimeRaisesNone() {
        UUID declaration = UUID.randomUUID();
        UUID alumnus = UUID.randomUUID();
        String ids = "\"declarationId\":\"%s\",\"alumnusId\":\"%s\",\"organisation\":\"POLITIE\""
                .formatted(declaration, alumnus);
        publish(
                "assessed.v1",
                declaration,
                "{" + ids + ",\"versionNumber\":1,\"riskLevel\":\"LOW\",\"reasons\":[],\"late\":false}");
        publish(
                "assessed.v1",
                declaration,
                "{" + ids + ",\"versionNumber\":2,\"riskLevel\":\"CRITICAL\",\"reasons\":[],\"late\":true}");
        publish(
                "information-provided.v1",
                declaration,
                "{" + ids + ",\"messageId\":\"%s\",\"assignee\":\"officer.politie\"}".formatted(UUID.randomUUID()));
        publish(
                "decision-due-soon.v1",
                declaration,
                "{" + ids + ",\"assignee\":null,\"dueDate\":\"2027-01-12\",\"workingDaysLeft\":5}");
        publish(
                "decision-overdue.v1",
                declaration,
                "{" + ids + ",\"assignee\":\"officer.politie\",\"dueDate\":\"2027-01-12\"}");
        publish("decided.v1", declaration, "{" + ids + ",\"outcome\":\"NO_OBJECTION\"}");

        Awaitility.await()
                .atMost(Duration.ofSeconds(15))
                .until(() -> kindsFor(declaration).size() >= 5);
        assertEquals(
                List.of(
                        "DECISION_DUE_SOON",
                        "DECISION_OVERDUE",
                        "HIGH_RISK",
                        "INFORMATION_RECEIVED",
                        "LATE_DECLARATION"),
                kindsFor(declaration));
        given().auth()
                .oauth2(tokenFor("officer.politie"))
                .queryParam("declarationId", declaration)
                .queryParam("kind", "HIGH_RISK,DECISION_OVERDUE")
                .queryParam("sort", "dueDate")
                .get("/api/alerts")
                .then()
                .statusCode(200)
                .body("items.kind", equalTo(List.of("DECISION_OVERDUE", "HIGH_RISK")))
                .body("items[0].dueDate", equalTo("2027-01-12"))
                .body("items[0].assignee", equalTo("officer.politie"))
                .body("items[1].riskLevel", equalTo("CRITICAL"));
    }

    @Test
    void aftercareContacts_dueAndMissed_raiseAlertsAboutTheAlumnus_once() {
        new nl.integrity.notification.mail.AlumnusMailTest().consumersHaveJoined();
        UUID alumnus = UUID.randomUUID();
        UUID contact = UUID.randomUUID();
        String payload = """
                {"contactId":"%s","alumnusId":"%s","organisation":"KMAR","sequence":2,"dueOn":"2027-01-31"}""".formatted(contact, alumnus);
        UUID due = UUID.randomUUID();
        String topic = "test.alumni.events";
        KafkaProbe.publish(topic, alumnus.toString(), due, "nl.integrity.alumni.aftercare-contact-due.v1", payload);
        KafkaProbe.publish(topic, alumnus.toString(), due, "nl.integrity.alumni.aftercare-contact-due.v1", payload);
        KafkaProbe.publish(
                topic,
                alumnus.toString(),
                UUID.randomUUID(),
                "nl.integrity.alumni.aftercare-contact-missed.v1",
                payload);
        Awaitility.await()
                .atMost(Duration.ofSeconds(15))
                .until(() -> QuarkusTransaction.requiringNew().call(() -> Alert.count("alumnusId", alumnus)) == 2);
        given().auth()
                .oauth2(tokenFor("officer.kmar"))
                .queryParam("alumnusId", alumnus)
                .queryParam("kind", "AFTERCARE_CONTACT_MISSED")
                .get("/api/alerts")
                .then()
                .body("items", hasSize(1))
                .body("items[0].dueDate", equalTo("2027-01-31"))
                .body("items[0].summary", equalTo("Aftercare: contact moment 2 (due 2027-01-31) was not recorded"))
                .body(
                        "items[0].summaryNl",
                        equalTo("Nazorg: contactmoment 2 (gepland 31 januari 2027) is niet vastgelegd"));
        given().auth()
                .oauth2(tokenFor("officer.politie"))
                .queryParam("alumnusId", alumnus)
                .get("/api/alerts")
                .then()
                .body("items", hasSize(0));
    }

    @Test
    void reminderDue_raisesAMissingDeclarationAlertAboutTheAlumnus() {
        UUID alumnus = UUID.randomUUID();
        publish("reminder-due.v1", alumnus, """
                {"alumnusId":"%s","organisation":"KMAR","windowEnd":"2028-04-30","remindedOn":"2026-12-01"}""".formatted(alumnus));
        Awaitility.await()
                .atMost(Duration.ofSeconds(15))
                .until(() -> QuarkusTransaction.requiringNew().call(() -> Alert.count("alumnusId", alumnus)) == 1);
        given().auth()
                .oauth2(tokenFor("officer.kmar"))
                .queryParam("alumnusId", alumnus)
                .get("/api/alerts")
                .then()
                .body("items[0].kind", equalTo("DECLARATION_MISSING"))
                .body(
                        "items[0].summary",
                        equalTo("An alumnus inside the obligation window (until 2028-04-30) has declared nothing"))
                .body(
                        "items[0].summaryNl",
                        equalTo("Een oud-medewerker binnen de meldplicht (tot 30 april 2028) heeft niets gemeld"));
    }

    String alertOf(String organisation) {
        UUID declaration = UUID.randomUUID();
        DeclarationEventsConsumerTest.publishSubmitted(UUID.randomUUID(), declaration, organisation);
        Awaitility.await()
                .atMost(Duration.ofSeconds(15))
                .until(() -> kindsFor(declaration).size() == 1);
        return QuarkusTransaction.requiringNew()
                .call(() -> Alert.<Alert>find("declarationId", declaration)
                        .<Alert>singleResult()
                        .id()
                        .toString());
    }

    @Test
    void workflow_newAcknowledgedResolved_andNoWayBack() {
        String id = alertOf("POLITIE");
        String officer = tokenFor("officer.politie");
        given().auth()
                .oauth2(officer)
                .post("/api/alerts/{id}/acknowledgement", id)
                .then()
                .statusCode(200)
                .body("status", equalTo("ACKNOWLEDGED"))
                .body("acknowledgedBy", equalTo("officer.politie"))
                .body("assignee", equalTo("officer.politie"));
        given().auth()
                .oauth2(officer)
                .post("/api/alerts/{id}/acknowledgement", id)
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", endsWith("/problems/illegal-transition"));
        given().auth()
                .oauth2(officer)
                .contentType(ContentType.JSON)
                .body("{\"note\":\"Declaration reviewed\"}")
                .post("/api/alerts/{id}/resolution", id)
                .then()
                .statusCode(200)
                .body("status", equalTo("RESOLVED"))
                .body("resolution", equalTo("Declaration reviewed"))
                .body("resolvedAt", notNullValue());
        given().auth()
                .oauth2(officer)
                .contentType(ContentType.JSON)
                .body("{}")
                .post("/api/alerts/{id}/resolution", id)
                .then()
                .statusCode(409);
        given().auth()
                .oauth2(officer)
                .contentType(ContentType.JSON)
                .body("{\"officer\":\"officer2.politie\"}")
                .post("/api/alerts/{id}/assignment", id)
                .then()
                .statusCode(409);

        // Resolved alerts leave the default inbox, and stay findable by status.
        given().auth()
                .oauth2(officer)
                .queryParam("size", 200)
                .get("/api/alerts")
                .then()
                .body("items.id", not(hasItem(id)))
                .body("items.status", everyItem(org.hamcrest.Matchers.isOneOf("NEW", "ACKNOWLEDGED")));
        given().auth()
                .oauth2(officer)
                .queryParam("status", "RESOLVED")
                .queryParam("size", 200)
                .get("/api/alerts")
                .then()
                .body("items.id", hasItem(id));
    }

    @Test
    void assignment_andMyAlerts() {
        String id = alertOf("POLITIE");
        given().auth()
                .oauth2(tokenFor("officer.politie"))
                .contentType(ContentType.JSON)
                .body("{\"officer\":\"officer2.politie\"}")
                .post("/api/alerts/{id}/assignment", id)
                .then()
                .statusCode(200)
                .body("assignee", equalTo("officer2.politie"));
        given().auth()
                .oauth2(tokenFor("officer2.politie"))
                .queryParam("assignee", "me")
                .queryParam("size", 200)
                .get("/api/alerts")
                .then()
                .statusCode(200)
                .body("items.id", hasItem(id))
                .body("items.assignee", everyItem(equalTo("officer2.politie")));
        given().auth()
                .oauth2(tokenFor("officer.politie"))
                .contentType(ContentType.JSON)
                .body("{\"officer\":\" \"}")
                .post("/api/alerts/{id}/assignment", id)
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("officer"));

        given().auth()
                .oauth2(tokenFor("officer.politie"))
                .delete("/api/alerts/{id}/assignment", id)
                .then()
                .statusCode(200)
                .body("assignee", org.hamcrest.Matchers.nullValue());
        given().auth()
                .oauth2(tokenFor("officer2.politie"))
                .queryParam("assignee", "me")
                .queryParam("size", 200)
                .get("/api/alerts")
                .then()
                .statusCode(200)
                .body("items.id", not(hasItem(id)));
        given().auth()
                .oauth2(tokenFor("officer.politie"))
                .queryParam("assignee", "none")
                .queryParam("size", 200)
                .get("/api/alerts")
                .then()
                .statusCode(200)
                .body("items.id", hasItem(id));
        given().auth()
                .oauth2(tokenFor("officer.kmar"))
                .delete("/api/alerts/{id}/assignment", id)
                .then()
                .statusCode(404);
    }

    @Test
    void anotherOrganisationsAlert_cannotBeActedOn() {
        String id = alertOf("KMAR");
        String politie = tokenFor("officer.politie");
        given().auth()
                .oauth2(politie)
                .post("/api/alerts/{id}/acknowledgement", id)
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(politie)
                .contentType(ContentType.JSON)
                .body("{}")
                .post("/api/alerts/{id}/resolution", id)
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(politie)
                .contentType(ContentType.JSON)
                .body("{\"officer\":\"officer.politie\"}")
                .post("/api/alerts/{id}/assignment", id)
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(tokenFor("alumnus.kmar"))
                .post("/api/alerts/{id}/acknowledgement", id)
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(tokenFor("officer.kmar"))
                .get("/api/alerts/{id}", id)
                .then()
                .statusCode(200)
                .body("status", equalTo("NEW"));
    }

    @Test
    void badFilters_areProblems() {
        String officer = tokenFor("officer.politie");
        given().auth()
                .oauth2(officer)
                .queryParam("status", "OPEN")
                .get("/api/alerts")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("status"));
        given().auth()
                .oauth2(officer)
                .queryParam("kind", "ANYTHING")
                .get("/api/alerts")
                .then()
                .statusCode(400);
        given().auth()
                .oauth2(officer)
                .queryParam("sort", "kind")
                .get("/api/alerts")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("sort"));
        given().auth()
                .oauth2(officer)
                .queryParam("page", 1)
                .queryParam("size", 1)
                .get("/api/alerts")
                .then()
                .statusCode(200)
                .body("items", hasSize(org.hamcrest.Matchers.lessThanOrEqualTo(1)))
                .body("page", equalTo(1));
    }
}
