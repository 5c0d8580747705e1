package nl.integrity.alumni.imports;

import static io.restassured.RestAssured.given;
import static nl.integrity.platform.testing.KeycloakLogins.hrSystemToken;
import static nl.integrity.platform.testing.KeycloakLogins.tokenFor;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.UUID;
import nl.integrity.alumni.registry.Alumnus;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** The HR system imports existing alumni from CSV: every row is imported, counted or rejected with a reason. */
@QuarkusTest
class DepartureImportTest {

    static final String HEADER =
            "organisation,personnelNumber,fullName,email,unit,departureDate,departureReason,functions\n";

    JsonPath awaitFinished(String location) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
            String status = given().auth()
                    .oauth2(hrSystemToken())
                    .get(location)
                    .then()
                    .statusCode(200)
                    .extract()
                    .path("status");
            return status.equals("COMPLETED") || status.equals("FAILED");
        });
        return given().auth()
                .oauth2(hrSystemToken())
                .get(location)
                .then()
                .extract()
                .jsonPath();
    }

    @Test
    void import_registersValidRowsCountsKnownOnesAndReportsEveryRejectedRow() {
        String p = "I" + UUID.randomUUID().toString().substring(0, 6);
        given().auth()
                .oauth2(hrSystemToken())
                .contentType(ContentType.JSON)
                .body("""
                        {"organisation":"POLITIE","personnelNumber":"%s-5","fullName":"Al Bekend",
                         "departureDate":"2025-01-31","departureReason":"VOLUNTARY"}""".formatted(p))
                .post("/api/departures")
                .then()
                .statusCode(201);
        String csv = HEADER
                + String.join(
                        "\n",
                        "POLITIE,%s-1,\"de Vries, Anna\",anna@example.nl,Eenheid Noord,2026-03-31,VOLUNTARY,REC-TAC:2019-01-01:"
                                .formatted(p),
                        "POLITIE,%s-2,Bram Smit,,Eenheid Oost,2025-12-31,RETIREMENT,BED-ADM:2010-01-01:2020-12-31;REC-TAC:2021-01-01:"
                                .formatted(p),
                        "POLITIE,%s-3,Cor Visser,,,2026-01-31,REORGANISATION,".formatted(p),
                        "POLITIE,%s-1,Anna de Vries,,,2026-03-31,VOLUNTARY,REC-TAC:2019-01-01:".formatted(p),
                        "POLITIE,%s-5,Al Bekend,,,2025-01-31,VOLUNTARY,".formatted(p),
                        "ACME,%s-6,Dirk Doe,,,2026-01-31,VOLUNTARY,".formatted(p),
                        "POLITIE,%s-7,Eva Els,,,31-01-2026,VOLUNTARY,".formatted(p),
                        "POLITIE,%s-8,,,,2026-01-31,VOLUNTARY,".formatted(p),
                        "POLITIE,%s-9,Fleur Fout,,,2026-01-31,VOLUNTARY,NO-SUCH-CODE:2020-01-01:".formatted(p),
                        "POLITIE,%s-10,Gert Gat,,,2026-01-31,VOLUNTARY,REC-TAC/2020".formatted(p))
                + "\n";

        String location = given().auth()
                .oauth2(hrSystemToken())
                .contentType("text/csv")
                .body(csv)
                .post("/api/departures/imports")
                .then()
                .statusCode(202)
                .header("Location", org.hamcrest.Matchers.containsString("/api/departures/imports/"))
                .body("status", equalTo("RECEIVED"))
                .extract()
                .header("Location");
        JsonPath job = awaitFinished(location);

        assertEquals("COMPLETED", job.getString("status"));
        assertEquals(10, job.getInt("rowsTotal"), "counted before the import, for its progress");
        assertEquals(10, job.getInt("rowsRead"));
        assertEquals(3, job.getInt("imported"));
        assertEquals(2, job.getInt("alreadyRegistered"), "the repeated row and the one registered before");
        assertEquals(5, job.getInt("rejected"));
        given().auth()
                .oauth2(hrSystemToken())
                .get(location)
                .then()
                .body("errors.row", hasItems(6, 7, 8, 9, 10))
                .body("errors.find { it.row == 6 }.field", equalTo("organisation"))
                .body("errors.find { it.row == 7 }.field", equalTo("departureDate"))
                .body("errors.find { it.row == 8 }.field", equalTo("fullName"))
                .body("errors.find { it.row == 9 }.message", org.hamcrest.Matchers.containsString("NO-SUCH-CODE"))
                .body("errors.find { it.row == 10 }.field", equalTo("functions"));

        String anna = given().auth()
                .oauth2(tokenFor("officer.politie"))
                .queryParam("personnelNumber", p + "-1")
                .get("/api/alumni")
                .then()
                .statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].fullName", equalTo("de Vries, Anna"))
                .body("items[0].windowEnd", equalTo("2027-03-31"))
                .extract()
                .path("items[0].id");
        // The chunk's events went in one batch, in the order of a single registration.
        @SuppressWarnings("unchecked")
        java.util.List<Object[]> events = QuarkusTransaction.requiringNew()
                .call(() -> Alumnus.getEntityManager()
                        .createNativeQuery(
                                "select event_type, event_id from outbox_message where aggregate_id = ?1 order by position")
                        .setParameter(1, anna)
                        .getResultList());
        assertEquals(
                java.util.List.of("nl.integrity.alumni.registered.v1", "nl.integrity.alumni.briefing-issued.v1"),
                events.stream().map(e -> e[0]).toList());
        assertEquals(2, events.stream().map(e -> e[1]).distinct().count(), "each event its own id");
        given().auth()
                .oauth2(tokenFor("officer.politie"))
                .queryParam("personnelNumber", p + "-2")
                .get("/api/alumni")
                .then()
                .body("items[0].windowEnd", equalTo("2026-12-31"));
    }

    @Test
    void import_ofAFileWithoutTheRequiredColumnsFailsWithAReason() {
        String location = given().auth()
                .oauth2(hrSystemToken())
                .contentType("text/csv")
                .body("name,date\nx,y\n")
                .post("/api/departures/imports")
                .then()
                .statusCode(202)
                .extract()
                .header("Location");

        JsonPath job = awaitFinished(location);
        assertEquals("FAILED", job.getString("status"));
        org.hamcrest.MatcherAssert.assertThat(
                job.getString("failure"), org.hamcrest.Matchers.containsString("organisation"));
    }

    @Test
    void anAdministratorImportsOnlyTheirOwnOrganisationsAlumniAndSeesOnlyItsImports() {
        String p = "A" + UUID.randomUUID().toString().substring(0, 6);
        String csv = HEADER
                + String.join(
                        "\n",
                        "POLITIE,%s-1,Hanna Eigen,,,2026-02-28,VOLUNTARY,".formatted(p),
                        "KMAR,%s-2,Ivo Ander,,,2026-02-28,VOLUNTARY,".formatted(p))
                + "\n";

        String location = given().auth()
                .oauth2(tokenFor("admin"))
                .contentType("text/csv")
                .body(csv)
                .post("/api/departures/imports")
                .then()
                .statusCode(202)
                .body("organisation", equalTo("POLITIE"))
                .extract()
                .header("Location");
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(() -> "COMPLETED"
                        .equals(given().auth()
                                .oauth2(tokenFor("admin"))
                                .get(location)
                                .then()
                                .statusCode(200)
                                .extract()
                                .path("status")));

        given().auth()
                .oauth2(tokenFor("admin"))
                .get(location)
                .then()
                .body("submittedBy", equalTo("admin"))
                .body("rowsTotal", equalTo(2))
                .body("imported", equalTo(1))
                .body("rejected", equalTo(1))
                .body("errors[0].row", equalTo(2))
                .body("errors[0].field", equalTo("organisation"));
        assertEquals(
                0L,
                (long) QuarkusTransaction.requiringNew().call(() -> Alumnus.count("personnelNumber", p + "-2")),
                "the other organisation's row changed nothing");
        String id = location.substring(location.lastIndexOf('/') + 1);
        given().auth()
                .oauth2(tokenFor("admin"))
                .get("/api/departures/imports")
                .then()
                .statusCode(200)
                .body("id", hasItems(id))
                .body("organisation", org.hamcrest.Matchers.everyItem(equalTo("POLITIE")));
        given().auth().oauth2(tokenFor("admin.kmar")).get(location).then().statusCode(404);
        given().auth()
                .oauth2(tokenFor("admin.kmar"))
                .get("/api/departures/imports")
                .then()
                .statusCode(200)
                .body("id", org.hamcrest.Matchers.not(hasItems(id)));
        given().auth()
                .oauth2(hrSystemToken())
                .get("/api/departures/imports")
                .then()
                .statusCode(200)
                .body("id", hasItems(id));
    }

    @Test
    void officersAndAlumniCannotImport() {
        given().auth()
                .oauth2(tokenFor("officer.politie"))
                .contentType("text/csv")
                .body(HEADER)
                .post("/api/departures/imports")
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(tokenFor("officer.politie"))
                .get("/api/departures/imports/{id}", UUID.randomUUID())
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(tokenFor("alumnus.politie"))
                .get("/api/departures/imports")
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(hrSystemToken())
                .get("/api/departures/imports/{id}", UUID.randomUUID())
                .then()
                .statusCode(404)
                .body("type", endsWith("/problems/not-found"));
    }

    @Test
    void anOrganisationsHrSystem_importsItsOwnOrganisationsRowsOnly() {
        String p = "H" + UUID.randomUUID().toString().substring(0, 6);
        String csv = HEADER
                + String.join(
                        "\n",
                        "KMAR,%s-1,Eigen Rij,,,2026-02-28,VOLUNTARY,".formatted(p),
                        "POLITIE,%s-2,Andere Rij,,,2026-02-28,VOLUNTARY,".formatted(p))
                + "\n";
        String location = given().auth()
                .oauth2(hrSystemToken("KMAR"))
                .contentType("text/csv")
                .body(csv)
                .post("/api/departures/imports")
                .then()
                .statusCode(202)
                .body("organisation", equalTo("KMAR"))
                .extract()
                .header("Location");
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(() -> "COMPLETED"
                        .equals(given().auth()
                                .oauth2(hrSystemToken("KMAR"))
                                .get(location)
                                .then()
                                .statusCode(200)
                                .extract()
                                .path("status")));
        given().auth()
                .oauth2(hrSystemToken("KMAR"))
                .get(location)
                .then()
                .body("imported", equalTo(1))
                .body("rejected", equalTo(1))
                .body("errors[0].field", equalTo("organisation"));
        given().auth().oauth2(hrSystemToken("POLITIE")).get(location).then().statusCode(404);
    }
}
