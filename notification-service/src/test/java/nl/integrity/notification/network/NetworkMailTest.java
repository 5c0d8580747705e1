package nl.integrity.notification.network;

import static io.restassured.RestAssured.given;
import static nl.integrity.platform.testing.KeycloakLogins.tokenFor;
import static nl.integrity.platform.testing.Mailboxes.mailsMentioning;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import nl.integrity.notification.contact.AlumnusContact;
import nl.integrity.notification.delivery.Delivery;
import nl.integrity.notification.delivery.DeliveryStatus;
import nl.integrity.platform.testing.KafkaProbe;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Alumni-network mail follows consent, learnt from alumni.events on the real broker, and is sent
 * over the real SMTP server: only to alumni whose latest consent is given, in their language, and
 * not at all when consent is withdrawn before the mail goes out.
 */
@QuarkusTest
class NetworkMailTest {

    static final Duration WAIT = Duration.ofSeconds(20);
    static final String ALUMNI = "test.alumni.events";
    static final Instant T0 = Instant.parse("2026-11-01T10:00:00Z");

    @BeforeEach
    void consumerHasJoined() {
        UUID[] probe = new UUID[1];
        KafkaProbe.awaitConsumerJoined(
                () -> {
                    probe[0] = UUID.randomUUID();
                    register(probe[0], "POLITIE", "probe@example.nl", "nl");
                },
                () -> contact(probe[0]) != null,
                Duration.ofSeconds(60));
    }

    static void register(UUID alumnusId, String organisation, String email, String language) {
        KafkaProbe.publish(
                ALUMNI, alumnusId.toString(), UUID.randomUUID(), "nl.integrity.alumni.registered.v1", """
                {"alumnusId":"%s","organisation":"%s","personnelNumber":"N-%s","fullName":"Network Test",
                 "departureDate":"2026-03-31","departureReason":"RETIREMENT","status":"DEPARTED","version":0,"email":"%s",
                 "language":"%s"}""".formatted(
                                alumnusId, organisation, alumnusId.toString().substring(0, 6), email, language));
    }

    static void consent(UUID alumnusId, String organisation, boolean given, Instant changedAt) {
        KafkaProbe.publish(
                ALUMNI,
                alumnusId.toString(),
                UUID.randomUUID(),
                "nl.integrity.alumni.network-consent-changed.v1",
                """
                {"alumnusId":"%s","organisation":"%s","given":%s,"changedAt":"%s"}""".formatted(alumnusId, organisation, given, changedAt));
    }

    static AlumnusContact contact(UUID alumnusId) {
        return QuarkusTransaction.requiringNew().call(() -> AlumnusContact.<AlumnusContact>findById(alumnusId));
    }

    static String mailbox() {
        return "network-" + UUID.randomUUID().toString().substring(0, 8) + "@example.nl";
    }

    static List<Delivery> deliveriesTo(UUID alumnusId) {
        return QuarkusTransaction.requiringNew().call(() -> Delivery.list("recipient", "alumnus:" + alumnusId));
    }

    @Test
    void mailing_reachesOnlyConsentingAlumniOfTheOrganisation_inTheirLanguage() {
        UUID english = UUID.randomUUID();
        UUID neverConsented = UUID.randomUUID();
        UUID withdrew = UUID.randomUUID();
        UUID kmar = UUID.randomUUID();
        String englishMail = mailbox();
        register(english, "POLITIE", englishMail, "en");
        consent(english, "POLITIE", true, T0);
        register(neverConsented, "POLITIE", mailbox(), "nl");
        register(withdrew, "POLITIE", mailbox(), "nl");
        // Withdrawn after giving; the older "given" arrives last and must not win.
        consent(withdrew, "POLITIE", false, T0.plusSeconds(60));
        consent(withdrew, "POLITIE", true, T0);
        register(kmar, "KMAR", mailbox(), "nl");
        consent(kmar, "KMAR", true, T0);
        Awaitility.await()
                .atMost(WAIT)
                .until(() -> contact(kmar) != null
                        && contact(kmar).networkConsent()
                        && contact(english) != null
                        && contact(english).networkConsent()
                        && contact(withdrew) != null
                        && contact(withdrew).consentChangedAt() != null
                        && contact(withdrew).recordVersion() == 0);
        assertEquals(false, contact(withdrew).networkConsent(), "the newest change counts");

        String tag = "Reunie " + UUID.randomUUID().toString().substring(0, 8);
        String location = given().auth()
                .oauth2(tokenFor("officer.politie"))
                .contentType(ContentType.JSON)
                .body("""
                        {"subjectNl":"Uitnodiging %1$s","textNl":"Kom naar de %1$s in Apeldoorn.",
                         "subjectEn":"Invitation %1$s","textEn":"Join us at the %1$s in Apeldoorn."}""".formatted(tag))
                .post("/api/network-mailings")
                .then()
                .statusCode(201)
                .body("organisation", equalTo("POLITIE"))
                .extract()
                .header("Location");

        assertEquals(1, deliveriesTo(english).size());
        assertTrue(deliveriesTo(neverConsented).isEmpty(), "no consent, no network mail");
        assertTrue(deliveriesTo(withdrew).isEmpty(), "consent withdrawn, no network mail");
        assertTrue(deliveriesTo(kmar).isEmpty(), "another organisation's alumni are not in this network");

        Awaitility.await()
                .atMost(WAIT)
                .until(() -> !mailsMentioning(englishMail, tag).isEmpty());
        var mail = mailsMentioning(englishMail, tag).get(0);
        assertEquals("Invitation " + tag, mail.get("subject"));
        String body = String.valueOf(mail.get("mimeMessage"));
        assertTrue(body.contains("Join us at the " + tag + " in Apeldoorn."), body);
        assertTrue(body.contains("Withdraw your consent at http://localhost:8080/alumni/consent"), body);

        given().auth()
                .oauth2(tokenFor("officer.politie"))
                .get(location)
                .then()
                .statusCode(200)
                .body("deliveries.SENT", equalTo(1));
        given().auth().oauth2(tokenFor("officer.kmar")).get(location).then().statusCode(404);
        given().auth()
                .oauth2(tokenFor("admin"))
                .get("/api/network-mailings")
                .then()
                .statusCode(200)
                .body("items.subjectNl", hasItem("Uitnodiging " + tag));
    }

    @Test
    void consentWithdrawnBeforeSending_cancelsTheMail() {
        UUID alumnus = UUID.randomUUID();
        String email = mailbox();
        register(alumnus, "POLITIE", email, "nl");
        consent(alumnus, "POLITIE", false, T0);
        Awaitility.await()
                .atMost(WAIT)
                .until(() -> contact(alumnus) != null && contact(alumnus).consentChangedAt() != null);
        // A mailing queued for the alumnus while consent still held; it is sent only after the withdrawal.
        UUID mailing = UUID.randomUUID(); // in its text, to look for in the mailbox
        UUID delivery = QuarkusTransaction.requiringNew().call(() -> {
            var m = NetworkMailing.write(
                    "POLITIE",
                    new NetworkMailing.Content("Nieuwsbrief", "Nieuws " + mailing, null, null),
                    "officer.politie",
                    Instant.now());
            m.persist();
            var d = Delivery.pending(
                    Delivery.Channel.EMAIL,
                    "POLITIE",
                    "alumnus:" + alumnus,
                    m.id(),
                    NetworkMail.EVENT_TYPE,
                    "{\"mailing\":\"%s\",\"alumnusId\":\"%s\"}".formatted(m.id(), alumnus),
                    Instant.now());
            d.persist();
            return d.id();
        });

        Awaitility.await()
                .atMost(WAIT)
                .until(() -> QuarkusTransaction.requiringNew()
                                .call(() ->
                                        Delivery.<Delivery>findById(delivery).status())
                        == DeliveryStatus.CANCELLED);
        Delivery cancelled = QuarkusTransaction.requiringNew().call(() -> Delivery.findById(delivery));
        assertTrue(cancelled.lastError().contains("consent"), cancelled.lastError());
        assertEquals(0, cancelled.attempts(), "never sent");
        assertTrue(mailsMentioning(email, mailing.toString()).isEmpty());
    }

    @Test
    void invalidMailing_isAProblem_andQueuesNothing() {
        long before = QuarkusTransaction.requiringNew().call(() -> NetworkMailing.count());
        given().auth()
                .oauth2(tokenFor("officer.politie"))
                .contentType(ContentType.JSON)
                .body("{\"subjectNl\":\" \"}")
                .post("/api/network-mailings")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("textNl"));
        given().auth()
                .oauth2(tokenFor("officer.politie"))
                .contentType(ContentType.JSON)
                .body("{\"subjectNl\":\"Nieuws\",\"textNl\":\"Tekst\",\"subjectEn\":\"News\"}")
                .post("/api/network-mailings")
                .then()
                .statusCode(400)
                .body("type", endsWith("/problems/validation"))
                .body("errors.field", hasItem("textEn"));
        given().auth()
                .oauth2(tokenFor("alumnus.politie"))
                .contentType(ContentType.JSON)
                .body("{\"subjectNl\":\"Nieuws\",\"textNl\":\"Tekst\"}")
                .post("/api/network-mailings")
                .then()
                .statusCode(403);
        given().contentType(ContentType.JSON)
                .body("{\"subjectNl\":\"Nieuws\",\"textNl\":\"Tekst\"}")
                .post("/api/network-mailings")
                .then()
                .statusCode(401);
        assertEquals(before, QuarkusTransaction.requiringNew().call(() -> NetworkMailing.count()));
    }
}
