package nl.integrity.alumni;

import static io.restassured.RestAssured.given;
import static nl.integrity.platform.testing.KafkaProbe.header;
import static nl.integrity.platform.testing.KeycloakLogins.hrSystemToken;
import static nl.integrity.platform.testing.KeycloakLogins.tokenFor;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import nl.integrity.alumni.retention.Retention;
import nl.integrity.platform.testing.KafkaProbe;
import org.junit.jupiter.api.Test;

/**
 * Every event type alumni-service publishes reaches the real broker through the outbox relay,
 * as a CloudEvent keyed by its aggregate (test.* topics in tests).
 */
@QuarkusTest
class EveryEventOnKafkaTest {

    @Inject
    Retention retention;

    @Test
    void everyEventTypeIsPublished() {
        Set<String> expected = new TreeSet<>(Set.of(
                "nl.integrity.alumni.registered.v1",
                "nl.integrity.alumni.function-profile-changed.v1",
                "nl.integrity.alumni.obligation-window-changed.v1",
                "nl.integrity.alumni.record-updated.v1",
                "nl.integrity.alumni.network-consent-changed.v1",
                "nl.integrity.alumni.exit-interview-recorded.v1",
                "nl.integrity.alumni.exit-interview-acknowledged.v1",
                "nl.integrity.alumni.anonymised.v1"));
        try (var alumniEvents = KafkaProbe.watch("test.alumni.events");
                var catalogueEvents = KafkaProbe.watch("test.function-profile.events")) {
            String code = "E-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
            String profile = given().auth()
                    .oauth2(tokenFor("admin"))
                    .contentType(ContentType.JSON)
                    .body("""
                            {"code":"%s","definition":{"title":"Eventfunctie","functionGroup":"SUPPORT","riskLevel":"LOW","coolingOffMonths":3}}""".formatted(code))
                    .post("/api/function-profiles")
                    .then()
                    .statusCode(201)
                    .extract()
                    .path("id");
            String holder = given().auth()
                    .oauth2(hrSystemToken())
                    .contentType(ContentType.JSON)
                    .body("""
                            {"organisation":"POLITIE","personnelNumber":"%s","fullName":"Event Houder",
                             "functions":[{"functionCode":"%s","from":"2012-01-01"}],
                             "departureDate":"2013-06-30","departureReason":"VOLUNTARY"}""".formatted(code, code))
                    .post("/api/departures")
                    .then()
                    .statusCode(201)
                    .extract()
                    .path("id");
            given().auth()
                    .oauth2(tokenFor("admin"))
                    .contentType(ContentType.JSON)
                    .body("""
                            {"expectedVersion":1,"definition":{"title":"Eventfunctie","functionGroup":"SUPPORT","riskLevel":"LOW","coolingOffMonths":6}}""")
                    .put("/api/function-profiles/{id}", profile)
                    .then()
                    .statusCode(200);
            String politie = DemoAlumni.registerPolitie();
            long version = given().auth()
                    .oauth2(tokenFor("alumnus.politie"))
                    .get("/api/alumni/me")
                    .then()
                    .extract()
                    .<Number>path("version")
                    .longValue();
            given().auth()
                    .oauth2(tokenFor("alumnus.politie"))
                    .contentType(ContentType.JSON)
                    .body("{\"expectedVersion\":%d,\"phone\":\"+31 6 %08d\"}"
                            .formatted(version, (int) (Math.random() * 1e8)))
                    .put("/api/alumni/me/contact")
                    .then()
                    .statusCode(200);
            boolean consent = given().auth()
                    .oauth2(tokenFor("alumnus.politie"))
                    .get("/api/alumni/me/network-consent")
                    .then()
                    .extract()
                    .path("given");
            given().auth()
                    .oauth2(tokenFor("alumnus.politie"))
                    .contentType(ContentType.JSON)
                    .body("{\"given\":%s}".formatted(!consent))
                    .put("/api/alumni/me/network-consent")
                    .then()
                    .statusCode(200);
            String interview = given().auth()
                    .oauth2(tokenFor("officer.politie"))
                    .contentType(ContentType.JSON)
                    .body("{\"heldOn\":\"2026-09-20\",\"interviewer\":\"Olga Bakker\",\"obligationsBriefed\":true}")
                    .post("/api/alumni/{id}/exit-interviews", politie)
                    .then()
                    .statusCode(201)
                    .extract()
                    .path("id");
            given().auth()
                    .oauth2(tokenFor("alumnus.politie"))
                    .post("/api/alumni/me/exit-interviews/{id}/acknowledgement", interview)
                    .then()
                    .statusCode(200);
            retention.run(LocalDate.of(2026, 11, 29)); // the holder's window ended in 2013/2014

            Set<String> seen = new TreeSet<>();
            var keys = Set.of(holder, politie, profile);
            catalogueEvents.await(
                    r -> profile.equals(r.key()) && seen.add(header(r, "ce_type")), Duration.ofSeconds(20));
            alumniEvents.await(
                    r -> keys.contains(r.key()) && seen.add(header(r, "ce_type")) && seen.containsAll(expected),
                    Duration.ofSeconds(20));
            assertEquals(expected, seen);
        }
    }
}
