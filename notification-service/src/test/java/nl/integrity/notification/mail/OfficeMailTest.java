package nl.integrity.notification.mail;

import static nl.integrity.notification.mail.GreenMail.mailsMentioning;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.UUID;
import nl.integrity.notification.alert.Alert;
import nl.integrity.notification.alert.AlertKind;
import nl.integrity.notification.alert.DeclarationEventsConsumerTest;
import nl.integrity.notification.delivery.Delivery;
import nl.integrity.notification.delivery.DeliveryStatus;
import nl.integrity.platform.testing.KafkaProbe;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Critical alerts mailed to the organisation's integrity mailbox over the real SMTP server
 * (GreenMail), in the office's language: POLITIE reads Dutch, KMAR (in the tests) English.
 */
@QuarkusTest
class OfficeMailTest {

    static final Duration WAIT = Duration.ofSeconds(20);

    @BeforeEach
    void consumerHasJoined() {
        new DeclarationEventsConsumerTest().consumerHasJoined();
    }

    static Alert alertOf(UUID declarationId, AlertKind kind) {
        return QuarkusTransaction.requiringNew().call(() -> Alert.<Alert>find("declarationId = ?1 and kind = ?2",
                declarationId, kind).firstResult());
    }

    static void publishAssessed(UUID eventId, UUID declarationId, String organisation, String riskLevel) {
        KafkaProbe.publish(DeclarationEventsConsumerTest.TOPIC, declarationId.toString(), eventId,
                "nl.integrity.declaration.assessed.v1", """
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
        String alertId = alertOf(declarationId, AlertKind.HIGH_RISK).id.toString();
        Awaitility.await().atMost(WAIT).until(() -> !mailsMentioning("integriteit@politie.example.nl", alertId).isEmpty());
        var mail = mailsMentioning("integriteit@politie.example.nl", alertId);
        assertEquals(1, mail.size(), "one mail, although the event came twice");
        assertEquals("[Integriteit] Kritiek risico bij een melding", mail.get(0).get("subject"));
        String body = String.valueOf(mail.get(0).get("mimeMessage"));
        assertTrue(body.contains("Beste collega's van het integriteitsbureau (POLITIE)"), body);
        assertTrue(body.contains("http://localhost:8080/office/alerts/" + alertId), body);
        Delivery delivery = QuarkusTransaction.requiringNew().call(() -> Delivery.<Delivery>find(
                "eventId = ?1 and channel = ?2", eventId, Delivery.Channel.EMAIL).singleResult());
        assertEquals(DeliveryStatus.SENT, delivery.status);
        assertEquals("integriteit@politie.example.nl", delivery.recipient);
    }

    @Test
    void overdueDecision_mailsTheKmarOfficeInEnglish() {
        UUID declarationId = UUID.randomUUID();
        KafkaProbe.publish(DeclarationEventsConsumerTest.TOPIC, declarationId.toString(), UUID.randomUUID(),
                "nl.integrity.declaration.decision-overdue.v1", """
                        {"declarationId":"%s","alumnusId":"%s","organisation":"KMAR","assignee":null,"dueDate":"2027-01-12"}"""
                        .formatted(declarationId, UUID.randomUUID()));

        Awaitility.await().atMost(WAIT).until(() -> alertOf(declarationId, AlertKind.DECISION_OVERDUE) != null);
        String alertId = alertOf(declarationId, AlertKind.DECISION_OVERDUE).id.toString();
        Awaitility.await().atMost(WAIT).until(() -> !mailsMentioning("integriteit@kmar.example.nl", alertId).isEmpty());
        var mail = mailsMentioning("integriteit@kmar.example.nl", alertId).get(0);
        assertEquals("[Integrity] Decision on a declaration overdue", mail.get("subject"));
        assertTrue(String.valueOf(mail.get("mimeMessage")).contains("The decision on a declaration was due on 2027-01-12"));
    }

    @Test
    void highButNotCriticalRisk_isAnAlertWithoutMail() {
        UUID declarationId = UUID.randomUUID();
        UUID eventId = UUID.randomUUID();
        publishAssessed(eventId, declarationId, "POLITIE", "HIGH");
        Awaitility.await().atMost(WAIT).until(() -> alertOf(declarationId, AlertKind.HIGH_RISK) != null);
        assertEquals(0L, QuarkusTransaction.requiringNew().call(() -> Delivery.count("eventId = ?1 and channel = ?2",
                eventId, Delivery.Channel.EMAIL)));
    }
}
