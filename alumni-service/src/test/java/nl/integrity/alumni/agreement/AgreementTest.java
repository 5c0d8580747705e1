package nl.integrity.alumni.agreement;

import static io.restassured.RestAssured.given;
import static nl.integrity.platform.testing.KeycloakLogins.tokenFor;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.UUID;
import nl.integrity.alumni.DemoAlumni;
import nl.integrity.platform.outbox.OutboxMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Post-employment agreements with real tokens: the library of each organisation, an office
 * attaching one to a departure, the alumnus accepting it, and what may not happen.
 */
@QuarkusTest
class AgreementTest {

    String alumnusId;

    @BeforeEach
    void politieDemoAlumnusIsRegistered() {
        alumnusId = DemoAlumni.registerPolitie();
    }

    private static String templateId(String officer, String code) {
        return given().auth()
                .oauth2(tokenFor(officer))
                .get("/api/agreement-templates")
                .then()
                .statusCode(200)
                .extract()
                .path("find { it.code == '%s' }.id".formatted(code));
    }

    private String propose(String body) {
        return given().auth()
                .oauth2(tokenFor("officer.politie"))
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/alumni/{id}/agreements", alumnusId)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    private List<String> eventsAbout(String agreementId) {
        return QuarkusTransaction.requiringNew()
                .call(() -> OutboxMessage.<OutboxMessage>list(
                        "subject = ?1 order by position", "alumni/" + alumnusId + "/agreements/" + agreementId))
                .stream()
                .map(OutboxMessage::eventType)
                .toList();
    }

    @Test
    void anOfficeAttachesASectorCoolingOff_theAlumnusAcceptsIt_andItIsInForce() {
        String template = templateId("officer.politie", "SECTOR-AFKOEL");
        String agreement = propose("{\"templateId\":\"%s\",\"sector\":\"CYBER_SECURITY\"}".formatted(template));

        given().auth()
                .oauth2(tokenFor("alumnus.politie"))
                .get("/api/alumni/me/agreements")
                .then()
                .statusCode(200)
                .body("find { it.id == '%s' }.status".formatted(agreement), equalTo("PROPOSED"))
                .body(
                        "find { it.id == '%s' }.titleNl".formatted(agreement),
                        equalTo("Afkoelperiode voor de sector cyberbeveiliging"))
                .body(
                        "find { it.id == '%s' }.titleEn".formatted(agreement),
                        equalTo("Cooling-off period for the sector cyber security"))
                // From the departure date, for the template's 12 months.
                .body("find { it.id == '%s' }.startsOn".formatted(agreement), equalTo("2026-09-30"))
                .body("find { it.id == '%s' }.endsOn".formatted(agreement), equalTo("2027-09-30"))
                .body("find { it.id == '%s' }.inForce".formatted(agreement), equalTo(false));
        // Another alumnus cannot accept it.
        given().auth()
                .oauth2(tokenFor("alumnus.kmar"))
                .post("/api/alumni/me/agreements/{id}/acceptance", agreement)
                .then()
                .statusCode(404);
        for (int i = 0; i < 2; i++) {
            given().auth()
                    .oauth2(tokenFor("alumnus.politie"))
                    .post("/api/alumni/me/agreements/{id}/acceptance", agreement)
                    .then()
                    .statusCode(200)
                    .body("status", equalTo("ACCEPTED"))
                    .body("inForce", equalTo(true));
        }
        assertEquals(List.of(AgreementEvents.Proposed.TYPE, AgreementEvents.Accepted.TYPE), eventsAbout(agreement));
        // Accepted is binding: the office cannot take it back any more.
        given().auth()
                .oauth2(tokenFor("officer.politie"))
                .post("/api/alumni/{id}/agreements/{agreement}/withdrawal", alumnusId, agreement)
                .then()
                .statusCode(409);
        given().auth()
                .oauth2(tokenFor("officer.politie"))
                .queryParam("purpose", "OBLIGATION_MONITORING")
                .get("/api/alumni/{id}/agreements", alumnusId)
                .then()
                .statusCode(200)
                .body("find { it.id == '%s' }.proposedBy".formatted(agreement), equalTo("officer.politie"));
    }

    @Test
    void aWithdrawnProposal_cannotBeAccepted() {
        String template = templateId("officer.politie", "GEEN-CONTACT");
        String agreement = propose(
                "{\"templateId\":\"%s\",\"subject\":\"Team Cybercrime Oost-Nederland\",\"endsOn\":\"2027-06-30\"}"
                        .formatted(template));
        given().auth()
                .oauth2(tokenFor("officer.politie"))
                .post("/api/alumni/{id}/agreements/{agreement}/withdrawal", alumnusId, agreement)
                .then()
                .statusCode(200)
                .body("status", equalTo("WITHDRAWN"))
                .body("titleNl", equalTo("Geen zakelijk contact met Team Cybercrime Oost-Nederland"));
        given().auth()
                .oauth2(tokenFor("alumnus.politie"))
                .post("/api/alumni/me/agreements/{id}/acceptance", agreement)
                .then()
                .statusCode(409);
        assertEquals(List.of(AgreementEvents.Proposed.TYPE), eventsAbout(agreement));
    }

    @Test
    void aProposalThatLacksWhatItIsAbout_orEndsBeforeItStarts_isRefusedNamingTheField() {
        String sectorTemplate = templateId("officer.politie", "SECTOR-AFKOEL");
        String subjectTemplate = templateId("officer.politie", "KENNIS");
        given().auth()
                .oauth2(tokenFor("officer.politie"))
                .contentType(ContentType.JSON)
                .body("{\"templateId\":\"%s\"}".formatted(sectorTemplate))
                .post("/api/alumni/{id}/agreements", alumnusId)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("sector"));
        given().auth()
                .oauth2(tokenFor("officer.politie"))
                .contentType(ContentType.JSON)
                .body("{\"templateId\":\"%s\",\"subject\":\"  \"}".formatted(subjectTemplate))
                .post("/api/alumni/{id}/agreements", alumnusId)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("subject"));
        given().auth()
                .oauth2(tokenFor("officer.politie"))
                .contentType(ContentType.JSON)
                .body("{\"templateId\":\"%s\",\"subject\":\"x\",\"startsOn\":\"2027-01-01\",\"endsOn\":\"2026-12-31\"}"
                        .formatted(subjectTemplate))
                .post("/api/alumni/{id}/agreements", alumnusId)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("endsOn"));
        // Another organisation's library is not there for this office.
        given().auth()
                .oauth2(tokenFor("officer.politie"))
                .contentType(ContentType.JSON)
                .body("{\"templateId\":\"%s\",\"sector\":\"ICT\"}"
                        .formatted(templateId("officer.kmar", "SECTOR-AFKOEL")))
                .post("/api/alumni/{id}/agreements", alumnusId)
                .then()
                .statusCode(404);
    }

    @Test
    void administratorsKeepTheirLibrary_byRevision_andARetiredTemplateIsAttachedNoMore() {
        String code = "T-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        String wording = """
                {"titleNl":"Geen optredens als expert over {subject}","titleEn":"No appearances as an expert on {subject}",
                 "textNl":"U treedt niet op als deskundige over {subject}.","textEn":"You do not appear as an expert on {subject}.",
                 "defaultMonths":6}""";
        String id = given().auth()
                .oauth2(tokenFor("admin"))
                .contentType(ContentType.JSON)
                .body("{\"code\":\"%s\",\"kind\":\"KNOWLEDGE_RESTRICTION\",\"wording\":%s}".formatted(code, wording))
                .post("/api/agreement-templates")
                .then()
                .statusCode(201)
                .body("revision", equalTo(1))
                .extract()
                .path("id");
        given().auth()
                .oauth2(tokenFor("admin"))
                .contentType(ContentType.JSON)
                .body("{\"code\":\"%s\",\"kind\":\"NO_CONTACT\",\"wording\":%s}".formatted(code, wording))
                .post("/api/agreement-templates")
                .then()
                .statusCode(409);
        String changed = wording.replace("\"defaultMonths\":6", "\"defaultMonths\":9");
        given().auth()
                .oauth2(tokenFor("admin"))
                .contentType(ContentType.JSON)
                .body("{\"expectedRevision\":1,\"wording\":%s}".formatted(changed))
                .put("/api/agreement-templates/{id}", id)
                .then()
                .statusCode(200)
                .body("revision", equalTo(2))
                .body("defaultMonths", equalTo(9));
        given().auth()
                .oauth2(tokenFor("admin"))
                .contentType(ContentType.JSON)
                .body("{\"expectedRevision\":1,\"wording\":%s}".formatted(wording))
                .put("/api/agreement-templates/{id}", id)
                .then()
                .statusCode(409);
        // The other organisation's administrators do not see or change it.
        given().auth()
                .oauth2(tokenFor("admin.kmar"))
                .get("/api/agreement-templates")
                .then()
                .body("code", not(hasItem(code)));
        given().auth()
                .oauth2(tokenFor("admin.kmar"))
                .post("/api/agreement-templates/{id}/retire", id)
                .then()
                .statusCode(404);

        given().auth()
                .oauth2(tokenFor("admin"))
                .post("/api/agreement-templates/{id}/retire", id)
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(tokenFor("officer.politie"))
                .get("/api/agreement-templates")
                .then()
                .body("code", not(hasItem(code)));
        given().auth()
                .oauth2(tokenFor("officer.politie"))
                .contentType(ContentType.JSON)
                .body("{\"templateId\":\"%s\",\"subject\":\"x\"}".formatted(id))
                .post("/api/alumni/{id}/agreements", alumnusId)
                .then()
                .statusCode(409);
    }
}
