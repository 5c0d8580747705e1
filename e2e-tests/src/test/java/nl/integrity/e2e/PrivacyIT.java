package nl.integrity.e2e;

import static io.restassured.RestAssured.given;
import static nl.integrity.platform.testing.KeycloakLogins.hrSystemToken;
import static nl.integrity.platform.testing.KeycloakLogins.tokenFor;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipInputStream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The alumnus' privacy across the whole platform, through the gateway with every service running:
 * one access export holds every service's part and who looked, and once retention anonymises a
 * record, no database of the platform holds any of the person's values any more.
 */
class PrivacyIT {

    private static final List<String> DATABASES = List.of("alumni", "declaration", "notification");

    private TestAlumni.Login alumnus;
    private String suffix;

    @BeforeAll
    static void throughTheGateway() {
        RestAssured.baseURI = System.getProperty("gateway.url", "http://localhost:8080");
        RestAssured.port = -1;
    }

    @BeforeEach
    void freshAlumnusLogin() {
        alumnus = TestAlumni.create("POLITIE");
        suffix = alumnus.personnelNumber().substring(4);
    }

    @AfterEach
    void removeLogin() {
        TestAlumni.delete(alumnus);
    }

    @Test
    void accessExport_holdsEveryServicesPartAndWhoLookedWhy() throws IOException {
        String alumnusId = register();
        String token = tokenFor(alumnus.username(), alumnus.password());
        String declarationId = declare(token);
        String officer = tokenFor("officer.politie");
        given().auth()
                .oauth2(officer)
                .queryParam("purpose", "AUDIT")
                .get("/api/alumni/{id}", alumnusId)
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(officer)
                .queryParam("purpose", "DECLARATION_REVIEW")
                .get("/api/declarations/{id}", declarationId)
                .then()
                .statusCode(200);

        JsonPath export = given().auth()
                .oauth2(token)
                .queryParam("format", "json")
                .get("/api/me/export")
                .then()
                .statusCode(200)
                .body("parts.alumni.record.id", equalTo(alumnusId))
                .extract()
                .jsonPath();
        assertEquals(List.of(declarationId), export.getList("parts.declarations.declarations.id"));
        assertTrue(export.getMap("parts").containsKey("notifications"), "the notification service's part is there");
        List<Map<String, Object>> log = export.getList("accessLog");
        assertTrue(
                log.stream()
                        .anyMatch(a -> "alumni".equals(a.get("service"))
                                && "READ_RECORD".equals(a.get("action"))
                                && "AUDIT".equals(a.get("purpose"))),
                "the officer's read of the record, with its purpose: " + log);
        assertTrue(
                log.stream()
                        .anyMatch(a -> "declarations".equals(a.get("service"))
                                && "DECLARATION_REVIEW".equals(a.get("purpose"))),
                "the officer's read of the declaration, with its purpose: " + log);
        assertTrue(log.stream().noneMatch(a -> a.containsKey("actor")), "staff are named by role only: " + log);

        Response archive = given().auth().oauth2(token).get("/api/me/export");
        assertEquals(200, archive.statusCode());
        assertEquals("application/zip", archive.contentType());
        Map<String, String> files = new HashMap<>();
        try (var zip = new ZipInputStream(new ByteArrayInputStream(archive.asByteArray()))) {
            for (var entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                files.put(entry.getName(), new String(zip.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        assertEquals(
                java.util.Set.of(
                        "summary.html",
                        "everything.json",
                        "alumni-service.json",
                        "declaration-service.json",
                        "notification-service.json"),
                files.keySet());
        assertTrue(files.get("declaration-service.json").contains(declarationId));
        assertTrue(files.get("summary.html").contains("Declaration review"), files.get("summary.html"));

        // Nobody but the alumnus downloads it.
        given().auth().oauth2(officer).get("/api/me/export").then().statusCode(403);
    }

    @Test
    void anonymisedAlumnus_leavesNoneOfTheirValuesInAnyDatabase() throws SQLException {
        String alumnusId = register();
        String token = tokenFor(alumnus.username(), alumnus.password());
        String declarationId = declare(token);
        String officer = tokenFor("officer.politie");
        given().auth()
                .oauth2(officer)
                .contentType(ContentType.JSON)
                .body("{\"question\":\"Vraag%s over klanten?\"}".formatted(suffix))
                .post("/api/declarations/{id}/information-requests", declarationId)
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body("{\"answer\":\"Antwoord%s, alleen particulieren.\"}".formatted(suffix))
                .post("/api/declarations/{id}/information", declarationId)
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(officer)
                .contentType(ContentType.JSON)
                .body("""
                        {"outcome":"ALLOWED_WITH_CONDITIONS","rationale":"Motivering%s van het besluit",
                         "conditions":[{"type":"NO_CONTACT_FORMER_UNIT","details":"Voorwaarde%s","endsOn":"2028-04-29"}]}""".formatted(suffix, suffix))
                .post("/api/declarations/{id}/decision", declarationId)
                .then()
                .statusCode(200);
        // The decision is mailed to the alumnus (a notice, addressed when sent): it is in the delivery log now.
        Awaitility.await()
                .atMost(Duration.ofSeconds(60))
                .until(() -> Platform.count(
                                "notification",
                                "select count(*) from delivery where alumnus_id = ? and status = 'SENT'",
                                UUID.fromString(alumnusId))
                        > 0);
        Map<String, List<String>> before = holders();
        assertTrue(
                before.keySet().stream().anyMatch(h -> h.startsWith("notification.")),
                "the scan sees the values before anonymisation, in every service: " + before);
        assertTrue(before.keySet().stream().anyMatch(h -> h.startsWith("declaration.")), before.toString());

        // Years pass: the obligation window ended long ago, and the retention run (every 10 s here) anonymises.
        try (Connection c = Platform.database("alumni")) {
            c.createStatement()
                    .executeUpdate(
                            "update alumnus set departure_date = current_date - 1500, window_end = current_date - 1400"
                                    + " where id = '" + UUID.fromString(alumnusId) + "'");
        }
        Awaitility.await()
                .atMost(Duration.ofSeconds(60))
                .until(() -> Platform.column(
                                "alumni", "select status from alumnus where id = ?", UUID.fromString(alumnusId))
                        .equals(List.of("ANONYMISED")));
        Platform.awaitConsumersCaughtUp(Duration.ofSeconds(60));
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> assertEquals(Map.of(), holders(), "columns still holding the person's values"));
    }

    private String email() {
        return alumnus.username() + "@e2e.integrity.example.nl";
    }

    /** The person's distinctive values: everything they and the office wrote about them. */
    private List<String> values() {
        return List.of(
                alumnus.personnelNumber(),
                email(),
                "Naam" + suffix,
                "Eenheid" + suffix,
                "Werkgever" + suffix,
                "Rol" + suffix,
                "Taken" + suffix,
                "Kennis" + suffix,
                "Contact" + suffix,
                "Vraag" + suffix,
                "Antwoord" + suffix,
                "Motivering" + suffix,
                "Voorwaarde" + suffix);
    }

    /**
     * Every column of every table of every service database that holds one of the values, as
     * "service.table.column" to the values found there; text, JSON and arrays are searched as text.
     */
    private Map<String, List<String>> holders() throws SQLException {
        Map<String, List<String>> found = new HashMap<>();
        for (String service : DATABASES) {
            try (Connection c = Platform.database(service)) {
                List<String[]> columns = new ArrayList<>();
                try (ResultSet rows = c.createStatement().executeQuery("""
                        select table_name, column_name from information_schema.columns
                        where table_schema = 'public'
                          and data_type in ('character varying', 'text', 'character', 'json', 'jsonb', 'ARRAY')
                          and table_name in (select table_name from information_schema.tables
                                             where table_schema = 'public' and table_type = 'BASE TABLE')""")) {
                    while (rows.next()) {
                        columns.add(new String[] {rows.getString(1), rows.getString(2)});
                    }
                }
                for (String[] column : columns) {
                    for (String value : values()) {
                        var query = c.prepareStatement("select exists (select 1 from \"" + column[0] + "\" where \""
                                + column[1] + "\"::text ilike '%' || ? || '%')");
                        query.setString(1, value);
                        try (ResultSet hit = query.executeQuery()) {
                            hit.next();
                            if (hit.getBoolean(1)) {
                                found.computeIfAbsent(
                                                service + "." + column[0] + "." + column[1], k -> new ArrayList<>())
                                        .add(value);
                            }
                        }
                    }
                }
            }
        }
        return found;
    }

    private String register() {
        return given().auth()
                .oauth2(hrSystemToken())
                .contentType(ContentType.JSON)
                .body("""
                        {"organisation":"POLITIE","personnelNumber":"%s","fullName":"Naam%s Achter",
                         "email":"%s","unit":"Eenheid%s",
                         "functions":[{"functionCode":"REC-DIG","from":"2022-01-01"}],
                         "departureDate":"2026-10-31","departureReason":"VOLUNTARY"}""".formatted(alumnus.personnelNumber(), suffix, email(), suffix))
                .post("/api/departures")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    /** Declares an activity once declaration-service knows the registration; the declaration's id. */
    private String declare(String token) {
        String body = """
                {"employerName":"Werkgever%s BV","kvkNumber":"87654321","country":"NL","sector":"CYBER_SECURITY",
                 "role":"Rol%s","duties":"Taken%s voor klanten","startDate":"2027-01-15",
                 "paid":true,"hoursPerWeek":32,"selfEmployed":false,"expectsContact":true,
                 "contactDetails":"Contact%s met de eenheid","usesKnowledge":true,"knowledgeDetails":"Kennis%s"}""".formatted(suffix, suffix, suffix, suffix, suffix);
        String[] id = new String[1];
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> {
                    Response r = given().auth()
                            .oauth2(token)
                            .contentType(ContentType.JSON)
                            .body(body)
                            .post("/api/declarations");
                    if (r.statusCode() == 201) {
                        id[0] = r.path("id");
                        return true;
                    }
                    if (r.statusCode() != 422) {
                        throw new AssertionError("declaration refused: " + r.statusCode() + " " + r.asString());
                    }
                    return false;
                });
        return id[0];
    }
}
