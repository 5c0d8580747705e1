package nl.integrity.alumni.aftercare;

import static io.restassured.RestAssured.given;
import static nl.integrity.platform.testing.KeycloakLogins.hrSystemToken;
import static nl.integrity.platform.testing.KeycloakLogins.tokenFor;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import nl.integrity.alumni.DemoAlumni;
import nl.integrity.platform.outbox.OutboxMessage;
import org.junit.jupiter.api.Test;

/**
 * Aftercare with real tokens: a departure after a dismissal gets a plan of contact moments when
 * registered, the office is told once when each falls due and once when it was missed, the officer
 * records it, and the alumnus sees only when the next contact is.
 */
@QuarkusTest
class AftercareTest {

    @Inject
    Aftercare aftercare;

    private static String register(String reason, LocalDate departureDate) {
        return given().auth()
                .oauth2(hrSystemToken("POLITIE"))
                .contentType(ContentType.JSON)
                .body("""
                        {"organisation":"POLITIE","personnelNumber":"AFT-%s","fullName":"Aftercare Test",
                         "functions":[{"functionCode":"OPS-AGT","from":"2015-01-01"}],
                         "departureDate":"%s","departureReason":"%s"}""".formatted(UUID.randomUUID().toString().substring(0, 8), departureDate, reason))
                .post("/api/departures")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    private static io.restassured.response.ValidatableResponse plan(String alumnusId) {
        return given().auth()
                .oauth2(tokenFor("officer.politie"))
                .queryParam("purpose", "OBLIGATION_MONITORING")
                .get("/api/alumni/{id}/aftercare", alumnusId)
                .then()
                .statusCode(200);
    }

    private static List<String> eventsAbout(String alumnusId) {
        return QuarkusTransaction.requiringNew()
                .call(() -> OutboxMessage.<OutboxMessage>list(
                        "subject like ?1 order by position", "alumni/" + alumnusId + "/aftercare/%"))
                .stream()
                .map(OutboxMessage::eventType)
                .toList();
    }

    @Test
    void aDismissal_getsAPlan_whoseMomentsAreAnnouncedOnce_andRecorded() {
        LocalDate today = LocalDate.now();
        LocalDate departure = today.minusMonths(1).minusDays(20);
        String id = register("DISCIPLINARY_DISMISSAL", departure);

        String first = plan(id).body("", hasSize(3))
                .body("[0].dueOn", equalTo(departure.plusMonths(1).toString()))
                .body("[0].state", equalTo("OVERDUE"))
                .body("[1].dueOn", equalTo(departure.plusMonths(3).toString()))
                .body("[1].state", equalTo("PLANNED"))
                .body("[2].dueOn", equalTo(departure.plusMonths(6).toString()))
                .body("[0].plannedBy", equalTo(Aftercare.REGISTRATION))
                .extract()
                .path("[0].id");

        aftercare.announce(today);
        aftercare.announce(today); // another instance, the same day
        assertEquals(
                List.of(
                        "nl.integrity.alumni.aftercare-contact-due.v1",
                        "nl.integrity.alumni.aftercare-contact-missed.v1"),
                eventsAbout(id));

        given().auth()
                .oauth2(tokenFor("officer.politie"))
                .contentType(ContentType.JSON)
                .body("{\"doneOn\":\"%s\",\"outcome\":\"REFERRED\",\"notes\":\"Doorverwezen naar de bedrijfsarts.\"}"
                        .formatted(today))
                .put("/api/alumni/{id}/aftercare/{contact}", id, first)
                .then()
                .statusCode(200)
                .body("state", equalTo("DONE"))
                .body("recordedBy", equalTo("officer.politie"));
        given().auth()
                .oauth2(tokenFor("officer.politie"))
                .contentType(ContentType.JSON)
                .body("{\"doneOn\":\"%s\",\"outcome\":\"REACHED\"}".formatted(today.plusDays(1)))
                .put("/api/alumni/{id}/aftercare/{contact}", id, first)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("doneOn"));
        given().auth()
                .oauth2(tokenFor("officer.politie"))
                .contentType(ContentType.JSON)
                .body("{\"doneOn\":\"%s\",\"outcome\":\"MAYBE\"}".formatted(today))
                .put("/api/alumni/{id}/aftercare/{contact}", id, first)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("outcome"));
        plan(id).body("[0].state", equalTo("DONE")).body("[0].outcome", equalTo("REFERRED"));
        // Another organisation's office does not see the plan.
        given().auth()
                .oauth2(tokenFor("officer.kmar"))
                .queryParam("purpose", "AUDIT")
                .get("/api/alumni/{id}/aftercare", id)
                .then()
                .statusCode(404);
    }

    @Test
    void aVoluntaryDeparture_hasNoPlan_untilAnOfficerMakesOne_andTheAlumnusSeesTheNextContact() {
        String id = DemoAlumni.registerKmar(); // retirement, 2026-10-31
        given().auth()
                .oauth2(tokenFor("officer.kmar"))
                .queryParam("purpose", "OBLIGATION_MONITORING")
                .get("/api/alumni/{id}/aftercare", id)
                .then()
                .body("", hasSize(0));
        given().auth()
                .oauth2(tokenFor("officer.kmar"))
                .post("/api/alumni/{id}/aftercare", id)
                .then()
                .statusCode(201)
                .body("", hasSize(3));
        given().auth()
                .oauth2(tokenFor("officer.kmar"))
                .post("/api/alumni/{id}/aftercare", id)
                .then()
                .statusCode(409);

        LocalDate departure = LocalDate.of(2026, 10, 31);
        LocalDate today = LocalDate.now();
        String next = Stream.of(1, 3, 6)
                .map(departure::plusMonths)
                .filter(d -> !d.isBefore(today))
                .findFirst()
                .map(LocalDate::toString)
                .orElse(null);
        given().auth()
                .oauth2(tokenFor("alumnus.kmar"))
                .get("/api/alumni/me/aftercare")
                .then()
                .statusCode(200)
                .body("nextContactOn", equalTo(next));
    }
}
