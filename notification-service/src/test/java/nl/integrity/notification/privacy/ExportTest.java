package nl.integrity.notification.privacy;

import static io.restassured.RestAssured.given;
import static nl.integrity.platform.testing.KeycloakLogins.tokenFor;
import static nl.integrity.platform.testing.Mailboxes.mailsMentioning;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.UUID;
import nl.integrity.notification.alert.Alert;
import nl.integrity.notification.mail.AlumnusMailTest;
import nl.integrity.platform.testing.KafkaProbe;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The alumnus downloads what this service holds about them, with their own real token (the demo
 * alumnus alumnus.politie, personnel number P100001): contact details and consent, the alerts
 * about them, the mail to them, and who at the office saw or handled those, by role.
 */
@QuarkusTest
class ExportTest {

    static final Duration WAIT = Duration.ofSeconds(20);
    static final String ALUMNI = "test.alumni.events";
    static final String DECLARATIONS = "test.declaration.events";

    @BeforeEach
    void consumersHaveJoined() {
        new AlumnusMailTest().consumersHaveJoined();
    }

    @Test
    void theAlumnusGetsTheirContactAlertsMailAndWhoLookedAtThem() {
        UUID alumnus = UUID.randomUUID();
        UUID declaration = UUID.randomUUID();
        String email = "p100001-" + alumnus.toString().substring(0, 8) + "@example.nl";
        KafkaProbe.publish(
                ALUMNI, alumnus.toString(), UUID.randomUUID(), "nl.integrity.alumni.registered.v1", """
                {"alumnusId":"%s","organisation":"POLITIE","personnelNumber":"P100001","fullName":"Pieter de Vries",
                 "departureDate":"2026-09-30","departureReason":"VOLUNTARY","status":"DEPARTED","version":0,
                 "email":"%s","language":"en"}""".formatted(
                                alumnus, email));
        KafkaProbe.publish(
                ALUMNI,
                alumnus.toString(),
                UUID.randomUUID(),
                "nl.integrity.alumni.network-consent-changed.v1",
                """
                {"alumnusId":"%s","organisation":"POLITIE","given":true,"changedAt":"2026-11-29T00:20:00Z"}""".formatted(alumnus));
        KafkaProbe.publish(
                DECLARATIONS,
                declaration.toString(),
                UUID.randomUUID(),
                "nl.integrity.declaration.submitted.v1",
                """
                {"declarationId":"%s","alumnusId":"%s","organisation":"POLITIE","versionNumber":1,
                 "employerName":"Havenbedrijf","sector":"MARITIME","role":"Loods","startDate":"2027-03-01"}""".formatted(declaration, alumnus));
        KafkaProbe.publish(
                DECLARATIONS,
                declaration.toString(),
                UUID.randomUUID(),
                "nl.integrity.declaration.information-requested.v1",
                """
                {"declarationId":"%s","alumnusId":"%s","organisation":"POLITIE"}""".formatted(declaration, alumnus));
        Awaitility.await()
                .atMost(WAIT)
                .until(() -> AlumnusMailTest.contact(alumnus) != null
                        && AlumnusMailTest.contact(alumnus).networkConsent());
        Awaitility.await()
                .atMost(WAIT)
                .until(() -> !mailsMentioning(email, declaration.toString()).isEmpty());
        Awaitility.await()
                .atMost(WAIT)
                .until(() -> QuarkusTransaction.requiringNew().call(() -> Alert.count("alumnusId", alumnus)) == 1);
        String alert = QuarkusTransaction.requiringNew()
                .call(() -> Alert.<Alert>find("alumnusId", alumnus)
                        .<Alert>singleResult()
                        .id()
                        .toString());
        // An officer sees the alumnus in the inbox and resolves the alert.
        given().auth()
                .oauth2(tokenFor("officer.politie"))
                .queryParam("alumnusId", alumnus)
                .get("/api/alerts")
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(tokenFor("officer.politie"))
                .contentType(ContentType.JSON)
                .body("{\"note\":\"Toegestaan\"}")
                .post("/api/alerts/{id}/resolution", alert)
                .then()
                .statusCode(200);

        given().auth()
                .oauth2(tokenFor("alumnus.politie"))
                .get("/api/notifications/me/export")
                .then()
                .statusCode(200)
                .header("Content-Disposition", containsString("my-data-notification-service.json"))
                .body("generatedAt", notNullValue())
                .body("contact.email", equalTo(email))
                .body("contact.language", equalTo("en"))
                .body("contact.networkConsent", equalTo(true))
                .body("contact.consentChangedAt", equalTo("2026-11-29T00:20:00Z"))
                .body("alerts", hasSize(1))
                .body("alerts[0].kind", equalTo("DECLARATION_SUBMITTED"))
                .body("alerts[0].status", equalTo("RESOLVED"))
                .body("alerts[0].resolvedAt", notNullValue())
                .body("alerts[0].summary", containsString("Loods at Havenbedrijf"))
                .body("mailDeliveries", hasSize(1))
                .body("mailDeliveries[0].subject", equalTo("A question about your declaration"))
                .body("mailDeliveries[0].status", equalTo("SENT"))
                .body("mailDeliveries[0].sentAt", notNullValue())
                .body("accessLog.action", hasItem("LIST_ALERTS"))
                .body("accessLog.action", hasItem("ALERT_RESOLVED"))
                .body("accessLog.find { it.action == 'LIST_ALERTS' }.listed", equalTo(true))
                .body("accessLog.find { it.action == 'ALERT_RESOLVED' }.listed", equalTo(false))
                .body("accessLog.find { it.action == 'ALERT_RESOLVED' }.actorRole", equalTo("integrity-officer"))
                // the role, not the officer's name
                .body(not(containsString("officer.politie")));
    }

    @Test
    void anAlumnusThisServiceNeverHeardOf_getsAnEmptyExport() {
        given().auth()
                .oauth2(tokenFor("alumnus.kmar"))
                .get("/api/notifications/me/export")
                .then()
                .statusCode(200)
                .body("contact", nullValue())
                .body("alerts", hasSize(0))
                .body("mailDeliveries", hasSize(0))
                .body("accessLog", hasSize(0));
    }

    @Test
    void onlyAnAlumnusExportsTheirOwnData() {
        given().auth()
                .oauth2(tokenFor("officer.politie"))
                .get("/api/notifications/me/export")
                .then()
                .statusCode(403);
        given().get("/api/notifications/me/export").then().statusCode(401);
    }
}
