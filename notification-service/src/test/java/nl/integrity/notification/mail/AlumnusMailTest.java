package nl.integrity.notification.mail;

import static nl.integrity.platform.testing.Mailboxes.mailsMentioning;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import nl.integrity.notification.contact.AlumnusContact;
import nl.integrity.notification.inbound.DeclarationEventsConsumerTest;
import nl.integrity.platform.testing.KafkaProbe;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Legally required notices to alumni over the real SMTP server, the address taken from
 * alumni.events on the real broker: in the alumnus' language, once per event, and also when
 * the address arrives after the notice.
 */
@QuarkusTest
public class AlumnusMailTest {

    static final Duration WAIT = Duration.ofSeconds(20);
    static final String ALUMNI = "test.alumni.events";
    private static volatile boolean alumniConsumerJoined;

    @BeforeEach
    public void consumersHaveJoined() {
        new DeclarationEventsConsumerTest().consumerHasJoined();
        if (!alumniConsumerJoined) {
            UUID[] probe = new UUID[1];
            KafkaProbe.awaitConsumerJoined(
                    () -> {
                        probe[0] = UUID.randomUUID();
                        register(probe[0], "probe@example.nl");
                    },
                    () -> contact(probe[0]) != null,
                    Duration.ofSeconds(60));
            alumniConsumerJoined = true;
        }
    }

    public static void register(UUID alumnusId, String email) {
        register(alumnusId, email, "nl");
    }

    public static void register(UUID alumnusId, String email, String language) {
        KafkaProbe.publish(
                ALUMNI, alumnusId.toString(), UUID.randomUUID(), "nl.integrity.alumni.registered.v1", """
                {"alumnusId":"%s","organisation":"POLITIE","personnelNumber":"M-%s","fullName":"Mail Test",
                 "departureDate":"2026-03-31","departureReason":"VOLUNTARY","status":"DEPARTED","version":0,"email":"%s",
                 "language":"%s"}""".formatted(
                                alumnusId, alumnusId.toString().substring(0, 6), email, language));
    }

    public static AlumnusContact contact(UUID alumnusId) {
        return QuarkusTransaction.requiringNew().call(() -> AlumnusContact.<AlumnusContact>findById(alumnusId));
    }

    static void publishDeclarationEvent(UUID eventId, String type, UUID declarationId, UUID alumnusId, String extra) {
        KafkaProbe.publish(
                DeclarationEventsConsumerTest.TOPIC,
                declarationId.toString(),
                eventId,
                "nl.integrity.declaration." + type,
                """
                        {"declarationId":"%s","alumnusId":"%s","organisation":"POLITIE"%s}""".formatted(declarationId, alumnusId, extra));
    }

    static String mailbox() {
        return "alumnus-" + UUID.randomUUID().toString().substring(0, 8) + "@example.nl";
    }

    @Test
    void question_isMailedInDutch_onceAlthoughDeliveredTwice() {
        UUID alumnus = UUID.randomUUID();
        String email = mailbox();
        register(alumnus, email);
        Awaitility.await().atMost(WAIT).until(() -> contact(alumnus) != null);

        UUID declaration = UUID.randomUUID();
        UUID eventId = UUID.randomUUID();
        publishDeclarationEvent(eventId, "information-requested.v1", declaration, alumnus, "");
        publishDeclarationEvent(eventId, "information-requested.v1", declaration, alumnus, "");

        Awaitility.await()
                .atMost(WAIT)
                .until(() -> !mailsMentioning(email, declaration.toString()).isEmpty());
        var mails = mailsMentioning(email, declaration.toString());
        assertEquals(1, mails.size());
        assertEquals("Vraag over uw melding", mails.get(0).get("subject"));
        String body = String.valueOf(mails.get(0).get("mimeMessage"));
        assertTrue(body.contains("Het integriteitsbureau heeft een vraag over uw melding"), body);
        assertTrue(body.contains("http://localhost:8080/alumni/declarations/" + declaration), body);
    }

    @Test
    void decision_isMailedInTheAlumnusLanguage_evenWhenTheAddressArrivesLater() {
        UUID alumnus = UUID.randomUUID();
        String email = mailbox();
        UUID declaration = UUID.randomUUID();
        publishDeclarationEvent(
                UUID.randomUUID(),
                "decided.v1",
                declaration,
                alumnus,
                ",\"outcome\":\"ALLOWED_WITH_CONDITIONS\",\"conditions\":[{\"type\":\"NO_LOBBYING\"},{\"type\":\"REPORT_CHANGES\"}]");
        Awaitility.await()
                .atMost(WAIT)
                .until(() -> QuarkusTransaction.requiringNew()
                                .call(() -> nl.integrity.notification.delivery.Delivery.count(
                                        "recipient", "alumnus:" + alumnus))
                        == 1);

        // The address comes later; until then the mail waits and is retried. The alumnus chose English.
        register(alumnus, email, "en");

        Awaitility.await()
                .atMost(WAIT)
                .until(() -> !mailsMentioning(email, declaration.toString()).isEmpty());
        var mail = mailsMentioning(email, declaration.toString()).get(0);
        assertEquals("Decision on your declaration", mail.get("subject"));
        String body = String.valueOf(mail.get("mimeMessage"));
        assertTrue(body.contains("has decided on your declaration of a new activity: allowed with conditions."), body);
        assertTrue(body.contains("2 condition(s) apply"), body);
    }

    @Test
    void reminder_isMailedWithTheWindowEnd() {
        UUID alumnus = UUID.randomUUID();
        String email = mailbox();
        register(alumnus, email);
        Awaitility.await().atMost(WAIT).until(() -> contact(alumnus) != null);
        KafkaProbe.publish(
                DeclarationEventsConsumerTest.TOPIC,
                alumnus.toString(),
                UUID.randomUUID(),
                "nl.integrity.declaration.reminder-due.v1",
                """
                        {"alumnusId":"%s","organisation":"POLITIE","windowEnd":"2028-04-30","remindedOn":"2026-12-01"}""".formatted(alumnus));
        Awaitility.await()
                .atMost(WAIT)
                .until(() -> !mailsMentioning(email, "2028-04-30").isEmpty());
        assertEquals(
                "Herinnering: uw meldplicht",
                mailsMentioning(email, "2028-04-30").get(0).get("subject"));
    }

    @Test
    void departureBriefing_isAnnounced_andRemindedOnce_inTheAlumnusLanguage() {
        UUID alumnus = UUID.randomUUID();
        String email = mailbox();
        register(alumnus, email, "en");
        Awaitility.await().atMost(WAIT).until(() -> contact(alumnus) != null);
        String briefing = """
                {"alumnusId":"%s","organisation":"POLITIE","departureDate":"2027-01-29","windowEnd":"2028-07-29"}""".formatted(alumnus);
        UUID issued = UUID.randomUUID();
        KafkaProbe.publish(ALUMNI, alumnus.toString(), issued, "nl.integrity.alumni.briefing-issued.v1", briefing);
        KafkaProbe.publish(ALUMNI, alumnus.toString(), issued, "nl.integrity.alumni.briefing-issued.v1", briefing);
        KafkaProbe.publish(
                ALUMNI,
                alumnus.toString(),
                UUID.randomUUID(),
                "nl.integrity.alumni.briefing-reminder-due.v1",
                briefing);

        Awaitility.await()
                .atMost(WAIT)
                .until(() -> mailsMentioning(email, "2028-07-29").size() == 2);
        var subjects = mailsMentioning(email, "2028-07-29").stream()
                .map(m -> String.valueOf(m.get("subject")))
                .sorted()
                .toList();
        assertEquals(List.of("Reminder: read your departure briefing", "Your departure briefing is ready"), subjects);
        String body = mailsMentioning(email, "2028-07-29").stream()
                .filter(m -> m.get("subject").equals("Your departure briefing is ready"))
                .map(m -> String.valueOf(m.get("mimeMessage")))
                .findFirst()
                .orElseThrow();
        assertTrue(body.contains("(until 2028-07-29)"), body);
        assertTrue(body.contains("day (2027-01-29)"), body);
        assertTrue(body.contains("http://localhost:8080/alumni/briefing"), body);
    }

    @Test
    void aProposedAgreement_isMailedWithItsPeriod() {
        UUID alumnus = UUID.randomUUID();
        String email = mailbox();
        register(alumnus, email);
        Awaitility.await().atMost(WAIT).until(() -> contact(alumnus) != null);
        KafkaProbe.publish(
                ALUMNI,
                alumnus.toString(),
                UUID.randomUUID(),
                "nl.integrity.alumni.agreement-proposed.v1",
                """
                {"agreementId":"%s","alumnusId":"%s","organisation":"POLITIE","kind":"NO_CONTACT","code":"GEEN-CONTACT",
                 "startsOn":"2027-01-29","endsOn":"2028-01-29"}""".formatted(UUID.randomUUID(), alumnus));

        Awaitility.await()
                .atMost(WAIT)
                .until(() -> !mailsMentioning(email, "2028-01-29").isEmpty());
        var mail = mailsMentioning(email, "2028-01-29").get(0);
        assertEquals("Afspraak bij vertrek: graag uw akkoord", mail.get("subject"));
        String body = String.valueOf(mail.get("mimeMessage"));
        assertTrue(body.contains("van 2027-01-29 tot"), body);
        assertTrue(body.contains("http://localhost:8080/alumni/briefing"), body);
    }
}
