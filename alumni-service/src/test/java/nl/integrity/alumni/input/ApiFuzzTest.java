package nl.integrity.alumni.input;

import static io.restassured.RestAssured.given;
import static nl.integrity.platform.testing.KeycloakLogins.hrSystemToken;
import static nl.integrity.platform.testing.KeycloakLogins.tokenFor;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.net.URI;
import java.time.Duration;
import nl.integrity.alumni.DemoAlumni;
import nl.integrity.platform.testing.fuzz.ApiFuzzer;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * Every operation of alumni-service's OpenAPI document, with every role it serves, under a few thousand
 * generated hostile requests ({@link ApiFuzzer}). Its own application start, on a database emptied for
 * it: what the fuzzer creates meets no other test.
 */
@QuarkusTest
@TestProfile(ApiFuzzTest.OwnStart.class)
class ApiFuzzTest {

    /** No settings of its own: a profile only to get an application (and an emptied database) for the fuzzer alone. */
    public static class OwnStart implements QuarkusTestProfile {}

    static final String DEPARTURE = """
            {"organisation":"POLITIE","personnelNumber":"P100001","fullName":"Pieter de Vries",
             "functions":[{"functionCode":"REC-DIG","from":"2021-01-01"}],
             "departureDate":"2026-09-30","departureReason":"VOLUNTARY"}""";
    static final String IMPORT =
            "organisation,personnelNumber,fullName,email,unit,departureDate,departureReason,functions\n"
                    + "POLITIE,P100001,Pieter de Vries,,,2026-09-30,VOLUNTARY,REC-DIG:2021-01-01:\n";
    static final String REQUEST =
            "{\"kind\":\"RECTIFICATION\",\"field\":\"UNIT\",\"text\":\"Mijn eenheid was Oost, niet West.\"}";
    static final String DEFINITION =
            "{\"title\":\"Fuzzfunctie\",\"functionGroup\":\"ICT\",\"riskLevel\":\"LOW\",\"coolingOffMonths\":3}";

    @TestHTTPResource("/")
    URI service;

    @Test
    void everyOperation_withEveryRoleItServes_answersHostileInputWithAProblem_andChangesNothingWhenItRefuses() {
        String alumnus = DemoAlumni.registerPolitie();
        String interview = given().auth()
                .oauth2(tokenFor("officer.politie"))
                .contentType(ContentType.JSON)
                .body("{\"heldOn\":\"2026-09-01\",\"interviewer\":\"officer.politie\",\"obligationsBriefed\":true}")
                .post("/api/alumni/{id}/exit-interviews", alumnus)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String request = given().auth()
                .oauth2(tokenFor("alumnus.politie"))
                .contentType(ContentType.JSON)
                .body(REQUEST)
                .post("/api/alumni/me/requests")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String profile = given().auth()
                .oauth2(tokenFor("admin"))
                .queryParam("functionGroup", "ICT")
                .get("/api/function-profiles")
                .then()
                .statusCode(200)
                .extract()
                .path("[0].id");
        String location = given().auth()
                .oauth2(hrSystemToken())
                .contentType("text/csv")
                .body(IMPORT)
                .post("/api/departures/imports")
                .then()
                .statusCode(202)
                .extract()
                .header("Location");
        importsSettled();
        var config = ConfigProvider.getConfig();
        var result = ApiFuzzer.of("alumni-service", service)
                .caller("alumnus", () -> tokenFor("alumnus.politie"))
                .caller("integrity-officer", () -> tokenFor("officer.politie"))
                .caller("integrity-admin", () -> tokenFor("admin"))
                .caller("hr-system", () -> hrSystemToken("POLITIE"))
                .pathValue("/api/alumni/", "id", alumnus)
                .pathValue("/api/function-profiles/", "id", profile)
                .pathValue("/api/departures/imports/", "id", location.substring(location.lastIndexOf('/') + 1))
                .pathValue("interviewId", interview)
                .pathValue("requestId", request)
                .queryValue("purpose", "AUDIT")
                .body("POST /api/departures", DEPARTURE)
                .body("POST /api/departures/imports", IMPORT)
                .body(
                        "PUT /api/alumni/me/contact",
                        "{\"expectedVersion\":0,\"email\":\"pieter@example.nl\",\"phone\":\"+31 6 1234 5678\",\"language\":\"nl\"}")
                .body("PUT /api/alumni/me/network-consent", "{\"given\":false}")
                .body("POST /api/alumni/me/requests", REQUEST)
                .body(
                        "POST /api/alumni/data-subject-requests/{requestId}/answer",
                        "{\"outcome\":\"PARTLY_GRANTED\",\"answer\":\"Uw eenheid is aangepast.\"}")
                .body(
                        "POST /api/alumni/{id}/exit-interviews",
                        "{\"heldOn\":\"2026-09-01\",\"interviewer\":\"officer.politie\",\"obligationsBriefed\":true,\"notes\":\"Besproken\"}")
                .body("POST /api/function-profiles", "{\"code\":\"FUZ-1\",\"definition\":" + DEFINITION + "}")
                .body("PUT /api/function-profiles/{id}", "{\"expectedVersion\":1,\"definition\":" + DEFINITION + "}")
                .database(
                        config.getValue("quarkus.datasource.jdbc.url", String.class),
                        config.getValue("quarkus.datasource.username", String.class),
                        config.getValue("quarkus.datasource.password", String.class))
                // An import is read after its upload is answered: its job's figures and lease move on their own.
                .volatileColumns(
                        "departure_import",
                        "status",
                        "rows_read",
                        "imported",
                        "already_registered",
                        "rejected",
                        "finished_at",
                        "failure",
                        "lease_owner",
                        "lease_until")
                // A login's work is done after the registration is answered: the worker's lease, tries and outcome.
                .volatileColumns(
                        "alumnus_account",
                        "keycloak_id",
                        "owed",
                        "due_at",
                        "attempts",
                        "last_error",
                        "invitations",
                        "invited_at",
                        "sending",
                        "version")
                .afterSuccess(ApiFuzzTest::importsSettled)
                .tries(2500)
                .run();
        System.out.println("[fuzz] " + result.report());
        assertTrue(result.passed(), result.report());
    }

    /** Every import received has been read to its end. */
    static void importsSettled() {
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(50))
                .until(() -> QuarkusTransaction.requiringNew()
                                .call(() -> ((Number) Panache.getEntityManager()
                                                .createNativeQuery(
                                                        "select count(*) from departure_import where status in ('RECEIVED', 'RUNNING')")
                                                .getSingleResult())
                                        .longValue())
                        == 0);
    }
}
