package nl.integrity.e2e;

import static io.restassured.RestAssured.given;
import static nl.integrity.platform.testing.KeycloakLogins.hrSystemToken;
import static nl.integrity.platform.testing.KeycloakLogins.tokenFor;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The walking skeleton's journey through the gateway with all four services, Kafka, Keycloak
 * and PostgreSQL running: HR registers a departure, the alumnus declares, the integrity office
 * of the same organisation gets an alert, the other organisation's office sees nothing.
 */
class DeclarationJourneyIT {

    private TestAlumni.Login alumnus;

    @BeforeAll
    static void throughTheGateway() {
        RestAssured.baseURI = System.getProperty("gateway.url", "http://localhost:8080");
        RestAssured.port = -1;
    }

    @BeforeEach
    void freshAlumnusLogin() {
        alumnus = TestAlumni.create("POLITIE");
    }

    @AfterEach
    void removeLogin() {
        TestAlumni.delete(alumnus);
    }

    @Test
    void departureDeclarationAlert_visibleToOwnOrganisationOnly() {
        // 1. The HR system registers the departure (client credentials).
        String alumnusId = given().auth()
                .oauth2(hrSystemToken())
                .contentType(ContentType.JSON)
                .body("""
                        {"organisation":"POLITIE","personnelNumber":"%s","fullName":"Eind Tot Eind",
                         "functions":[{"functionCode":"REC-DIG","from":"2022-01-01"}],
                         "departureDate":"2026-10-31","departureReason":"VOLUNTARY"}""".formatted(alumnus.personnelNumber()))
                .post("/api/departures")
                .then()
                .statusCode(201)
                // Links point at the gateway, never at the service behind it.
                .header("Location", org.hamcrest.Matchers.startsWith(RestAssured.baseURI + "/api/alumni/"))
                .extract()
                .path("id");

        // 2. The alumnus logs in through Keycloak's login page and finds their record.
        String alumnusToken = tokenFor(alumnus.username(), alumnus.password());
        given().auth()
                .oauth2(alumnusToken)
                .get("/api/alumni/me")
                .then()
                .statusCode(200)
                .body("id", equalTo(alumnusId))
                .body("obligationWindow.end", equalTo("2028-04-30"))
                .body("obligationWindow.functionCode", equalTo("REC-DIG"));

        // 3. The alumnus declares, once declaration-service has the registration from alumni.events.
        String declaration = """
                {"employerName":"CyberGuard Nederland BV","kvkNumber":"87654321","country":"NL","sector":"CYBER_SECURITY",
                 "role":"Incident responder","duties":"Handles security incidents of clients","startDate":"2027-01-15",
                 "paid":true,"hoursPerWeek":32,"selfEmployed":false,"expectsContact":false,"usesKnowledge":true,
                 "knowledgeDetails":"Forensic methods"}""";
        long registeredAt = System.nanoTime();
        String[] declarationId = new String[1];
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> {
                    Response r = given().auth()
                            .oauth2(alumnusToken)
                            .contentType(ContentType.JSON)
                            .body(declaration)
                            .post("/api/declarations");
                    if (r.statusCode() == 201) {
                        declarationId[0] = r.path("id");
                        return true;
                    }
                    if (r.statusCode() != 422) {
                        throw new AssertionError("declaration refused: " + r.statusCode() + " " + r.asString());
                    }
                    return false;
                });
        long submittedAt = System.nanoTime();

        // 4. The POLITIE integrity office gets an alert.
        String officer = tokenFor("officer.politie");
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(20))
                .until(() -> given().auth()
                                .oauth2(officer)
                                .queryParam("declarationId", declarationId[0])
                                .queryParam("kind", "DECLARATION_SUBMITTED")
                                .get("/api/alerts")
                                .then()
                                .statusCode(200)
                                .extract()
                                .<List<?>>path("items")
                                .size()
                        == 1);
        long alertVisibleAt = System.nanoTime();
        given().auth()
                .oauth2(officer)
                .queryParam("declarationId", declarationId[0])
                .queryParam("kind", "DECLARATION_SUBMITTED")
                .get("/api/alerts")
                .then()
                .body("items[0].kind", equalTo("DECLARATION_SUBMITTED"))
                .body("items[0].alumnusId", equalTo(alumnusId));
        // The assessment came out high: the office gets a high-risk alert too.
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(() -> given().auth()
                                .oauth2(officer)
                                .queryParam("declarationId", declarationId[0])
                                .queryParam("kind", "HIGH_RISK")
                                .get("/api/alerts")
                                .then()
                                .extract()
                                .<List<?>>path("items")
                                .size()
                        == 1);
        // The assessment used the function catalogue as declaration-service learnt it from function-profile.events:
        // REC-DIG is a high-risk function for which cyber security is a sensitive sector.
        given().auth()
                .oauth2(officer)
                .queryParam("purpose", "DECLARATION_REVIEW")
                .get("/api/declarations/{id}", declarationId[0])
                .then()
                .statusCode(200)
                .body("activity.employerName", equalTo("CyberGuard Nederland BV"))
                .body("risk.level", equalTo("HIGH"))
                .body("risk.reasons.code", hasItems("SENSITIVE_SECTOR", "FUNCTION_RISK_HIGH", "KNOWLEDGE_USED"));

        // 4b. The officer asks a question, the alumnus answers, the officer decides with a condition.
        given().auth()
                .oauth2(officer)
                .contentType(ContentType.JSON)
                .body("{\"question\":\"Will you work for clients of Eenheid Amsterdam?\"}")
                .post("/api/declarations/{id}/information-requests", declarationId[0])
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(alumnusToken)
                .contentType(ContentType.JSON)
                .body("{\"answer\":\"No, only private clients.\"}")
                .post("/api/declarations/{id}/information", declarationId[0])
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(officer)
                .contentType(ContentType.JSON)
                .body("""
                        {"outcome":"ALLOWED_WITH_CONDITIONS","rationale":"Acceptable while the former unit stays out of it",
                         "conditions":[{"type":"NO_CONTACT_FORMER_UNIT","endsOn":"2028-04-29"}]}""")
                .post("/api/declarations/{id}/decision", declarationId[0])
                .then()
                .statusCode(200)
                .body("status", equalTo("DECIDED"));
        given().auth()
                .oauth2(alumnusToken)
                .get("/api/declarations/{id}", declarationId[0])
                .then()
                .statusCode(200)
                .body("outcome", equalTo("ALLOWED_WITH_CONDITIONS"))
                .body("decisions[0].conditions[0].type", equalTo("NO_CONTACT_FORMER_UNIT"))
                .body("messages.kind", equalTo(List.of("QUESTION", "ANSWER")));

        // 5. The KMAR office and another alumnus see none of it.
        String kmarOfficer = tokenFor("officer.kmar");
        given().auth()
                .oauth2(kmarOfficer)
                .queryParam("declarationId", declarationId[0])
                .get("/api/alerts")
                .then()
                .statusCode(200)
                .body("items", hasSize(0));
        given().auth()
                .oauth2(kmarOfficer)
                .queryParam("purpose", "DECLARATION_REVIEW")
                .get("/api/declarations/{id}", declarationId[0])
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(kmarOfficer)
                .queryParam("purpose", "DECLARATION_REVIEW")
                .get("/api/alumni/{id}", alumnusId)
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(kmarOfficer)
                .contentType(ContentType.JSON)
                .body("{\"question\":\"?\"}")
                .post("/api/declarations/{id}/information-requests", declarationId[0])
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(tokenFor("alumnus.politie"))
                .get("/api/declarations")
                .then()
                .statusCode(200)
                .body("items.id", not(hasItem(declarationId[0])));
        given().auth()
                .oauth2(alumnusToken)
                .get("/api/declarations")
                .then()
                .statusCode(200)
                .body("items.id", hasItem(declarationId[0]));

        System.out.printf(
                "[e2e latency] registration -> declaration accepted: %d ms; declaration submitted -> alert visible: %d ms%n",
                (submittedAt - registeredAt) / 1_000_000, (alertVisibleAt - submittedAt) / 1_000_000);
    }

    @Test
    void callsWithoutTokenAreRefusedAtTheGateway() {
        given().get("/api/alerts").then().statusCode(401).contentType("application/problem+json");
    }
}
