package nl.integrity.notification.mail;

import static nl.integrity.platform.testing.Mailboxes.mailsMentioning;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import nl.integrity.notification.alert.Alert;
import nl.integrity.notification.alert.AlertKind;
import nl.integrity.notification.delivery.Delivery;
import nl.integrity.notification.delivery.DeliveryStatus;
import nl.integrity.notification.inbound.DeclarationEventsConsumerTest;
import nl.integrity.platform.testing.KafkaProbe;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Critical alerts mailed to the organisation's integrity mailbox over the real SMTP server
 * (GreenMail), in the office's language: POLITIE reads Dutch and each critical alert at once;
 * KMAR (in the tests) reads English and a daily digest.
 */
@QuarkusTest
class OfficeMailTest {

    static final Duration WAIT = Duration.ofSeconds(20);

    @Inject
    OfficeDigest digest;

    @BeforeEach
    void consumerHasJoined() {
        new DeclarationEventsConsumerTest().consumerHasJoined();
    }

    static Alert alertOf(UUID declarationId, AlertKind kind) {
        return QuarkusTransaction.requiringNew()
                .call(() -> Alert.<Alert>find("declarationId = ?1 and kind = ?2", declarationId, kind)
                        .firstResult());
    }

    static void publishAssessed(UUID eventId, UUID declarationId, String organisation, String riskLevel) {
        KafkaProbe.publish(
                DeclarationEventsConsumerTest.TOPIC,
                declarationId.toString(),
                eventId,
                "nl.integrity.declaration.assessed.v1",
                """
                        {"declarationId":"%s","alumnusId":"%s","organisation":"%s","versionNumber":1,"riskLevel":"%s",
                         "reasons":[],"late":false}""".formatted(declarationId, UUID.randomUUID(), organisation, riskLevel));
    }

    @Test
    void criticalRisk_mailsTheOfficeInDutch_once() {
        UUID declarationId = UUID.randomUUID();
        UUID eventId = UUID.randomUUID();
        publishAssessed(eventId, declarationId, "POLITIE", "CRITICAL");
        publishAssessed(eventId, declarationId, "POLITIE", "CRITICAL"); // redelivered

        Awaitility.await().atMost(WAIT).until(() -> alertOf(declarationId, AlertKind.HIGH_RISK) != null);
        String alertId = alertOf(declarationId, AlertKind.HIGH_RISK).id().toString();
        Awaitility.await()
                .atMost(WAIT)
                .until(() -> !mailsMentioning("integriteit@politie.example.nl", alertId)
                        .isEmpty());
        var mail = mailsMentioning("integriteit@politie.example.nl", alertId);
        assertEquals(1, mail.size(), "one mail, although the event came twice");
        assertEquals("[Integriteit] Kritiek risico bij een melding", mail.get(0).get("subject"));
        String body = String.valueOf(mail.get(0).get("mimeMessage"));
        assertTrue(body.contains("Beste collega's van het integriteitsbureau (POLITIE)"), body);
        assertTrue(
                body.contains("Versie 1 van een melding is beoordeeld met risico kritiek"),
                "the summary in Dutch: " + body);
        assertTrue(body.contains("http://localhost:8080/office/alerts/" + alertId), body);
        Delivery delivery = QuarkusTransaction.requiringNew()
                .call(() -> Delivery.<Delivery>find("eventId = ?1 and channel = ?2", eventId, Delivery.Channel.EMAIL)
                        .singleResult());
        assertEquals(DeliveryStatus.SENT, delivery.status());
        assertEquals("integriteit@politie.example.nl", delivery.recipient());
    }

    @Test
    void digestOffice_getsNoMailAtOnce_butOneDailyDigestInItsLanguage_criticalFirst() {
        UUID overdue = UUID.randomUUID();
        UUID overdueEvent = UUID.randomUUID();
        KafkaProbe.publish(
                DeclarationEventsConsumerTest.TOPIC,
                overdue.toString(),
                overdueEvent,
                "nl.integrity.declaration.decision-overdue.v1",
                """
                        {"declarationId":"%s","alumnusId":"%s","organisation":"KMAR","assignee":null,"dueDate":"2027-01-12"}""".formatted(overdue, UUID.randomUUID()));
        UUID submitted = UUID.randomUUID();
        KafkaProbe.publish(
                DeclarationEventsConsumerTest.TOPIC,
                submitted.toString(),
                UUID.randomUUID(),
                "nl.integrity.declaration.submitted.v1",
                """
                        {"declarationId":"%s","alumnusId":"%s","organisation":"KMAR","versionNumber":1,"employerName":"Geheim BV",
                         "role":"Adviseur","sector":"SECURITY","startDate":"2027-02-01"}""".formatted(submitted, UUID.randomUUID()));
        UUID politie = UUID.randomUUID();
        publishAssessed(UUID.randomUUID(), politie, "POLITIE", "HIGH");
        Awaitility.await()
                .atMost(WAIT)
                .until(() -> alertOf(overdue, AlertKind.DECISION_OVERDUE) != null
                        && alertOf(submitted, AlertKind.DECLARATION_SUBMITTED) != null
                        && alertOf(politie, AlertKind.HIGH_RISK) != null);
        assertEquals(
                0L,
                QuarkusTransaction.requiringNew()
                        .call(() ->
                                Delivery.count("eventId = ?1 and channel = ?2", overdueEvent, Delivery.Channel.EMAIL)),
                "the digest office gets no mail at once");

        assertEquals(1, digest.run(Instant.now()), "KMAR reads a digest; POLITIE does not");
        assertEquals(0, digest.run(Instant.now()), "one digest a day");

        String overdueAlert = alertOf(overdue, AlertKind.DECISION_OVERDUE).id().toString();
        Awaitility.await()
                .atMost(WAIT)
                .until(() -> !mailsMentioning("integriteit@kmar.example.nl", overdueAlert)
                        .isEmpty());
        var mails = mailsMentioning("integriteit@kmar.example.nl", overdueAlert);
        assertEquals(1, mails.size());
        assertTrue(
                String.valueOf(mails.get(0).get("subject")).startsWith("[Integrity] Daily digest "),
                mails.get(0).toString());
        String body = String.valueOf(mails.get(0).get("mimeMessage"));
        assertTrue(body.contains("[CRITICAL] Decision overdue"), body);
        assertTrue(body.contains("The decision on a declaration was due on 2027-01-12"), body);
        assertTrue(
                body.indexOf(overdueAlert)
                        < body.indexOf(alertOf(submitted, AlertKind.DECLARATION_SUBMITTED)
                                .id()
                                .toString()),
                "critical alerts come first");
        assertFalse(body.contains("Geheim BV"), "employer and role stay in the portal");
        assertFalse(
                body.contains(alertOf(politie, AlertKind.HIGH_RISK).id().toString()), "only the office's own alerts");
    }

    @Test
    void highButNotCriticalRisk_isAnAlertWithoutMail() {
        UUID declarationId = UUID.randomUUID();
        UUID eventId = UUID.randomUUID();
        publishAssessed(eventId, declarationId, "POLITIE", "HIGH");
        Awaitility.await().atMost(WAIT).until(() -> alertOf(declarationId, AlertKind.HIGH_RISK) != null);
        assertEquals(
                0L,
                QuarkusTransaction.requiringNew()
                        .call(() -> Delivery.count("eventId = ?1 and channel = ?2", eventId, Delivery.Channel.EMAIL)));
    }
}
