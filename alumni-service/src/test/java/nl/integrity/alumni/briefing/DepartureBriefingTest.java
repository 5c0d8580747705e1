package nl.integrity.alumni.briefing;

import static io.restassured.RestAssured.given;
import static nl.integrity.platform.testing.KeycloakLogins.hrSystemToken;
import static nl.integrity.platform.testing.KeycloakLogins.tokenFor;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import nl.integrity.alumni.DemoAlumni;
import nl.integrity.platform.outbox.OutboxMessage;
import org.junit.jupiter.api.Test;

/**
 * The departure briefing with real tokens: a registration with a duty to declare issues it (once),
 * the alumnus reads it composed from their record and acknowledges the revision they read, the
 * office sees it, a leaver who did not acknowledge by the departure date is reminded once, and
 * administrators change the text by revision.
 */
@QuarkusTest
class DepartureBriefingTest {

    @Inject
    Briefings briefings;

    private static String register(String number, LocalDate departureDate, String functionCode) {
        return given().auth()
                .oauth2(hrSystemToken("POLITIE"))
                .contentType(ContentType.JSON)
                .body("""
                        {"organisation":"POLITIE","personnelNumber":"%s","fullName":"Briefing Test",
                         "functions":[{"functionCode":"%s","from":"2020-01-01"}],
                         "departureDate":"%s","departureReason":"VOLUNTARY"}""".formatted(number, functionCode, departureDate))
                .post("/api/departures")
                .then()
                .statusCode(org.hamcrest.Matchers.oneOf(200, 201))
                .extract()
                .path("id");
    }

    private static String number() {
        return "BRF-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static List<String> eventsAbout(String alumnusId) {
        return QuarkusTransaction.requiringNew()
                .call(() -> OutboxMessage.<OutboxMessage>list(
                        "subject = ?1 order by position", "alumni/" + alumnusId + "/briefing"))
                .stream()
                .map(OutboxMessage::eventType)
                .toList();
    }

    @Test
    void aRegisteredLeaver_getsTheBriefingOnce_andTheOfficeSeesIt() {
        String number = number();
        String id = register(number, LocalDate.now().plusWeeks(6), "REC-DIG");
        register(number, LocalDate.now().plusWeeks(6), "REC-DIG");

        assertEquals(List.of(BriefingEvents.Issued.TYPE), eventsAbout(id));
        given().auth()
                .oauth2(tokenFor("officer.politie"))
                .queryParam("purpose", "OBLIGATION_MONITORING")
                .get("/api/alumni/{id}/briefing", id)
                .then()
                .statusCode(200)
                .body("issuedAt", notNullValue())
                .body("issuedBy", equalTo(Briefings.REGISTRATION))
                .body("acknowledgedAt", nullValue());
        // Another organisation's office does not see it at all; a read without a purpose is refused.
        given().auth()
                .oauth2(tokenFor("officer.kmar"))
                .queryParam("purpose", "AUDIT")
                .get("/api/alumni/{id}/briefing", id)
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(tokenFor("officer.politie"))
                .get("/api/alumni/{id}/briefing", id)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("purpose"));
    }

    @Test
    void noDutyToDeclare_noBriefing_untilAnOfficerIssuesIt() {
        // An administrative employee's function asks for no cooling-off period: no window, no briefing.
        String id = register(number(), LocalDate.now().plusWeeks(2), "BED-ADM");
        assertEquals(List.of(), eventsAbout(id));

        given().auth()
                .oauth2(tokenFor("officer.politie"))
                .post("/api/alumni/{id}/briefing", id)
                .then()
                .statusCode(200)
                .body("issuedBy", equalTo("officer.politie"));
        given().auth()
                .oauth2(tokenFor("officer.politie"))
                .post("/api/alumni/{id}/briefing", id)
                .then()
                .statusCode(200)
                .body("issuedBy", equalTo("officer.politie"));
        assertEquals(List.of(BriefingEvents.Issued.TYPE), eventsAbout(id));
    }

    @Test
    void theAlumnusReadsTheirOwnBriefing_andAcknowledgesTheRevisionTheyRead() {
        String id = DemoAlumni.registerPolitie();
        // A briefing not acknowledged yet, whatever other tests did with the shared demo record.
        QuarkusTransaction.requiringNew().run(() -> DepartureBriefing.delete("alumnusId", UUID.fromString(id)));
        given().auth()
                .oauth2(tokenFor("officer.politie"))
                .post("/api/alumni/{id}/briefing", id)
                .then()
                .statusCode(200);

        int revision = given().auth()
                .oauth2(tokenFor("alumnus.politie"))
                .get("/api/alumni/me/briefing")
                .then()
                .statusCode(200)
                .body("state.acknowledgedAt", nullValue())
                .body("text.language", equalTo("nl"))
                .body("text.contact", org.hamcrest.Matchers.containsString("Bureau Integriteit van de Politie"))
                .body("departureDate", equalTo("2026-09-30"))
                .body("obligationWindow.end", equalTo("2028-03-30"))
                .body("windowFunction.code", equalTo("REC-DIG"))
                .body("windowFunction.title", equalTo("Digitaal rechercheur"))
                .body("windowFunction.coolingOffMonths", equalTo(18))
                .body("sensitiveSectors", hasItems("ICT", "CYBER_SECURITY", "PRIVATE_INVESTIGATION"))
                .extract()
                .path("text.revision");

        given().auth()
                .oauth2(tokenFor("alumnus.politie"))
                .contentType(ContentType.JSON)
                .body("{\"revision\":%d}".formatted(revision + 1))
                .post("/api/alumni/me/briefing/acknowledgement")
                .then()
                .statusCode(409);
        for (int i = 0; i < 2; i++) {
            given().auth()
                    .oauth2(tokenFor("alumnus.politie"))
                    .contentType(ContentType.JSON)
                    .body("{\"revision\":%d}".formatted(revision))
                    .post("/api/alumni/me/briefing/acknowledgement")
                    .then()
                    .statusCode(200)
                    .body("acknowledgedAt", notNullValue())
                    .body("acknowledgedRevision", equalTo(revision));
        }
        given().auth()
                .oauth2(tokenFor("officer.politie"))
                .queryParam("purpose", "OBLIGATION_MONITORING")
                .get("/api/alumni/{id}/briefing", id)
                .then()
                .statusCode(200)
                .body("acknowledgedRevision", equalTo(revision));
        assertEquals(
                List.of(BriefingEvents.Issued.TYPE, BriefingEvents.Acknowledged.TYPE),
                eventsAbout(id)
                        .subList(eventsAbout(id).size() - 2, eventsAbout(id).size()));
    }

    @Test
    void aLeaverWhoDidNotAcknowledgeByTheDepartureDate_isRemindedOnce() {
        LocalDate departure = LocalDate.now().plusDays(3);
        String waiting = register(number(), departure, "ICT-BEH");
        String notYet = register(number(), departure.plusDays(1), "ICT-BEH");

        briefings.remind(departure);
        briefings.remind(departure); // another instance, the same day
        briefings.remind(departure.plusDays(7)); // a later day

        assertEquals(List.of(BriefingEvents.Issued.TYPE, BriefingEvents.ReminderDue.TYPE), eventsAbout(waiting));
        given().auth()
                .oauth2(tokenFor("officer.politie"))
                .queryParam("purpose", "OBLIGATION_MONITORING")
                .get("/api/alumni/{id}/briefing", waiting)
                .then()
                .body("remindedOn", equalTo(departure.toString()));
        assertEquals(List.of(BriefingEvents.Issued.TYPE, BriefingEvents.ReminderDue.TYPE), eventsAbout(notYet));
    }

    @Test
    void administratorsChangeTheirText_byRevision_andReadEveryRevisionBack() {
        var current = given().auth()
                .oauth2(tokenFor("admin.kmar"))
                .get("/api/briefing-texts")
                .then()
                .statusCode(200)
                .body("organisation", org.hamcrest.Matchers.everyItem(equalTo("KMAR")))
                .body("language", hasItems("nl", "en"))
                .extract()
                .jsonPath();
        int revision = current.getInt("find { it.language == 'en' }.revision");
        String change = """
                {"expectedRevision":%d,"introduction":"You leave the Royal Marechaussee.",
                 "whatToDeclare":"Every new activity.","howToDeclare":"In the portal.",
                 "contact":"Call the integrity office."}""";

        given().auth()
                .oauth2(tokenFor("admin.kmar"))
                .contentType(ContentType.JSON)
                .body(change.formatted(revision))
                .put("/api/briefing-texts/en")
                .then()
                .statusCode(200)
                .body("revision", equalTo(revision + 1))
                .body("changedBy", equalTo("admin.kmar"));
        // The same change on the old revision: someone else came first.
        given().auth()
                .oauth2(tokenFor("admin.kmar"))
                .contentType(ContentType.JSON)
                .body(change.formatted(revision))
                .put("/api/briefing-texts/en")
                .then()
                .statusCode(409);
        given().auth()
                .oauth2(tokenFor("admin.kmar"))
                .contentType(ContentType.JSON)
                .body("{\"expectedRevision\":1,\"introduction\":\" \"}")
                .put("/api/briefing-texts/en")
                .then()
                .statusCode(400);
        given().auth()
                .oauth2(tokenFor("admin.kmar"))
                .get("/api/briefing-texts/en/revisions")
                .then()
                .statusCode(200)
                .body("[0].revision", equalTo(revision + 1))
                .body("[0].contact", equalTo("Call the integrity office."))
                .body("[1].revision", equalTo(revision));
        given().auth()
                .oauth2(tokenFor("admin.kmar"))
                .get("/api/briefing-texts/de/revisions")
                .then()
                .statusCode(400);
    }
}
