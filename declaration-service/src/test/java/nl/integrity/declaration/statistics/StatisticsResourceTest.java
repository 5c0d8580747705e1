package nl.integrity.declaration.statistics;

import static io.restassured.RestAssured.given;
import static nl.integrity.declaration.Fixtures.ORDINARY;
import static nl.integrity.declaration.Fixtures.declare;
import static nl.integrity.platform.testing.KeycloakLogins.tokenFor;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import nl.integrity.declaration.Fixtures;
import org.junit.jupiter.api.Test;

/** An office's statistics: counts only, its own organisation only. */
@QuarkusTest
class StatisticsResourceTest {

    static JsonPath statistics(String user) {
        return given().auth()
                .oauth2(tokenFor(user))
                .get("/api/declarations/statistics")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    static long count(JsonPath s, String map, String key) {
        Map<String, Integer> counts = s.getMap(map);
        return counts.getOrDefault(key, 0);
    }

    @Test
    void countsFollowWhatHappens_andHoldNoPersonalData() {
        Fixtures.alumnusInWindow("KMAR", "K200001", "HIGH", List.of("AVIATION"));
        var before = statistics("officer.kmar");
        String id = declare("alumnus.kmar", ORDINARY.replace("HOSPITALITY", "AVIATION"));
        given().auth()
                .oauth2(tokenFor("officer.kmar"))
                .contentType(ContentType.JSON)
                .body("{\"outcome\":\"OBJECTION\",\"rationale\":\"Airport security of the former unit\"}")
                .post("/api/declarations/{id}/decision", id)
                .then()
                .statusCode(200);
        var after = statistics("officer.kmar");

        assertEquals("KMAR", after.getString("organisation"));
        assertEquals(before.getLong("submitted") + 1, after.getLong("submitted"));
        assertEquals(count(before, "bySector", "AVIATION") + 1, count(after, "bySector", "AVIATION"));
        assertEquals(count(before, "byRiskLevel", "HIGH") + 1, count(after, "byRiskLevel", "HIGH"));
        assertEquals(
                count(before, "byFunctionGroup", "INVESTIGATION") + 1,
                count(after, "byFunctionGroup", "INVESTIGATION"));
        assertEquals(count(before, "byOutcome", "OBJECTION") + 1, count(after, "byOutcome", "OBJECTION"));
        assertEquals(before.getLong("decided") + 1, after.getLong("decided"));
        assertTrue(after.getDouble("averageDaysToDecision") >= 0);
        long sectorTotal = after.<String, Integer>getMap("bySector").values().stream()
                .mapToLong(Integer::longValue)
                .sum();
        assertEquals(after.getLong("submitted"), sectorTotal, "every submitted declaration counted once per dimension");

        String raw = given().auth()
                .oauth2(tokenFor("officer.kmar"))
                .get("/api/declarations/statistics")
                .asString();
        assertTrue(!raw.contains("K200001") && !raw.contains(id) && !raw.contains("Veilig"), raw);
    }

    @Test
    void eachOfficeSeesItsOwnFigures_alumniNone() {
        given().auth()
                .oauth2(tokenFor("officer.politie"))
                .get("/api/declarations/statistics")
                .then()
                .statusCode(200)
                .body("organisation", equalTo("POLITIE"));
        given().auth()
                .oauth2(tokenFor("admin.kmar"))
                .get("/api/declarations/statistics")
                .then()
                .statusCode(200)
                .body("organisation", equalTo("KMAR"));
        given().auth()
                .oauth2(tokenFor("alumnus.politie"))
                .get("/api/declarations/statistics")
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(tokenFor("officer.politie"))
                .queryParam("from", "2027-01-01")
                .queryParam("to", "2026-01-01")
                .get("/api/declarations/statistics")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("from"));
        given().auth()
                .oauth2(tokenFor("officer.politie"))
                .queryParam("from", "2020-01-01")
                .queryParam("to", "2020-12-31")
                .get("/api/declarations/statistics")
                .then()
                .statusCode(200)
                .body("submitted", equalTo(0))
                .body("bySector", not(org.hamcrest.Matchers.hasKey("ICT")));
    }
}
