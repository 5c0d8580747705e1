package nl.integrity.alumni.retention;

import static io.restassured.RestAssured.given;
import static nl.integrity.platform.testing.KeycloakLogins.hrSystemToken;
import static nl.integrity.platform.testing.KeycloakLogins.tokenFor;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.UUID;
import nl.integrity.platform.outbox.OutboxMessage;
import org.junit.jupiter.api.Test;

/** Two years after the window ended a record is anonymised, statistics kept, and the other services told. */
@QuarkusTest
class RetentionTest {

    @Inject
    Retention retention;

    static String register(String number, String departure) {
        return given().auth()
                .oauth2(hrSystemToken())
                .contentType(ContentType.JSON)
                .body("""
                        {"organisation":"POLITIE","personnelNumber":"%s","fullName":"Oud Gediende","email":"oud@example.nl",
                         "unit":"Eenheid Oost","functions":[{"functionCode":"REC-TAC","from":"2010-01-01"}],
                         "departureDate":"%s","departureReason":"DISCIPLINARY_DISMISSAL"}""".formatted(number, departure))
                .post("/api/departures")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    @Test
    void recordsPastTheirRetentionAreAnonymisedAndAnnounced() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String old = register("R-" + suffix, "2015-01-31"); // window ended 2016-01-31
        String recent = register("N-" + suffix, "2026-06-30"); // window runs until 2027-06-30
        given().auth()
                .oauth2(tokenFor("officer.politie"))
                .contentType(ContentType.JSON)
                .body(
                        "{\"heldOn\":\"2015-01-20\",\"interviewer\":\"Olga Bakker\",\"obligationsBriefed\":true,\"notes\":\"Persoonlijke omstandigheden besproken\"}")
                .post("/api/alumni/{id}/exit-interviews", old)
                .then()
                .statusCode(201);

        retention.run(LocalDate.of(2026, 11, 29));

        given().auth()
                .oauth2(tokenFor("officer.politie"))
                .queryParam("purpose", "AUDIT")
                .get("/api/alumni/{id}", old)
                .then()
                .statusCode(200)
                .body("status", equalTo("ANONYMISED"))
                .body("fullName", equalTo("Geanonimiseerd"))
                .body("personnelNumber", startsWith("ANON-"))
                .body("email", nullValue())
                .body("unit", nullValue())
                .body("departureReason", equalTo("DISCIPLINARY_DISMISSAL"))
                .body("obligationWindow.functionCode", equalTo("REC-TAC"));
        given().auth()
                .oauth2(tokenFor("officer.politie"))
                .queryParam("purpose", "AUDIT")
                .get("/api/alumni/{id}/exit-interviews", old)
                .then()
                .body("[0].notes", nullValue())
                .body("[0].obligationsBriefed", equalTo(true));
        given().auth()
                .oauth2(tokenFor("officer.politie"))
                .queryParam("purpose", "AUDIT")
                .get("/api/alumni/{id}", recent)
                .then()
                .body("status", equalTo("DEPARTED"))
                .body("fullName", equalTo("Oud Gediende"));

        long announced = QuarkusTransaction.requiringNew()
                .call(() -> OutboxMessage.count(
                        "aggregateId = ?1 and eventType = ?2", old, "nl.integrity.alumni.anonymised.v1"));
        assertEquals(1, announced);
        // The personnel number is free again: HR may register the person anew.
        register("R-" + suffix, "2026-01-31");
    }

    @Test
    void anonymisingIsDoneOnce() {
        String old = register("Q-" + UUID.randomUUID().toString().substring(0, 8), "2014-03-31");
        retention.run(LocalDate.of(2026, 11, 29));
        retention.run(LocalDate.of(2026, 11, 30));

        long announced = QuarkusTransaction.requiringNew()
                .call(() -> OutboxMessage.count(
                        "aggregateId = ?1 and eventType = ?2", old, "nl.integrity.alumni.anonymised.v1"));
        assertEquals(1, announced);
    }
}
