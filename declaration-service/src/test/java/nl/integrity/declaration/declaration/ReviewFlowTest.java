package nl.integrity.declaration.declaration;

import static io.restassured.RestAssured.given;
import static nl.integrity.declaration.Fixtures.ORDINARY;
import static nl.integrity.declaration.Fixtures.declare;
import static nl.integrity.platform.testing.KeycloakLogins.tokenFor;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.util.List;
import nl.integrity.declaration.Fixtures;
import nl.integrity.platform.outbox.OutboxMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The review by integrity officers over HTTP with real tokens: queue, questions, decisions, four eyes, audit. */
@QuarkusTest
class ReviewFlowTest {

    @Inject
    EntityManager em;

    static final String CRITICAL = ORDINARY.replace("HOSPITALITY", "PRIVATE_SECURITY");

    @BeforeEach
    void alumni() {
        Fixtures.alumnusInWindow("POLITIE", "P100001", "HIGH", List.of("PRIVATE_SECURITY"));
        Fixtures.plainAlumnus("KMAR", "K200001");
    }

    static String officer(String user) {
        return tokenFor(user);
    }

    static String conditions(String endsOn) {
        return """
                {"outcome":"ALLOWED_WITH_CONDITIONS","rationale":"Acceptable with a cooling-off on contact",
                 "conditions":[{"type":"NO_CONTACT_FORMER_UNIT","endsOn":"%s"},
                               {"type":"STAND_ASIDE","details":"Tender 2027-114 of Eenheid Oost","endsOn":"%s"}]}""".formatted(endsOn, endsOn);
    }

    static List<String> eventTypesOf(String id) {
        return QuarkusTransaction.requiringNew()
                .call(() -> OutboxMessage.<OutboxMessage>list("aggregateId = ?1 order by position", id).stream()
                        .map(m -> m.eventType())
                        .toList());
    }

    @Test
    void questionAnswerAndDecisionWithConditions_seenByTheAlumnus() {
        String id = declare("alumnus.politie", ORDINARY);

        given().auth()
                .oauth2(officer("officer.politie"))
                .post("/api/declarations/{id}/claim", id)
                .then()
                .statusCode(200)
                .body("status", equalTo("UNDER_REVIEW"))
                .body("assignee", equalTo("officer.politie"));
        given().auth()
                .oauth2(officer("officer.politie"))
                .contentType(ContentType.JSON)
                .body("{\"question\":\"Which clients will you serve?\"}")
                .post("/api/declarations/{id}/information-requests", id)
                .then()
                .statusCode(200)
                .body("kind", equalTo("QUESTION"));
        given().auth()
                .oauth2(tokenFor("alumnus.politie"))
                .get("/api/declarations/{id}", id)
                .then()
                .body("status", equalTo("INFORMATION_REQUESTED"))
                .body("messages[0].body", equalTo("Which clients will you serve?"));
        given().auth()
                .oauth2(tokenFor("alumnus.politie"))
                .contentType(ContentType.JSON)
                .body("{\"answer\":\"Retail chains, no public bodies.\"}")
                .post("/api/declarations/{id}/information", id)
                .then()
                .statusCode(200)
                .body("kind", equalTo("ANSWER"));

        String endsOn = LocalDate.now().plusMonths(12).toString();
        given().auth()
                .oauth2(officer("officer.politie"))
                .contentType(ContentType.JSON)
                .body(conditions(endsOn))
                .post("/api/declarations/{id}/decision", id)
                .then()
                .statusCode(200)
                .body("status", equalTo("DECIDED"))
                .body("outcome", equalTo("ALLOWED_WITH_CONDITIONS"));

        given().auth()
                .oauth2(tokenFor("alumnus.politie"))
                .get("/api/declarations/{id}", id)
                .then()
                .statusCode(200)
                .body("outcome", equalTo("ALLOWED_WITH_CONDITIONS"))
                .body("decisions", hasSize(1))
                .body("decisions[0].status", equalTo("IN_FORCE"))
                .body("decisions[0].conditions.type", equalTo(List.of("NO_CONTACT_FORMER_UNIT", "STAND_ASIDE")))
                .body("decisions[0].conditions[0].status", equalTo("ACTIVE"))
                .body("decisions[0].conditions[0].endsOn", equalTo(endsOn))
                .body("decisions[0].conditions[0].textNl", notNullValue())
                .body("messages.kind", equalTo(List.of("QUESTION", "ANSWER")));

        assertEquals(
                List.of(
                        "nl.integrity.declaration.submitted.v1",
                        "nl.integrity.declaration.assessed.v1",
                        "nl.integrity.declaration.information-requested.v1",
                        "nl.integrity.declaration.information-provided.v1",
                        "nl.integrity.declaration.decided.v1"),
                eventTypesOf(id));
        @SuppressWarnings("unchecked")
        List<String> audit = QuarkusTransaction.requiringNew()
                .call(() -> em.createNativeQuery(
                                "select actor || ':' || action from staff_audit where subject_type = 'declaration' and subject_id = ?1")
                        .setParameter(1, java.util.UUID.fromString(id))
                        .getResultList());
        assertTrue(audit.contains("officer.politie:DECIDED"), audit.toString());

        given().auth()
                .oauth2(officer("officer.politie"))
                .queryParam("purpose", "DECLARATION_REVIEW")
                .get("/api/declarations/{id}", id)
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(officer("officer.politie"))
                .get("/api/declarations/{id}/audit", id)
                .then()
                .statusCode(200)
                .body("action", hasItem("READ_DECLARATION"))
                .body("action", hasItem("DECIDED"));
    }

    @Test
    void changeAfterDecision_goesBackToReviewAndTheNewDecisionSupersedesTheOld() {
        String id = declare("alumnus.politie", ORDINARY);
        String endsOn = LocalDate.now().plusMonths(6).toString();
        given().auth()
                .oauth2(officer("officer.politie"))
                .contentType(ContentType.JSON)
                .body(conditions(endsOn))
                .post("/api/declarations/{id}/decision", id)
                .then()
                .statusCode(200);

        given().auth()
                .oauth2(tokenFor("alumnus.politie"))
                .contentType(ContentType.JSON)
                .body(ORDINARY.replace("Runs the night shift", "Runs the night shift and sales"))
                .put("/api/declarations/{id}", id)
                .then()
                .statusCode(200)
                .body("status", equalTo("UNDER_REVIEW"))
                .body("currentVersion", equalTo(2))
                .body("decisions[0].status", equalTo("IN_FORCE"));

        given().auth()
                .oauth2(officer("officer.politie"))
                .contentType(ContentType.JSON)
                .body("{\"outcome\":\"NO_OBJECTION\",\"rationale\":\"Sales is fine\"}")
                .post("/api/declarations/{id}/decision", id)
                .then()
                .statusCode(200)
                .body("decisions.status", equalTo(List.of("SUPERSEDED", "IN_FORCE")))
                .body("decisions[0].conditions.status", everyItem(equalTo("ENDED")))
                .body("decisions[0].conditions.endReason", everyItem(equalTo("SUPERSEDED")))
                .body("decisions[1].versionNumber", equalTo(2));
        assertTrue(eventTypesOf(id).contains("nl.integrity.declaration.condition-ended.v1"));
    }

    @Test
    void fourEyes_criticalRiskNeedsASecondOfficer() {
        Fixtures.alumnusInWindow("POLITIE", "P100001", "CRITICAL", List.of("PRIVATE_SECURITY"));
        String id = declare("alumnus.politie", CRITICAL);
        given().auth()
                .oauth2(officer("officer.politie"))
                .queryParam("purpose", "DECLARATION_REVIEW")
                .get("/api/declarations/{id}", id)
                .then()
                .body("risk.level", equalTo("CRITICAL"));

        given().auth()
                .oauth2(officer("officer.politie"))
                .contentType(ContentType.JSON)
                .body("{\"outcome\":\"OBJECTION\",\"rationale\":\"Too close to the former unit\"}")
                .post("/api/declarations/{id}/decision", id)
                .then()
                .statusCode(200)
                .body("status", equalTo("AWAITING_CONFIRMATION"))
                .body("decisions[0].status", equalTo("PROPOSED"));
        assertTrue(!eventTypesOf(id).contains("nl.integrity.declaration.decided.v1"), "not decided until confirmed");

        given().auth()
                .oauth2(officer("officer.politie"))
                .contentType(ContentType.JSON)
                .body("{\"approve\":true}")
                .post("/api/declarations/{id}/decision/confirmation", id)
                .then()
                .statusCode(409)
                .body("type", endsWith("/problems/four-eyes"));
        given().auth()
                .oauth2(officer("officer2.politie"))
                .contentType(ContentType.JSON)
                .body("{\"approve\":true}")
                .post("/api/declarations/{id}/decision/confirmation", id)
                .then()
                .statusCode(200)
                .body("status", equalTo("DECIDED"))
                .body("outcome", equalTo("OBJECTION"))
                .body("decisions[0].confirmedBy", equalTo("officer2.politie"));
        assertTrue(eventTypesOf(id).contains("nl.integrity.declaration.decided.v1"));
    }

    @Test
    void decisionsThatDoNotFit_areRefusedAndChangeNothing() {
        String id = declare("alumnus.politie", ORDINARY);
        given().auth()
                .oauth2(officer("officer.politie"))
                .contentType(ContentType.JSON)
                .body("{\"outcome\":\"ALLOWED_WITH_CONDITIONS\",\"rationale\":\"x\",\"conditions\":[]}")
                .post("/api/declarations/{id}/decision", id)
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("type", endsWith("/problems/conditions-required"));
        given().auth()
                .oauth2(officer("officer.politie"))
                .contentType(ContentType.JSON)
                .body(
                        "{\"outcome\":\"NO_OBJECTION\",\"rationale\":\"x\",\"conditions\":[{\"type\":\"REPORT_CHANGES\",\"endsOn\":\"2099-01-01\"}]}")
                .post("/api/declarations/{id}/decision", id)
                .then()
                .statusCode(422)
                .body("type", endsWith("/problems/conditions-not-allowed"));
        given().auth()
                .oauth2(officer("officer.politie"))
                .contentType(ContentType.JSON)
                .body(
                        "{\"outcome\":\"ALLOWED_WITH_CONDITIONS\",\"rationale\":\"x\",\"conditions\":[{\"type\":\"STAND_ASIDE\"}]}")
                .post("/api/declarations/{id}/decision", id)
                .then()
                .statusCode(400)
                .body("errors.field", equalTo(List.of("conditions[0].endsOn", "conditions[0].details")));
        given().auth()
                .oauth2(officer("officer.politie"))
                .contentType(ContentType.JSON)
                .body("{\"outcome\":\"MAYBE\",\"rationale\":\"x\"}")
                .post("/api/declarations/{id}/decision", id)
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(tokenFor("alumnus.politie"))
                .get("/api/declarations/{id}", id)
                .then()
                .body("status", equalTo("SUBMITTED"))
                .body("decisions", hasSize(0));

        given().auth()
                .oauth2(tokenFor("alumnus.politie"))
                .contentType(ContentType.JSON)
                .body("{\"answer\":\"unasked\"}")
                .post("/api/declarations/{id}/information", id)
                .then()
                .statusCode(409)
                .body("type", endsWith("/problems/illegal-transition"));
    }

    @Test
    void anotherOfficersReview_cannotBeDecidedWithoutTakingItOver() {
        String id = declare("alumnus.politie", ORDINARY);
        given().auth()
                .oauth2(officer("officer.politie"))
                .post("/api/declarations/{id}/claim", id)
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(officer("officer2.politie"))
                .contentType(ContentType.JSON)
                .body("{\"outcome\":\"NO_OBJECTION\",\"rationale\":\"fine\"}")
                .post("/api/declarations/{id}/decision", id)
                .then()
                .statusCode(409)
                .body("type", endsWith("/problems/claimed-by-other"));
        given().auth()
                .oauth2(officer("officer.politie"))
                .contentType(ContentType.JSON)
                .body("{\"officer\":\"officer2.politie\"}")
                .post("/api/declarations/{id}/assignment", id)
                .then()
                .statusCode(200)
                .body("assignee", equalTo("officer2.politie"));
        given().auth()
                .oauth2(officer("officer2.politie"))
                .contentType(ContentType.JSON)
                .body("{\"outcome\":\"NO_OBJECTION\",\"rationale\":\"fine\"}")
                .post("/api/declarations/{id}/decision", id)
                .then()
                .statusCode(200);
    }

    @Test
    void officersOfAnotherOrganisation_seeAndDoNothing() {
        String id = declare("alumnus.politie", ORDINARY);
        String kmar = officer("officer.kmar");
        given().auth()
                .oauth2(kmar)
                .queryParam("purpose", "DECLARATION_REVIEW")
                .get("/api/declarations/{id}", id)
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(kmar)
                .queryParam("purpose", "DECLARATION_REVIEW")
                .get("/api/declarations/{id}/messages", id)
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(kmar)
                .get("/api/declarations/{id}/audit", id)
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(kmar)
                .post("/api/declarations/{id}/claim", id)
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(kmar)
                .contentType(ContentType.JSON)
                .body("{\"question\":\"?\"}")
                .post("/api/declarations/{id}/information-requests", id)
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(kmar)
                .contentType(ContentType.JSON)
                .body("{\"outcome\":\"OBJECTION\",\"rationale\":\"x\"}")
                .post("/api/declarations/{id}/decision", id)
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(kmar)
                .get("/api/declarations?status=SUBMITTED&size=100&sort=-submittedAt")
                .then()
                .statusCode(200)
                .body("items.id", not(hasItem(id)))
                .body("items.organisation", everyItem(equalTo("KMAR")));
        // Alumni cannot act as officers.
        given().auth()
                .oauth2(tokenFor("alumnus.politie"))
                .contentType(ContentType.JSON)
                .body("{\"outcome\":\"NO_OBJECTION\",\"rationale\":\"self-approved\"}")
                .post("/api/declarations/{id}/decision", id)
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(tokenFor("alumnus.politie"))
                .post("/api/declarations/{id}/claim", id)
                .then()
                .statusCode(403);
    }

    @Test
    void queue_filtersSortsAndPages() {
        String low = declare("alumnus.politie", ORDINARY);
        String high = declare("alumnus.politie", CRITICAL);
        given().auth()
                .oauth2(officer("officer.politie"))
                .queryParam("risk", "HIGH,CRITICAL")
                .queryParam("sort", "risk")
                .queryParam("size", 100)
                .get("/api/declarations")
                .then()
                .statusCode(200)
                .body("items.id", hasItem(high))
                .body("items.id", not(hasItem(low)))
                .body("items.riskLevel", everyItem(org.hamcrest.Matchers.isOneOf("HIGH", "CRITICAL")))
                .body("total", org.hamcrest.Matchers.greaterThanOrEqualTo(1));
        given().auth()
                .oauth2(officer("officer.politie"))
                .queryParam("assignee", "none")
                .queryParam("status", "SUBMITTED")
                .queryParam("size", 2)
                .get("/api/declarations")
                .then()
                .statusCode(200)
                .body("items", hasSize(2))
                .body("size", equalTo(2))
                .body("items.assignee", everyItem(org.hamcrest.Matchers.nullValue()))
                .body("items.status", everyItem(equalTo("SUBMITTED")));
        given().auth()
                .oauth2(officer("officer.politie"))
                .queryParam("sort", "name")
                .get("/api/declarations")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("sort"));
        given().auth()
                .oauth2(officer("officer.politie"))
                .queryParam("risk", "EXTREME")
                .get("/api/declarations")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("risk"));
        given().auth()
                .oauth2(officer("officer.politie"))
                .queryParam("size", 1000)
                .get("/api/declarations")
                .then()
                .statusCode(400);
    }
}
