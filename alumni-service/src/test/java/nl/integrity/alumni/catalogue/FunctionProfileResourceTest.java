package nl.integrity.alumni.catalogue;

import static io.restassured.RestAssured.given;
import static nl.integrity.platform.testing.KafkaProbe.header;
import static nl.integrity.platform.testing.KeycloakLogins.hrSystemToken;
import static nl.integrity.platform.testing.KeycloakLogins.tokenFor;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.UUID;
import nl.integrity.platform.outbox.OutboxMessage;
import nl.integrity.platform.testing.KafkaProbe;
import org.junit.jupiter.api.Test;

/** The catalogue API with real Keycloak tokens against the real database and broker. */
@QuarkusTest
class FunctionProfileResourceTest {

    static String definition(String title, int coolingOffMonths) {
        return """
                {"title":"%s","functionGroup":"ICT","riskLevel":"HIGH","coolingOffMonths":%d,
                 "sensitiveSectors":["ICT","CYBER_SECURITY"],"rationale":"Beheerrechten op bronsystemen"}""".formatted(title, coolingOffMonths);
    }

    static String uniqueCode() {
        return "T-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    static String create(String admin, String code) {
        return given().auth()
                .oauth2(tokenFor(admin))
                .contentType(ContentType.JSON)
                .body("{\"code\":\"%s\",\"definition\":%s}".formatted(code, definition("Systeembeheerder", 12)))
                .post("/api/function-profiles")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    @Test
    void list_showsTheSeededCatalogueOfTheCallersOrganisationOnly() {
        given().auth()
                .oauth2(tokenFor("officer.politie"))
                .get("/api/function-profiles")
                .then()
                .statusCode(200)
                .body("code", hasItems("REC-TAC", "INT-CIE", "ICT-BEH", "LEI-EH"))
                .body("code", not(hasItem("GRS-BEW")))
                .body("organisation", everyItem(equalTo("POLITIE")));
        given().auth()
                .oauth2(tokenFor("officer.kmar"))
                .queryParam("functionGroup", "BORDER_SECURITY")
                .get("/api/function-profiles")
                .then()
                .statusCode(200)
                .body("code", hasItems("GRS-BEW", "GRS-IDF"))
                .body("functionGroup", everyItem(equalTo("BORDER_SECURITY")));
    }

    @Test
    void create_addsProfileAtVersionOneAndAnnouncesIt() {
        String code = uniqueCode();
        try (var probe = KafkaProbe.watch("test.function-profile.events")) {
            String id = create("admin", code);

            given().auth()
                    .oauth2(tokenFor("officer.politie"))
                    .get("/api/function-profiles/{id}", id)
                    .then()
                    .statusCode(200)
                    .body("code", equalTo(code))
                    .body("version", equalTo(1))
                    .body("coolingOffMonths", equalTo(12))
                    .body("sensitiveSectors", hasItems("ICT", "CYBER_SECURITY"))
                    .body("history", hasSize(1))
                    .body("history[0].changedBy", equalTo("admin"));
            var record = probe.await(r -> id.equals(r.key()), Duration.ofSeconds(15))
                    .orElseThrow(() -> new AssertionError("no catalogue event for " + id));
            assertEquals("nl.integrity.alumni.function-profile-changed.v1", header(record, "ce_type"));
            assertEquals(true, record.value().contains("\"change\":\"CREATED\""), record.value());
        }
    }

    @Test
    void create_refusesACodeInUse() {
        String code = uniqueCode();
        create("admin", code);
        given().auth()
                .oauth2(tokenFor("admin"))
                .contentType(ContentType.JSON)
                .body("{\"code\":\"%s\",\"definition\":%s}".formatted(code, definition("Ander", 3)))
                .post("/api/function-profiles")
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", endsWith("/problems/duplicate-function-code"));
        // The same code in the other organisation's catalogue is another profile.
        create("admin.kmar", code);
    }

    @Test
    void create_rejectsInvalidFieldsWithProblemListingThem() {
        given().auth()
                .oauth2(tokenFor("admin"))
                .contentType(ContentType.JSON)
                .body("{\"code\":\"lower case\",\"definition\":%s}".formatted(definition(" ", 25)))
                .post("/api/function-profiles")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItems("code", "definition.title", "definition.coolingOffMonths"));
    }

    @Test
    void change_addsVersionKeepsHistoryAndIsPublished() {
        String id = create("admin", uniqueCode());

        given().auth()
                .oauth2(tokenFor("admin"))
                .contentType(ContentType.JSON)
                .body("{\"expectedVersion\":1,\"definition\":%s}".formatted(definition("Systeembeheerder", 18)))
                .put("/api/function-profiles/{id}", id)
                .then()
                .statusCode(200)
                .body("version", equalTo(2))
                .body("coolingOffMonths", equalTo(18))
                .body("history", hasSize(2))
                .body("history[0].coolingOffMonths", equalTo(12))
                .body("history[1].coolingOffMonths", equalTo(18));

        long events = QuarkusTransaction.requiringNew().call(() -> OutboxMessage.count("aggregateId", id));
        assertEquals(2, events, "created and changed");
    }

    @Test
    void change_onAnOutdatedVersionIsAConflict() {
        String id = create("admin", uniqueCode());
        given().auth()
                .oauth2(tokenFor("admin"))
                .contentType(ContentType.JSON)
                .body("{\"expectedVersion\":1,\"definition\":%s}".formatted(definition("Beheerder", 6)))
                .put("/api/function-profiles/{id}", id)
                .then()
                .statusCode(200);

        given().auth()
                .oauth2(tokenFor("admin"))
                .contentType(ContentType.JSON)
                .body("{\"expectedVersion\":1,\"definition\":%s}".formatted(definition("Beheerder", 24)))
                .put("/api/function-profiles/{id}", id)
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", endsWith("/problems/stale-version"));
    }

    @Test
    void retire_keepsTheProfileReadableButClosedToChanges() {
        String id = create("admin", uniqueCode());
        given().auth()
                .oauth2(tokenFor("admin"))
                .post("/api/function-profiles/{id}/retire", id)
                .then()
                .statusCode(200)
                .body("retired", equalTo(true));

        given().auth()
                .oauth2(tokenFor("admin"))
                .contentType(ContentType.JSON)
                .body("{\"expectedVersion\":1,\"definition\":%s}".formatted(definition("Beheerder", 6)))
                .put("/api/function-profiles/{id}", id)
                .then()
                .statusCode(409)
                .body("type", endsWith("/problems/function-profile-retired"));
        given().auth()
                .oauth2(tokenFor("officer.politie"))
                .get("/api/function-profiles")
                .then()
                .body("id", not(hasItem(id)));
        given().auth()
                .oauth2(tokenFor("officer.politie"))
                .queryParam("includeRetired", true)
                .get("/api/function-profiles")
                .then()
                .body("id", hasItem(id));
    }

    @Test
    void otherOrganisationsProfilesDoNotExistForTheCaller() {
        String politieProfile = create("admin", uniqueCode());

        given().auth()
                .oauth2(tokenFor("officer.kmar"))
                .get("/api/function-profiles/{id}", politieProfile)
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(tokenFor("admin.kmar"))
                .contentType(ContentType.JSON)
                .body("{\"expectedVersion\":1,\"definition\":%s}".formatted(definition("Gekaapt", 0)))
                .put("/api/function-profiles/{id}", politieProfile)
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(tokenFor("admin.kmar"))
                .post("/api/function-profiles/{id}/retire", politieProfile)
                .then()
                .statusCode(404);
    }

    @Test
    void onlyAdministratorsMaintainAndOnlyStaffReadTheCatalogue() {
        String body = "{\"code\":\"%s\",\"definition\":%s}".formatted(uniqueCode(), definition("x", 1));
        given().auth()
                .oauth2(tokenFor("officer.politie"))
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/function-profiles")
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(tokenFor("alumnus.politie"))
                .get("/api/function-profiles")
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(hrSystemToken())
                .get("/api/function-profiles")
                .then()
                .statusCode(403);
        given().get("/api/function-profiles").then().statusCode(401);
    }
}
