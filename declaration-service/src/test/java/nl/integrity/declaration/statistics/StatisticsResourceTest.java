package nl.integrity.declaration.statistics;

import static io.restassured.RestAssured.given;
import static nl.integrity.declaration.Fixtures.ORDINARY;
import static nl.integrity.declaration.Fixtures.declare;
import static nl.integrity.platform.testing.KeycloakLogins.tokenFor;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.integrity.declaration.Fixtures;
import nl.integrity.declaration.risk.Sector;
import org.junit.jupiter.api.Test;

/** An office's statistics: counts only, its own organisation only, none so small it points at a person. */
@QuarkusTest
class StatisticsResourceTest {

    @Inject
    EntityManager em;

    static JsonPath statistics(String user) {
        return given().auth()
                .oauth2(tokenFor(user))
                .get("/api/declarations/statistics")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    /** KMAR's declarations by sector this year, straight from the database. */
    @SuppressWarnings("unchecked")
    Map<String, Long> sectorsInTheDatabase() {
        List<Object[]> rows = QuarkusTransaction.requiringNew()
                .call(() -> em.createNativeQuery("""
                                select sector, count(*) from declaration
                                where organisation = 'KMAR' and status <> 'DRAFT' and submitted_at >= ?1 and submitted_at < ?2
                                group by sector""")
                        .setParameter(
                                1,
                                LocalDate.now(ZoneOffset.UTC)
                                        .minusYears(1)
                                        .plusDays(1)
                                        .atStartOfDay()
                                        .toInstant(ZoneOffset.UTC))
                        .setParameter(
                                2,
                                LocalDate.now(ZoneOffset.UTC)
                                        .plusDays(1)
                                        .atStartOfDay()
                                        .toInstant(ZoneOffset.UTC))
                        .getResultList());
        Map<String, Long> counts = new HashMap<>();
        rows.forEach(r -> counts.put((String) r[0], ((Number) r[1]).longValue()));
        return counts;
    }

    static long hidden(JsonPath s) {
        long cells = 0;
        for (String map : List.of("bySector", "byRiskLevel", "byFunctionGroup", "byOutcome")) {
            cells += s.<String, Integer>getMap(map).values().stream()
                    .filter(v -> v == null)
                    .count();
        }
        return cells + (s.get("submitted") == null ? 1 : 0) + (s.get("decided") == null ? 1 : 0);
    }

    @Test
    void countsAreThoseOfTheDatabase_shownFromTheThresholdOn_andHoldNoPersonalData() {
        Fixtures.alumnusInWindow("KMAR", "K200001", "HIGH", List.of("AVIATION"));
        String id = null;
        for (int i = 0; i < 5; i++) {
            id = declare("alumnus.kmar", ORDINARY.replace("HOSPITALITY", "AVIATION"));
            given().auth()
                    .oauth2(tokenFor("officer.kmar"))
                    .contentType(ContentType.JSON)
                    .body("{\"outcome\":\"OBJECTION\",\"rationale\":\"Airport security of the former unit\"}")
                    .post("/api/declarations/{id}/decision", id)
                    .then()
                    .statusCode(200);
        }
        var shown = statistics("officer.kmar");
        var held = sectorsInTheDatabase();

        assertEquals("KMAR", shown.getString("organisation"));
        assertTrue(held.get("AVIATION") >= 5);
        assertEquals(held.keySet(), shown.<String, Integer>getMap("bySector").keySet(), "every sector held is named");
        held.forEach((sector, count) -> {
            Integer value = shown.<String, Integer>getMap("bySector").get(sector);
            if (count < 5) {
                assertNull(value, sector + ": " + count + " could point at a person");
            } else if (value != null) {
                assertEquals(count, value.longValue(), sector);
            }
        });
        assertEquals(held.values().stream().mapToLong(Long::longValue).sum(), shown.getLong("submitted"));
        assertTrue(shown.getLong("decided") >= 5);
        assertTrue(shown.getDouble("averageDaysToDecision") >= 0);
        assertEquals(5, shown.getInt("suppression.threshold"));
        assertEquals(hidden(shown), shown.getLong("suppression.suppressedCells"), "every figure left out is counted");

        String raw = given().auth()
                .oauth2(tokenFor("officer.kmar"))
                .get("/api/declarations/statistics")
                .asString();
        assertTrue(!raw.contains("K200001") && !raw.contains(id) && !raw.contains("Veilig"), raw);
    }

    @Test
    void aCountOfOne_isNotShown() {
        Fixtures.plainAlumnus("KMAR", "K200001");
        var held = sectorsInTheDatabase();
        Sector rare = Arrays.stream(Sector.values())
                .filter(s -> !held.containsKey(s.name()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("every sector has KMAR declarations: " + held));
        declare("alumnus.kmar", ORDINARY.replace("HOSPITALITY", rare.name()));
        assertEquals(1L, sectorsInTheDatabase().get(rare.name()));

        var shown = statistics("officer.kmar");
        assertTrue(shown.<String, Integer>getMap("bySector").containsKey(rare.name()), "the sector is named");
        assertNull(shown.<String, Integer>getMap("bySector").get(rare.name()), "its count of one is not shown");
        assertTrue(shown.getInt("suppression.suppressedCells") >= 1);
        String raw = given().auth()
                .oauth2(tokenFor("officer.kmar"))
                .get("/api/declarations/statistics")
                .asString();
        assertTrue(raw.contains("\"" + rare.name() + "\":null"), raw);
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
