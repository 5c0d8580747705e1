package nl.integrity.declaration.declaration;

import static io.restassured.RestAssured.given;
import static nl.integrity.declaration.Fixtures.ORDINARY;
import static nl.integrity.declaration.Fixtures.declare;
import static nl.integrity.platform.testing.KeycloakLogins.tokenFor;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import nl.integrity.declaration.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The alumnus' access export (AVG art. 15) with real tokens: their declarations with everything
 * about them, and who at the office looked at them, by role and purpose, never by name.
 */
@QuarkusTest
class ExportResourceTest {

    @BeforeEach
    void alumni() {
        Fixtures.plainAlumnus("POLITIE", "P100001");
        Fixtures.plainAlumnus("KMAR", "K200001");
    }

    static JsonPath export(String user) {
        return given().auth()
                .oauth2(tokenFor(user))
                .get("/api/declarations/me/export")
                .then()
                .statusCode(200)
                .header("Content-Disposition", "attachment; filename=\"my-data-declaration-service.json\"")
                .extract()
                .jsonPath();
    }

    @Test
    void theExport_holdsEveryVersionTheThreadTheDecisionsAndWhoLookedWhyButNotTheirNames() {
        String id = declare("alumnus.politie", ORDINARY);
        String officer = tokenFor("officer.politie");
        given().auth()
                .oauth2(tokenFor("alumnus.politie"))
                .contentType(ContentType.JSON)
                .body(ORDINARY.replace("Runs the night shift", "Runs the night shift and sales"))
                .put("/api/declarations/{id}", id)
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(officer)
                .queryParam("status", "SUBMITTED")
                .queryParam("sort", "-submittedAt")
                .queryParam("size", 1)
                .get("/api/declarations")
                .then()
                .statusCode(200)
                .body("items[0].id", equalTo(id));
        given().auth()
                .oauth2(officer)
                .queryParam("purpose", "DECLARATION_REVIEW")
                .get("/api/declarations/{id}", id)
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(officer)
                .contentType(ContentType.JSON)
                .body("{\"question\":\"Which clients?\"}")
                .post("/api/declarations/{id}/information-requests", id)
                .then()
                .statusCode(200);
        String endsOn = LocalDate.now().plusMonths(6).toString();
        given().auth()
                .oauth2(officer)
                .contentType(ContentType.JSON)
                .body(ReviewFlowTest.conditions(endsOn))
                .post("/api/declarations/{id}/decision", id)
                .then()
                .statusCode(200);

        JsonPath export = export("alumnus.politie");
        assertTrue(export.getString("generatedAt") != null);
        String mine = "declarations.find { it.id == '%s' }".formatted(id);
        assertEquals("DECIDED", export.getString(mine + ".status"));
        assertEquals(List.of(1, 2), export.getList(mine + ".versions.number"));
        assertEquals("Runs the night shift", export.getString(mine + ".versions[0].activity.duties"));
        assertEquals("Runs the night shift and sales", export.getString(mine + ".activity.duties"));
        assertEquals(List.of("Which clients?"), export.getList(mine + ".messages.body"));
        assertEquals(List.of("ALLOWED_WITH_CONDITIONS"), export.getList(mine + ".decisions.outcome"));
        assertEquals(
                List.of("NO_CONTACT_FORMER_UNIT", "STAND_ASIDE"),
                export.getList(mine + ".decisions[0].conditions.type"));

        List<Map<String, Object>> log =
                export.getList("accessLog.findAll { it.declarationIds.contains('%s') }".formatted(id));
        assertTrue(
                log.stream()
                        .anyMatch(e -> "READ_DECLARATION".equals(e.get("action"))
                                && "DECLARATION_REVIEW".equals(e.get("purpose"))
                                && "integrity-officer".equals(e.get("actorRole"))
                                && Boolean.FALSE.equals(e.get("listed"))),
                log.toString());
        assertTrue(
                log.stream()
                        .anyMatch(e ->
                                "LIST_DECLARATIONS".equals(e.get("action")) && Boolean.TRUE.equals(e.get("listed"))),
                log.toString());
        assertTrue(log.stream().anyMatch(e -> "DECIDED".equals(e.get("action"))), log.toString());
        assertFalse(export.getList("accessLog").toString().contains("officer.politie"), "roles, not names");
        List<String> times = export.getList("accessLog.occurredAt");
        assertEquals(times.stream().sorted().toList(), times, "oldest first");

        // Only the caller's own: another alumnus' export does not hold it; staff have no export here.
        given().auth()
                .oauth2(tokenFor("alumnus.kmar"))
                .get("/api/declarations/me/export")
                .then()
                .statusCode(200)
                .body("declarations.id", org.hamcrest.Matchers.not(hasItem(id)))
                .body("accessLog.declarationIds.flatten()", org.hamcrest.Matchers.not(hasItem(id)));
        given().auth().oauth2(officer).get("/api/declarations/me/export").then().statusCode(403);
    }

    @Test
    void anExportOfTwentyDeclarations_isReadyWithinTwoSeconds() {
        String officer = tokenFor("officer.politie");
        int held = export("alumnus.politie").getList("declarations").size();
        for (int i = held; i < 20; i++) {
            String id = declare("alumnus.politie", ORDINARY);
            given().auth()
                    .oauth2(officer)
                    .queryParam("purpose", "DECLARATION_REVIEW")
                    .get("/api/declarations/{id}", id)
                    .then()
                    .statusCode(200);
        }
        export("alumnus.politie"); // warm
        long start = System.nanoTime();
        String body = given().auth()
                .oauth2(tokenFor("alumnus.politie"))
                .get("/api/declarations/me/export")
                .then()
                .statusCode(200)
                .body("declarations.size()", org.hamcrest.Matchers.greaterThanOrEqualTo(20))
                .body("declarations.versions", everyItem(notNullValue()))
                .body("accessLog.size()", org.hamcrest.Matchers.greaterThan(0))
                .extract()
                .asString();
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        System.out.printf(
                "[export] %d declarations, %d bytes, %d ms%n",
                JsonPath.from(body).getList("declarations").size(), body.length(), took.toMillis());
        assertTrue(took.compareTo(Duration.ofSeconds(2)) < 0, "took " + took);
        given().auth()
                .oauth2(tokenFor("alumnus.politie"))
                .get("/api/declarations/me/export")
                .then()
                .contentType(containsString("application/json"));
    }
}
