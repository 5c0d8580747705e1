package nl.integrity.alumni.registry;

import static io.restassured.RestAssured.given;
import static nl.integrity.platform.testing.KeycloakLogins.hrSystemToken;
import static nl.integrity.platform.testing.KeycloakLogins.tokenFor;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.UUID;
import nl.integrity.platform.outbox.OutboxMessage;
import org.junit.jupiter.api.Test;

/** Departures from the HR system, against the real database with real Keycloak tokens. */
@QuarkusTest
class DepartureResourceTest {

    @jakarta.inject.Inject
    Registry registry;

    /** A departure after a career in investigation: a seeded HIGH-risk, 12-month function last. */
    static String departure(String organisation, String personnelNumber) {
        String investigator = organisation.equals("KMAR") ? "REC-MAR" : "REC-TAC";
        String support = organisation.equals("KMAR") ? "BED-STF" : "BED-ADM";
        return """
                {"organisation":"%s","personnelNumber":"%s","fullName":"Jan Test","email":"jan@example.nl","unit":"Recherche Noord",
                 "functions":[{"functionCode":"%s","from":"2015-01-01","until":"2022-12-31"},
                              {"functionCode":"%s","from":"2023-01-01"}],
                 "departureDate":"2026-06-30","departureReason":"REORGANISATION"}""".formatted(organisation, personnelNumber, support, investigator);
    }

    static String uniqueNumber() {
        return "T" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void register_createsAlumnusAndAppendsRegisteredEvent() {
        String number = uniqueNumber();

        var created = given().auth()
                .oauth2(hrSystemToken())
                .contentType(ContentType.JSON)
                .body(departure("POLITIE", number))
                .when()
                .post("/api/departures")
                .then()
                .statusCode(201)
                .body("organisation", equalTo("POLITIE"))
                .body("personnelNumber", equalTo(number))
                .body("status", equalTo("DEPARTED"))
                .body("departureReason", equalTo("REORGANISATION"))
                .extract();
        String id = created.path("id");
        assertTrue(created.header("Location").endsWith("/api/alumni/" + id), created.header("Location"));

        // The record's own events (its briefing's are about alumni/<id>/briefing).
        var events = QuarkusTransaction.requiringNew()
                .call(() -> OutboxMessage.<OutboxMessage>list("subject", "alumni/" + id));
        assertEquals(1, events.size());
        assertEquals("nl.integrity.alumni.registered.v1", events.get(0).eventType());
        assertEquals("alumni.events", events.get(0).topic());
    }

    @Test
    void register_computesTheObligationWindowFromTheRiskiestFunction() {
        given().auth()
                .oauth2(hrSystemToken())
                .contentType(ContentType.JSON)
                .body(departure("POLITIE", uniqueNumber()))
                .when()
                .post("/api/departures")
                .then()
                .statusCode(201)
                .body("lastFunction", equalTo("REC-TAC"))
                .body("lastFunctionTitle", equalTo("Tactisch rechercheur"))
                .body("unit", equalTo("Recherche Noord"))
                .body("functions.functionCode", org.hamcrest.Matchers.contains("BED-ADM", "REC-TAC"))
                .body(
                        "functions.title",
                        org.hamcrest.Matchers.contains("Administratief medewerker", "Tactisch rechercheur"))
                .body("obligationWindow.start", equalTo("2026-06-30"))
                .body("obligationWindow.end", equalTo("2027-06-30"))
                .body("obligationWindow.coolingOffMonths", equalTo(12))
                .body("obligationWindow.functionCode", equalTo("REC-TAC"))
                .body("obligationWindow.riskLevel", equalTo("HIGH"))
                .body("obligationWindow.functionProfileVersionId", equalTo("82045ad7-9852-588a-89de-4682b6b18535"));
    }

    @Test
    void register_repeatedWithOtherFactsUpdatesTheRecordAndItsWindow() {
        String number = uniqueNumber();
        String id = given().auth()
                .oauth2(hrSystemToken())
                .contentType(ContentType.JSON)
                .body(departure("POLITIE", number))
                .post("/api/departures")
                .then()
                .statusCode(201)
                .extract()
                .path("id");

        given().auth()
                .oauth2(hrSystemToken())
                .contentType(ContentType.JSON)
                .body(departure("POLITIE", number)
                        .replace("2026-06-30", "2026-08-31")
                        .replace(
                                "{\"functionCode\":\"REC-TAC\",\"from\":\"2023-01-01\"}",
                                "{\"functionCode\":\"REC-TAC\",\"from\":\"2023-01-01\",\"until\":\"2025-12-31\"},"
                                        + "{\"functionCode\":\"INT-CIE\",\"from\":\"2026-01-01\"}"))
                .post("/api/departures")
                .then()
                .statusCode(200)
                .body("id", equalTo(id))
                .body("departureDate", equalTo("2026-08-31"))
                .body("lastFunction", equalTo("INT-CIE"))
                .body("obligationWindow.end", equalTo("2028-08-31"))
                .body("version", equalTo(1));

        var types = QuarkusTransaction.requiringNew()
                .call(() -> OutboxMessage.<OutboxMessage>list("subject = ?1 order by position", "alumni/" + id))
                .stream()
                .map(m -> m.eventType() + " " + m.payload())
                .toList();
        assertEquals(3, types.size(), types.toString());
        assertTrue(types.get(1).startsWith("nl.integrity.alumni.record-updated.v1"), types.get(1));
        assertTrue(types.get(1).contains("\"changedFields\":[\"functions\",\"departureDate\"]"), types.get(1));
        assertTrue(types.get(2).startsWith("nl.integrity.alumni.obligation-window-changed.v1"), types.get(2));
        assertTrue(types.get(2).contains("\"reason\":\"RECORD_CHANGED\""), types.get(2));
    }

    @Test
    void announcedDeparture_isLeavingUntilItsDateComes() {
        String id = given().auth()
                .oauth2(hrSystemToken("KMAR"))
                .contentType(ContentType.JSON)
                .body(departure("KMAR", uniqueNumber()).replace("2026-06-30", "2027-01-31"))
                .post("/api/departures")
                .then()
                .statusCode(201)
                .body("status", equalTo("LEAVING"))
                .extract()
                .path("id");

        registry.markDeparted(java.time.LocalDate.of(2027, 1, 30));
        assertEquals(
                AlumnusStatus.LEAVING,
                QuarkusTransaction.requiringNew()
                        .call(() -> Alumnus.<Alumnus>findById(java.util.UUID.fromString(id))
                                .status()));
        registry.markDeparted(java.time.LocalDate.of(2027, 1, 31));
        assertEquals(
                AlumnusStatus.DEPARTED,
                QuarkusTransaction.requiringNew()
                        .call(() -> Alumnus.<Alumnus>findById(java.util.UUID.fromString(id))
                                .status()));
        long updates = QuarkusTransaction.requiringNew()
                .call(() -> OutboxMessage.count(
                        "aggregateId = ?1 and eventType = ?2", id, "nl.integrity.alumni.record-updated.v1"));
        assertEquals(1, updates);
    }

    @Test
    void register_refusesFunctionsTheCatalogueDoesNotKnow() {
        String number = uniqueNumber();
        given().auth()
                .oauth2(hrSystemToken("KMAR"))
                .contentType(ContentType.JSON)
                .body(departure("KMAR", number).replace("REC-MAR", "NO-SUCH-FUNCTION"))
                .when()
                .post("/api/departures")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("type", endsWith("/problems/unknown-function-code"))
                .body("detail", org.hamcrest.Matchers.containsString("NO-SUCH-FUNCTION"));
        long stored = QuarkusTransaction.requiringNew().call(() -> Alumnus.count("personnelNumber", number));
        assertEquals(0, stored);
    }

    @Test
    void register_refusesAFunctionPeriodThatEndsBeforeItStarts() {
        given().auth()
                .oauth2(hrSystemToken())
                .contentType(ContentType.JSON)
                .body(departure("POLITIE", uniqueNumber())
                        .replace("\"until\":\"2022-12-31\"", "\"until\":\"2014-12-31\""))
                .when()
                .post("/api/departures")
                .then()
                .statusCode(400)
                .body("errors.field", hasItems("functions[0].period"));
    }

    @Test
    void register_isIdempotentOnOrganisationAndPersonnelNumber() {
        String number = uniqueNumber();
        String first = given().auth()
                .oauth2(hrSystemToken("KMAR"))
                .contentType(ContentType.JSON)
                .body(departure("KMAR", number))
                .post("/api/departures")
                .then()
                .statusCode(201)
                .extract()
                .path("id");

        given().auth()
                .oauth2(hrSystemToken("KMAR"))
                .contentType(ContentType.JSON)
                .body(departure("KMAR", number))
                .post("/api/departures")
                .then()
                .statusCode(200)
                .body("id", equalTo(first));

        long registered =
                QuarkusTransaction.requiringNew().call(() -> OutboxMessage.count("subject", "alumni/" + first));
        assertEquals(1, registered, "a repeated registration publishes nothing");
    }

    @Test
    void register_concurrentTwinsCreateOneAlumnus() throws Exception {
        String token = hrSystemToken();
        for (int round = 0; round < 5; round++) {
            String number = uniqueNumber();
            var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
            try {
                var calls = new java.util.ArrayList<java.util.concurrent.Future<io.restassured.response.Response>>();
                for (int i = 0; i < 4; i++) {
                    calls.add(pool.submit(() -> given().auth()
                            .oauth2(token)
                            .contentType(ContentType.JSON)
                            .body(departure("POLITIE", number))
                            .post("/api/departures")));
                }
                var statuses = new java.util.ArrayList<Integer>();
                var ids = new java.util.HashSet<String>();
                for (var call : calls) {
                    statuses.add(call.get().statusCode());
                    ids.add(call.get().path("id"));
                }
                assertEquals(1, statuses.stream().filter(s -> s == 201).count(), "one creation among " + statuses);
                assertEquals(3, statuses.stream().filter(s -> s == 200).count(), "the others find it: " + statuses);
                assertEquals(1, ids.size(), "one alumnus");
            } finally {
                pool.shutdown();
            }
        }
    }

    @Test
    void register_samePersonnelNumberInOtherOrganisationIsAnotherAlumnus() {
        String number = uniqueNumber();
        String politie = given().auth()
                .oauth2(hrSystemToken())
                .contentType(ContentType.JSON)
                .body(departure("POLITIE", number))
                .post("/api/departures")
                .then()
                .statusCode(201)
                .extract()
                .path("id");

        given().auth()
                .oauth2(hrSystemToken("KMAR"))
                .contentType(ContentType.JSON)
                .body(departure("KMAR", number))
                .post("/api/departures")
                .then()
                .statusCode(201)
                .body("id", org.hamcrest.Matchers.not(equalTo(politie)));
    }

    @Test
    void register_rejectsInvalidFieldsWithProblemListingThem() {
        long before = QuarkusTransaction.requiringNew().call(() -> Alumnus.count());

        given().auth()
                .oauth2(hrSystemToken())
                .contentType(ContentType.JSON)
                .body("""
                        {"organisation":"POLITIE","personnelNumber":"no spaces!","fullName":" ","email":"not-an-email",
                         "departureDate":"2026-06-30"}""")
                .when()
                .post("/api/departures")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", endsWith("/problems/validation"))
                .body("status", equalTo(400))
                .body("errors.field", hasItems("personnelNumber", "fullName", "email", "departureReason"));

        assertEquals(before, QuarkusTransaction.requiringNew().call(() -> Alumnus.count()), "nothing stored");
    }

    @Test
    void register_rejectsUnknownOrganisationAsMalformed() {
        given().auth()
                .oauth2(hrSystemToken())
                .contentType(ContentType.JSON)
                .body(departure("ACME", uniqueNumber()))
                .when()
                .post("/api/departures")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", endsWith("/problems/malformed-request"))
                .body("errors.field", containsInAnyOrder("organisation"));
    }

    @Test
    void register_rejectsBodyThatIsNoJson() {
        given().auth()
                .oauth2(hrSystemToken())
                .contentType(ContentType.JSON)
                .body("{not json")
                .when()
                .post("/api/departures")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", endsWith("/problems/malformed-request"));
    }

    @Test
    void register_withoutTokenIsUnauthorised() {
        given().contentType(ContentType.JSON)
                .body(departure("POLITIE", uniqueNumber()))
                .when()
                .post("/api/departures")
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", equalTo("Bearer"));
    }

    @Test
    void register_withForgedTokenIsUnauthorised() {
        String forged = hrSystemToken().substring(0, hrSystemToken().lastIndexOf('.') + 1) + "c2lnbmF0dXJl";
        given().auth()
                .oauth2(forged)
                .contentType(ContentType.JSON)
                .body(departure("POLITIE", uniqueNumber()))
                .when()
                .post("/api/departures")
                .then()
                .statusCode(401)
                .contentType("application/problem+json");
    }

    @Test
    void register_isForbiddenToAnyoneButTheHrSystem() {
        for (String user : new String[] {"alumnus.politie", "officer.politie", "admin"}) {
            given().auth()
                    .oauth2(tokenFor(user))
                    .contentType(ContentType.JSON)
                    .body(departure("POLITIE", uniqueNumber()))
                    .when()
                    .post("/api/departures")
                    .then()
                    .statusCode(403)
                    .contentType("application/problem+json")
                    .body("type", endsWith("/problems/forbidden"));
        }
    }

    @Test
    void anOrganisationsHrSystem_registersItsOwnDeparturesOnly_andReadsBackWhatItRegistered() {
        String number = uniqueNumber();
        given().auth()
                .oauth2(hrSystemToken("KMAR"))
                .contentType(ContentType.JSON)
                .body(departure("POLITIE", number))
                .post("/api/departures")
                .then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("detail", org.hamcrest.Matchers.containsString("KMAR only"));
        assertEquals(0L, (long) QuarkusTransaction.requiringNew().call(() -> Alumnus.count("personnelNumber", number)));

        String location = given().auth()
                .oauth2(hrSystemToken("POLITIE"))
                .contentType(ContentType.JSON)
                .body(departure("POLITIE", number))
                .post("/api/departures")
                .then()
                .statusCode(201)
                .extract()
                .header("Location");
        String id = location.substring(location.lastIndexOf('/') + 1);
        given().auth()
                .oauth2(hrSystemToken("POLITIE"))
                .get("/api/alumni/{id}", id)
                .then()
                .statusCode(200)
                .body("personnelNumber", equalTo(number));
        given().auth()
                .oauth2(hrSystemToken("KMAR"))
                .get("/api/alumni/{id}", id)
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(hrSystemToken("POLITIE"))
                .get("/api/alumni")
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(tokenFor("admin"))
                .get("/api/alumni/{id}/audit-trail", id)
                .then()
                .statusCode(200)
                .body("purpose", hasItems("REGISTRATION_CHECK"))
                .body("actorRole", hasItems("hr-system"));
    }
}
