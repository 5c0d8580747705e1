package nl.integrity.alumni.selfservice;

import static io.restassured.RestAssured.given;
import static nl.integrity.platform.testing.KeycloakLogins.hrSystemToken;
import static nl.integrity.platform.testing.KeycloakLogins.tokenFor;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import nl.integrity.alumni.DemoAlumni;
import nl.integrity.platform.outbox.OutboxMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The alumnus' own corner, with the real login of the demo alumnus of KMAR (K200001): contact
 * details, alumni-network consent with its history, and the download of everything held.
 */
@QuarkusTest
class SelfServiceTest {

    String alumnusId;

    @BeforeEach
    void kmarDemoAlumnusIsRegistered() {
        alumnusId = DemoAlumni.registerKmar();
    }

    long currentVersion() {
        return given().auth()
                .oauth2(tokenFor("alumnus.kmar"))
                .get("/api/alumni/me")
                .then()
                .statusCode(200)
                .extract()
                .<Number>path("version")
                .longValue();
    }

    @Test
    void contact_changesOnTheVersionSeenAndIsAnnounced() {
        long version = currentVersion();
        String phone = "+31 6 " + (10000000 + (int) (Math.random() * 8999999));

        given().auth()
                .oauth2(tokenFor("alumnus.kmar"))
                .contentType(ContentType.JSON)
                .body("{\"expectedVersion\":%d,\"email\":\"karin@example.nl\",\"phone\":\"%s\",\"language\":\"en\"}"
                        .formatted(version, phone))
                .put("/api/alumni/me/contact")
                .then()
                .statusCode(200)
                .body("phone", equalTo(phone))
                .body("language", equalTo("en"))
                .body("email", equalTo("karin@example.nl"))
                .body("version", equalTo((int) version + 1));

        List<OutboxMessage> updates = QuarkusTransaction.requiringNew()
                .call(() -> OutboxMessage.list(
                        "aggregateId = ?1 and eventType = ?2 order by position",
                        alumnusId,
                        "nl.integrity.alumni.record-updated.v1"));
        String payload = updates.get(updates.size() - 1).payload();
        assertTrue(payload.contains(phone) && payload.contains("\"language\":\"en\""), payload);

        // Left out, the language stays; the mail of this alumnus keeps coming in English.
        given().auth()
                .oauth2(tokenFor("alumnus.kmar"))
                .contentType(ContentType.JSON)
                .body("{\"expectedVersion\":%d,\"email\":\"karin@example.nl\"}".formatted(version + 1))
                .put("/api/alumni/me/contact")
                .then()
                .statusCode(200)
                .body("language", equalTo("en"))
                .body("phone", nullValue());
    }

    @Test
    void contact_changeOnAnOutdatedVersionIsAConflict() {
        long version = currentVersion();
        given().auth()
                .oauth2(tokenFor("alumnus.kmar"))
                .contentType(ContentType.JSON)
                .body("{\"expectedVersion\":%d,\"phone\":\"+31 70 1234567\"}".formatted(version + 7))
                .put("/api/alumni/me/contact")
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", endsWith("/problems/stale-version"));
    }

    @Test
    void contact_rejectsInvalidValues() {
        given().auth()
                .oauth2(tokenFor("alumnus.kmar"))
                .contentType(ContentType.JSON)
                .body("{\"email\":\"not an address\",\"phone\":\"call me\",\"language\":\"fr\"}")
                .put("/api/alumni/me/contact")
                .then()
                .statusCode(400)
                .body("errors.field", hasItems("email", "phone", "expectedVersion", "language"));
    }

    @Test
    void consent_canBeGivenAndWithdrawnWithHistoryAndEvents() {
        given().auth()
                .oauth2(tokenFor("alumnus.kmar"))
                .contentType(ContentType.JSON)
                .body("{\"given\":true}")
                .put("/api/alumni/me/network-consent")
                .then()
                .statusCode(200)
                .body("given", equalTo(true));
        int before = given().auth()
                .oauth2(tokenFor("alumnus.kmar"))
                .get("/api/alumni/me/network-consent")
                .then()
                .extract()
                .path("history.size()");
        // Saying what holds changes nothing.
        given().auth()
                .oauth2(tokenFor("alumnus.kmar"))
                .contentType(ContentType.JSON)
                .body("{\"given\":true}")
                .put("/api/alumni/me/network-consent")
                .then()
                .statusCode(200)
                .body("history.size()", equalTo(before));

        given().auth()
                .oauth2(tokenFor("alumnus.kmar"))
                .contentType(ContentType.JSON)
                .body("{\"given\":false}")
                .put("/api/alumni/me/network-consent")
                .then()
                .statusCode(200)
                .body("given", equalTo(false))
                .body("history.size()", equalTo(before + 1))
                .body("history[-1].given", equalTo(false))
                .body("history[-2].given", equalTo(true));

        List<OutboxMessage> events = QuarkusTransaction.requiringNew()
                .call(() -> OutboxMessage.list(
                        "aggregateId = ?1 and eventType = ?2 order by position",
                        alumnusId,
                        "nl.integrity.alumni.network-consent-changed.v1"));
        assertTrue(events.get(events.size() - 1).payload().contains("\"given\":false"));
        assertEquals(before + 1, events.size(), "one event per real change");
    }

    @Test
    void export_holdsTheRecordConsentAndWhoAccessedItWhy() {
        given().auth()
                .oauth2(tokenFor("alumnus.kmar"))
                .contentType(ContentType.JSON)
                .body("{\"given\":true}")
                .put("/api/alumni/me/network-consent")
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(tokenFor("officer.kmar"))
                .queryParam("purpose", "EXIT_INTERVIEW")
                .get("/api/alumni/{id}", alumnusId)
                .then()
                .statusCode(200);

        given().auth()
                .oauth2(tokenFor("alumnus.kmar"))
                .get("/api/alumni/me/export")
                .then()
                .statusCode(200)
                .header("Content-Disposition", containsString("attachment"))
                .body("record.id", equalTo(alumnusId))
                .body("record.obligationWindow.functionCode", equalTo("GRS-IDF"))
                .body("networkConsent.given", equalTo(true))
                // The departure: the briefing issued with the registration, agreements and aftercare (none or some).
                .body("departureBriefing.alumnusId", equalTo(alumnusId))
                .body("departureBriefing.issuedAt", org.hamcrest.Matchers.notNullValue())
                .body("agreements", org.hamcrest.Matchers.notNullValue())
                .body("aftercare", org.hamcrest.Matchers.notNullValue())
                .body("accessLog.purpose", hasItem("EXIT_INTERVIEW"))
                .body("accessLog.actorRole", hasItem("integrity-officer"))
                .body("accessLog[0].actor", org.hamcrest.Matchers.nullValue());
    }

    @Test
    void selfServiceIsForAlumniOnly() {
        given().auth()
                .oauth2(tokenFor("officer.kmar"))
                .get("/api/alumni/me/export")
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(tokenFor("officer.kmar"))
                .get("/api/alumni/me/network-consent")
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(hrSystemToken())
                .contentType(ContentType.JSON)
                .body("{\"expectedVersion\":0}")
                .put("/api/alumni/me/contact")
                .then()
                .statusCode(403);
        given().get("/api/alumni/me/export").then().statusCode(401);
    }
}
