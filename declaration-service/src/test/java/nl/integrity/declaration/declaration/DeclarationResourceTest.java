package nl.integrity.declaration.declaration;

import static io.restassured.RestAssured.given;
import static nl.integrity.declaration.Fixtures.ORDINARY;
import static nl.integrity.declaration.Fixtures.declare;
import static nl.integrity.platform.testing.KeycloakLogins.hrSystemToken;
import static nl.integrity.platform.testing.KeycloakLogins.tokenFor;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import nl.integrity.declaration.Fixtures;
import nl.integrity.platform.outbox.OutboxMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The alumnus' side of declarations over HTTP with real Keycloak tokens, against the real database. */
@QuarkusTest
class DeclarationResourceTest {

    @Inject
    Declarations declarations;

    UUID politieAlumnus;

    @BeforeEach
    void demoAlumniAreKnown() {
        // The realm's demo users alumnus.politie and alumnus.kmar, registered through alumni.events.
        politieAlumnus = Fixtures.alumnusInWindow("POLITIE", "P100001", "HIGH", List.of("PRIVATE_SECURITY"));
        Fixtures.plainAlumnus("KMAR", "K200001");
    }

    static List<String> eventTypesOf(String declarationId) {
        return QuarkusTransaction.requiringNew()
                .call(() ->
                        OutboxMessage.<OutboxMessage>list("aggregateId = ?1 order by position", declarationId).stream()
                                .map(m -> m.eventType())
                                .toList());
    }

    @Test
    void create_submitsAssessesAndAnnouncesTheFirstVersion() {
        var response = given().auth()
                .oauth2(tokenFor("alumnus.politie"))
                .contentType(ContentType.JSON)
                .body(ORDINARY.replace("HOSPITALITY", "PRIVATE_SECURITY"))
                .when()
                .post("/api/declarations")
                .then()
                .statusCode(201)
                .body("alumnusId", equalTo(politieAlumnus.toString()))
                .body("organisation", equalTo("POLITIE"))
                .body("status", equalTo("SUBMITTED"))
                .body("currentVersion", equalTo(1))
                .body("activity.employerName", equalTo("Veilig & Zeker BV"))
                .body("activity.kvkNumber", equalTo("12345678"))
                .body("dueDate", notNullValue())
                .body("risk.level", equalTo("HIGH"))
                .body("risk.reasons.code", hasItems("SENSITIVE_SECTOR", "FUNCTION_RISK_HIGH", "RISKY_SECTOR"))
                .body("risk.reasons[0].textNl", notNullValue())
                .body("risk.reasons[0].textEn", notNullValue())
                .extract();
        String id = response.path("id");
        assertTrue(response.header("Location").endsWith("/api/declarations/" + id));
        assertEquals(
                List.of("nl.integrity.declaration.submitted.v1", "nl.integrity.declaration.assessed.v1"),
                eventTypesOf(id));
        String submitted = QuarkusTransaction.requiringNew()
                .call(() -> OutboxMessage.<OutboxMessage>find("aggregateId = ?1 order by position", id)
                        .<OutboxMessage>firstResult()
                        .payload());
        assertTrue(submitted.contains("\"sector\":\"PRIVATE_SECURITY\""), submitted);
        assertTrue(
                submitted.contains("\"sectorWords\":{\"nl\":\"beveiliging\",\"en\":\"private security\"}"),
                "the words travel with the code: " + submitted);
    }

    @Test
    void draft_isNeitherAssessedNorAnnouncedUntilSubmitted() {
        String id = given().auth()
                .oauth2(tokenFor("alumnus.politie"))
                .contentType(ContentType.JSON)
                .body(ORDINARY)
                .queryParam("draft", true)
                .post("/api/declarations")
                .then()
                .statusCode(201)
                .body("status", equalTo("DRAFT"))
                .body("risk", nullValue())
                .extract()
                .path("id");
        assertEquals(List.of(), eventTypesOf(id));

        given().auth()
                .oauth2(tokenFor("alumnus.politie"))
                .contentType(ContentType.JSON)
                .body(ORDINARY.replace("Runs the night shift", "Runs the day shift"))
                .put("/api/declarations/{id}", id)
                .then()
                .statusCode(200)
                .body("status", equalTo("DRAFT"))
                .body("currentVersion", equalTo(1))
                .body("activity.duties", equalTo("Runs the day shift"));

        given().auth()
                .oauth2(tokenFor("alumnus.politie"))
                .post("/api/declarations/{id}/submission", id)
                .then()
                .statusCode(200)
                .body("status", equalTo("SUBMITTED"))
                .body("risk.level", notNullValue());
        assertEquals(2, eventTypesOf(id).size());

        given().auth()
                .oauth2(tokenFor("alumnus.politie"))
                .post("/api/declarations/{id}/submission", id)
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", endsWith("/problems/illegal-transition"));
    }

    @Test
    void update_makesANewAssessedVersionAndKeepsTheOldOne() {
        String id = declare("alumnus.politie", ORDINARY);
        given().auth()
                .oauth2(tokenFor("alumnus.politie"))
                .contentType(ContentType.JSON)
                .body(ORDINARY.replace(
                        "\"expectsContact\":false", "\"expectsContact\":true,\"contactDetails\":\"Tenders\""))
                .put("/api/declarations/{id}", id)
                .then()
                .statusCode(200)
                .body("currentVersion", equalTo(2))
                .body("risk.reasons.code", hasItem("CONTACT_DECLARED"));

        given().auth()
                .oauth2(tokenFor("alumnus.politie"))
                .get("/api/declarations/{id}/versions", id)
                .then()
                .statusCode(200)
                .body("number", equalTo(List.of(1, 2)))
                .body("[0].risk.reasons.code", not(hasItem("CONTACT_DECLARED")))
                .body("[1].activity.contactDetails", equalTo("Tenders"));

        // The same content again is no new version.
        given().auth()
                .oauth2(tokenFor("alumnus.politie"))
                .contentType(ContentType.JSON)
                .body(ORDINARY.replace(
                        "\"expectsContact\":false", "\"expectsContact\":true,\"contactDetails\":\"Tenders\""))
                .put("/api/declarations/{id}", id)
                .then()
                .statusCode(200)
                .body("currentVersion", equalTo(2));
    }

    @Test
    void late_anActivityThatAlreadyStartedIsFlaggedAndExplained() {
        String id = declare("alumnus.politie", ORDINARY.replace("2099-02-01", "2026-01-05"));
        given().auth()
                .oauth2(tokenFor("alumnus.politie"))
                .get("/api/declarations/{id}", id)
                .then()
                .statusCode(200)
                .body("late", equalTo(true))
                .body("risk.reasons.code", hasItem("LATE_DECLARATION"))
                .body(
                        "risk.reasons.find { it.code == 'LATE_DECLARATION' }.textEn",
                        equalTo("The activity started on 5 January 2026, before you declared it."));
    }

    @Test
    void withdraw_onceAndNotAgain() {
        String id = declare("alumnus.politie", ORDINARY);
        given().auth()
                .oauth2(tokenFor("alumnus.politie"))
                .post("/api/declarations/{id}/withdrawal", id)
                .then()
                .statusCode(200)
                .body("status", equalTo("WITHDRAWN"))
                .body("withdrawnAt", notNullValue());
        given().auth()
                .oauth2(tokenFor("alumnus.politie"))
                .post("/api/declarations/{id}/withdrawal", id)
                .then()
                .statusCode(409)
                .body("type", endsWith("/problems/illegal-transition"))
                .body("detail", equalTo("A declaration that is WITHDRAWN cannot withdraw"));
        given().auth()
                .oauth2(tokenFor("alumnus.politie"))
                .contentType(ContentType.JSON)
                .body(ORDINARY)
                .put("/api/declarations/{id}", id)
                .then()
                .statusCode(409);
        assertTrue(eventTypesOf(id).contains("nl.integrity.declaration.withdrawn.v1"));
    }

    @Test
    void invalidFields_areAllListedInOneProblemAndNothingIsStored() {
        long before = QuarkusTransaction.requiringNew().call(() -> Declaration.count());

        given().auth()
                .oauth2(tokenFor("alumnus.politie"))
                .contentType(ContentType.JSON)
                .body("""
                        {"employerName":"  ","role":"%s","hoursPerWeek":100}""".formatted("x".repeat(201)))
                .when()
                .post("/api/declarations")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", endsWith("/problems/validation"))
                .body(
                        "errors.field",
                        hasItems(
                                "employerName",
                                "sector",
                                "role",
                                "duties",
                                "paid",
                                "hoursPerWeek",
                                "selfEmployed",
                                "expectsContact",
                                "usesKnowledge"));

        assertEquals(before, QuarkusTransaction.requiringNew().call(() -> Declaration.count()), "nothing stored");
    }

    @Test
    void rulesBetweenFields_kvkNumberSectorCountryStartDateContact() {
        String body = ORDINARY.replace("\"kvkNumber\":\"12345678\"", "\"kvkNumber\":\"1234567X\"")
                .replace("HOSPITALITY", "MOON_MINING")
                .replace("\"startDate\":\"2099-02-01\",", "")
                .replace("\"expectsContact\":false", "\"expectsContact\":true");
        given().auth()
                .oauth2(tokenFor("alumnus.politie"))
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/declarations")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", containsInAnyOrder("kvkNumber", "sector", "startDate", "contactDetails"));

        given().auth()
                .oauth2(tokenFor("alumnus.politie"))
                .contentType(ContentType.JSON)
                .body(ORDINARY.replace("\"country\":\"NL\"", "\"country\":\"BE\""))
                .post("/api/declarations")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("kvkNumber"))
                .body("errors[0].message", equalTo("only for an employer in the Netherlands"));

        given().auth()
                .oauth2(tokenFor("alumnus.politie"))
                .contentType(ContentType.JSON)
                .body(ORDINARY.replace("\"kvkNumber\":\"12345678\",", ""))
                .post("/api/declarations")
                .then()
                .statusCode(400)
                .body("errors[0].message", equalTo("required for an employer in the Netherlands"));

        given().auth()
                .oauth2(tokenFor("alumnus.politie"))
                .contentType(ContentType.JSON)
                .body(ORDINARY.replace("\"country\":\"NL\"", "\"country\":\"XX\""))
                .post("/api/declarations")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("country"));
    }

    @Test
    void speculative_mayLeaveTheStartDateOpen() {
        given().auth()
                .oauth2(tokenFor("alumnus.politie"))
                .contentType(ContentType.JSON)
                .body(ORDINARY.replace("\"startDate\":\"2099-02-01\",", "\"kind\":\"SPECULATIVE\","))
                .post("/api/declarations")
                .then()
                .statusCode(201)
                .body("activity.kind", equalTo("SPECULATIVE"))
                .body("activity.startDate", nullValue());
    }

    @Test
    void dateInWrongFormat_isAProblemNamingTheField() {
        given().auth()
                .oauth2(tokenFor("alumnus.politie"))
                .contentType(ContentType.JSON)
                .body(ORDINARY.replace("2099-02-01", "01-02-2099"))
                .when()
                .post("/api/declarations")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("startDate"));
    }

    @Test
    void create_isRefusedWhenTheCallersDepartureIsUnknown() {
        var refused = assertThrows(
                AlumnusNotRegistered.class,
                () -> declarations.create("POLITIE", "NEVER-REGISTERED", Fixtures.activity("Data BV"), false));
        assertEquals(422, refused.status());
    }

    @Test
    void alumnusEndpoints_areForbiddenToOfficersAdminsAndTheHrSystem() {
        String id = declare("alumnus.politie", ORDINARY);
        for (String token : List.of(tokenFor("officer.politie"), tokenFor("admin"), hrSystemToken())) {
            given().auth()
                    .oauth2(token)
                    .contentType(ContentType.JSON)
                    .body(ORDINARY)
                    .post("/api/declarations")
                    .then()
                    .statusCode(403)
                    .contentType("application/problem+json");
            given().auth()
                    .oauth2(token)
                    .contentType(ContentType.JSON)
                    .body(ORDINARY)
                    .put("/api/declarations/{id}", id)
                    .then()
                    .statusCode(403);
            given().auth()
                    .oauth2(token)
                    .post("/api/declarations/{id}/withdrawal", id)
                    .then()
                    .statusCode(403);
        }
        given().auth()
                .oauth2(tokenFor("admin"))
                .get("/api/declarations/{id}", id)
                .then()
                .statusCode(403);
        given().auth().oauth2(hrSystemToken()).get("/api/declarations").then().statusCode(403);
    }

    @Test
    void everyEndpointRequiresAToken() {
        UUID id = UUID.randomUUID();
        given().contentType(ContentType.JSON)
                .body(ORDINARY)
                .when()
                .post("/api/declarations")
                .then()
                .statusCode(401)
                .contentType("application/problem+json");
        given().when().get("/api/declarations").then().statusCode(401);
        given().when().get("/api/declarations/{id}", id).then().statusCode(401);
        given().when().get("/api/declarations/{id}/versions", id).then().statusCode(401);
        given().contentType(ContentType.JSON)
                .body(ORDINARY)
                .put("/api/declarations/{id}", id)
                .then()
                .statusCode(401);
        given().post("/api/declarations/{id}/withdrawal", id).then().statusCode(401);
        given().get("/api/declarations/statistics").then().statusCode(401);
        given().get("/api/risk-rules").then().statusCode(401);
        given().get("/api/condition-types").then().statusCode(401);
    }

    @Test
    void anotherAlumnusDeclaration_doesNotExistForThem() {
        String id = declare("alumnus.politie", ORDINARY);
        given().auth()
                .oauth2(tokenFor("alumnus.politie"))
                .get("/api/declarations/{id}", id)
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(tokenFor("alumnus.kmar"))
                .get("/api/declarations/{id}", id)
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(tokenFor("alumnus.kmar"))
                .get("/api/declarations/{id}/versions", id)
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(tokenFor("alumnus.kmar"))
                .post("/api/declarations/{id}/withdrawal", id)
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(tokenFor("alumnus.kmar"))
                .contentType(ContentType.JSON)
                .body(ORDINARY)
                .put("/api/declarations/{id}", id)
                .then()
                .statusCode(404);
    }

    @Test
    void list_showsAlumniOnlyTheirOwn() {
        String id = declare("alumnus.politie", ORDINARY);
        given().auth()
                .oauth2(tokenFor("alumnus.politie"))
                .get("/api/declarations")
                .then()
                .statusCode(200)
                .body("items.id", hasItem(id))
                .body("items.alumnusId", everyItem(equalTo(politieAlumnus.toString())))
                .body("totalCapped", equalTo(false));
        given().auth()
                .oauth2(tokenFor("alumnus.kmar"))
                .get("/api/declarations")
                .then()
                .statusCode(200)
                .body("items.id", not(hasItem(id)));
    }
}
