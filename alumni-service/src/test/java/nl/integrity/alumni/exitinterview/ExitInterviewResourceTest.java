package nl.integrity.alumni.exitinterview;

import static io.restassured.RestAssured.given;
import static nl.integrity.platform.testing.KeycloakLogins.tokenFor;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import nl.integrity.alumni.DemoAlumni;
import nl.integrity.platform.outbox.OutboxMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Exit interviews with real tokens: the POLITIE office records, the demo alumnus of POLITIE acknowledges. */
@QuarkusTest
class ExitInterviewResourceTest {

    static final String INTERVIEW = """
            {"heldOn":"2026-09-25","interviewer":"Olga Bakker","obligationsBriefed":true,
             "topics":["OBLIGATION_TO_DECLARE","CONTACT_WITH_FORMER_COLLEAGUES"],
             "summary":"Afkoelperiode van 18 maanden besproken; <b>geen</b> contact met oud-team.",
             "notes":"Maakt zich zorgen over de reorganisatie."}""";

    String alumnusId;

    @BeforeEach
    void politieDemoAlumnusIsRegistered() {
        alumnusId = DemoAlumni.registerPolitie();
    }

    String recordInterview() {
        return given().auth()
                .oauth2(tokenFor("officer.politie"))
                .contentType(ContentType.JSON)
                .body(INTERVIEW)
                .post("/api/alumni/{id}/exit-interviews", alumnusId)
                .then()
                .statusCode(201)
                .body("recordedBy", equalTo("officer.politie"))
                .body("acknowledgedAt", org.hamcrest.Matchers.nullValue())
                .extract()
                .path("id");
    }

    @Test
    void officerRecords_alumnusSeesAndAcknowledges() {
        String interviewId = recordInterview();

        given().auth()
                .oauth2(tokenFor("alumnus.politie"))
                .get("/api/alumni/me/exit-interviews")
                .then()
                .statusCode(200)
                .body("id", hasItem(interviewId))
                .body(
                        "find { it.id == '%s' }.summary".formatted(interviewId),
                        equalTo("Afkoelperiode van 18 maanden besproken; <b>geen</b> contact met oud-team."))
                .body(
                        "find { it.id == '%s' }.topics".formatted(interviewId),
                        equalTo(java.util.List.of("OBLIGATION_TO_DECLARE", "CONTACT_WITH_FORMER_COLLEAGUES")))
                // The officer's own notes are the office's; the alumnus has them in the download of their data.
                .body("find { it.id == '%s' }.notes".formatted(interviewId), org.hamcrest.Matchers.nullValue());
        given().auth()
                .oauth2(tokenFor("alumnus.politie"))
                .post("/api/alumni/me/exit-interviews/{id}/acknowledgement", interviewId)
                .then()
                .statusCode(200)
                .body("acknowledgedAt", notNullValue());
        given().auth()
                .oauth2(tokenFor("alumnus.politie"))
                .post("/api/alumni/me/exit-interviews/{id}/acknowledgement", interviewId)
                .then()
                .statusCode(200);

        var types = QuarkusTransaction.requiringNew()
                .call(() -> OutboxMessage.<OutboxMessage>list(
                        "subject = ?1 order by position", "alumni/" + alumnusId + "/exit-interviews/" + interviewId))
                .stream()
                .map(m -> m.eventType())
                .toList();
        assertEquals(
                java.util.List.of(
                        "nl.integrity.alumni.exit-interview-recorded.v1",
                        "nl.integrity.alumni.exit-interview-acknowledged.v1"),
                types,
                "recorded once, acknowledged once");
        given().auth()
                .oauth2(tokenFor("alumnus.politie"))
                .get("/api/alumni/me/export")
                .then()
                .body("exitInterviews.id", hasItem(interviewId));
    }

    @Test
    void officersReadOfInterviews_isAudited() {
        recordInterview();
        given().auth()
                .oauth2(tokenFor("officer.politie"))
                .queryParam("purpose", "EXIT_INTERVIEW")
                .get("/api/alumni/{id}/exit-interviews", alumnusId)
                .then()
                .statusCode(200);

        given().auth()
                .oauth2(tokenFor("admin"))
                .get("/api/alumni/{id}/audit-trail", alumnusId)
                .then()
                .body("action", hasItem("READ_EXIT_INTERVIEWS"));
    }

    @Test
    void anotherAlumnusCannotAcknowledgeAnInterview() {
        String interviewId = recordInterview();
        given().auth()
                .oauth2(tokenFor("alumnus.kmar"))
                .post("/api/alumni/me/exit-interviews/{id}/acknowledgement", interviewId)
                .then()
                .statusCode(404);
    }

    @Test
    void otherOrganisationsOfficerCannotRecordOrRead() {
        given().auth()
                .oauth2(tokenFor("officer.kmar"))
                .contentType(ContentType.JSON)
                .body(INTERVIEW)
                .post("/api/alumni/{id}/exit-interviews", alumnusId)
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(tokenFor("officer.kmar"))
                .queryParam("purpose", "EXIT_INTERVIEW")
                .get("/api/alumni/{id}/exit-interviews", alumnusId)
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(tokenFor("alumnus.politie"))
                .contentType(ContentType.JSON)
                .body(INTERVIEW)
                .post("/api/alumni/{id}/exit-interviews", alumnusId)
                .then()
                .statusCode(403);
    }

    @Test
    void invalidInterviewsAreRefused() {
        given().auth()
                .oauth2(tokenFor("officer.politie"))
                .contentType(ContentType.JSON)
                .body("{\"heldOn\":\"2026-09-25\",\"interviewer\":\" \"}")
                .post("/api/alumni/{id}/exit-interviews", alumnusId)
                .then()
                .statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.hasItems("interviewer", "obligationsBriefed"));
        given().auth()
                .oauth2(tokenFor("officer.politie"))
                .contentType(ContentType.JSON)
                .body(INTERVIEW.replace("2026-09-25", "2099-01-01"))
                .post("/api/alumni/{id}/exit-interviews", alumnusId)
                .then()
                .statusCode(422)
                .body("type", endsWith("/problems/exit-interview-in-future"));
    }

    @Test
    void aScheduledInterview_isHeldAndRecorded_andBothStepsAndTheAcknowledgementAreInTheAuditTrail() {
        String interviewId = given().auth()
                .oauth2(tokenFor("officer.politie"))
                .contentType(ContentType.JSON)
                .body("{\"scheduledFor\":\"%s\",\"interviewer\":\"Olga Bakker\"}".formatted(java.time.LocalDate.now()))
                .post("/api/alumni/{id}/exit-interviews/appointments", alumnusId)
                .then()
                .statusCode(201)
                .body("status", equalTo("SCHEDULED"))
                .extract()
                .path("id");
        given().auth()
                .oauth2(tokenFor("alumnus.politie"))
                .post("/api/alumni/me/exit-interviews/{id}/acknowledgement", interviewId)
                .then()
                .statusCode(409);
        int held = given().auth()
                .oauth2(tokenFor("officer.politie"))
                .contentType(ContentType.JSON)
                .body(INTERVIEW.replace("2026-09-25", java.time.LocalDate.now().toString()))
                .put("/api/alumni/{id}/exit-interviews/{interview}", alumnusId, interviewId)
                .then()
                .statusCode(200)
                .body("status", equalTo("HELD"))
                .body("notes", equalTo("Maakt zich zorgen over de reorganisatie."))
                .extract()
                .path("version");
        // Read while it was only scheduled: the alumnus acknowledges only what they saw.
        given().auth()
                .oauth2(tokenFor("alumnus.politie"))
                .queryParam("version", 0)
                .post("/api/alumni/me/exit-interviews/{id}/acknowledgement", interviewId)
                .then()
                .statusCode(409)
                .body("type", endsWith("/problems/exit-interview-changed"));
        given().auth()
                .oauth2(tokenFor("alumnus.politie"))
                .queryParam("version", held)
                .post("/api/alumni/me/exit-interviews/{id}/acknowledgement", interviewId)
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(tokenFor("officer.politie"))
                .contentType(ContentType.JSON)
                .body(INTERVIEW.replace("2026-09-25", java.time.LocalDate.now().toString()))
                .put("/api/alumni/{id}/exit-interviews/{interview}", alumnusId, interviewId)
                .then()
                .statusCode(409);
        given().auth()
                .oauth2(tokenFor("admin"))
                .get("/api/alumni/{id}/audit-trail", alumnusId)
                .then()
                .body(
                        "action",
                        org.hamcrest.Matchers.hasItems(
                                "SCHEDULE_EXIT_INTERVIEW", "RECORD_EXIT_INTERVIEW", "ACKNOWLEDGE_EXIT_INTERVIEW"));
        given().auth()
                .oauth2(tokenFor("officer.politie"))
                .contentType(ContentType.JSON)
                .body("{\"scheduledFor\":\"2020-01-01\",\"interviewer\":\"Olga Bakker\"}")
                .post("/api/alumni/{id}/exit-interviews/appointments", alumnusId)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("scheduledFor"));
    }
}
