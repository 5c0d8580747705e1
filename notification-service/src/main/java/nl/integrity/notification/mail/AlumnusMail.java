package nl.integrity.notification.mail;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import nl.integrity.notification.contact.AlumnusContact;
import nl.integrity.notification.delivery.Delivery;
import nl.integrity.platform.inbox.IncomingEvent;

/**
 * Legally required notices to an alumnus: a question from the office, a decision, a reminder of
 * the duty to declare. They cannot be switched off. Queued in the consumer's transaction with the
 * alumnus as recipient; the address and language are looked up when the mail is sent, so a notice
 * whose alumnus' contact details arrive later on {@code alumni.events} still goes out.
 */
@ApplicationScoped
public class AlumnusMail {

    /** The notices, each sent for one event type (so its subject is known from the delivery's event type alone). */
    public enum Notice {
        INFORMATION_REQUESTED(
                "alumnus-information-requested",
                "Vraag over uw melding",
                "A question about your declaration",
                "nl.integrity.declaration.information-requested.v1"),
        DECIDED(
                "alumnus-decided",
                "Besluit over uw melding",
                "Decision on your declaration",
                "nl.integrity.declaration.decided.v1"),
        REMINDER_DUE(
                "alumnus-reminder-due",
                "Herinnering: uw meldplicht",
                "Reminder: your duty to declare",
                "nl.integrity.declaration.reminder-due.v1"),
        BRIEFING_ISSUED(
                "alumnus-briefing-issued",
                "Uw vertrekbriefing staat klaar",
                "Your departure briefing is ready",
                "nl.integrity.alumni.briefing-issued.v1"),
        BRIEFING_REMINDER(
                "alumnus-briefing-reminder",
                "Herinnering: lees uw vertrekbriefing",
                "Reminder: read your departure briefing",
                "nl.integrity.alumni.briefing-reminder-due.v1"),
        AGREEMENT_PROPOSED(
                "alumnus-agreement-proposed",
                "Afspraak bij vertrek: graag uw akkoord",
                "Post-employment agreement: please accept",
                "nl.integrity.alumni.agreement-proposed.v1");

        final String template;
        final String subjectNl;
        final String subjectEn;
        final String eventType;

        Notice(String template, String subjectNl, String subjectEn, String eventType) {
            this.template = template;
            this.subjectNl = subjectNl;
            this.subjectEn = subjectEn;
            this.eventType = eventType;
        }

        public String subject(boolean english) {
            return english ? subjectEn : subjectNl;
        }

        /** The notice sent for an event of this type, if any. */
        public static Optional<Notice> sentFor(String eventType) {
            return Arrays.stream(values())
                    .filter(n -> n.eventType.equals(eventType))
                    .findFirst();
        }
    }

    private final ObjectMapper json;
    private final Clock clock;

    AlumnusMail(ObjectMapper json, Clock clock) {
        this.json = json;
        this.clock = clock;
    }

    /** Queues a notice of this event to the alumnus; {@code data} fills the template. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void queue(
            IncomingEvent event, Notice notice, UUID alumnusId, String organisation, Map<String, Object> data) {
        ObjectNode payload = json.createObjectNode();
        payload.put("notice", notice.name());
        payload.put("alumnusId", alumnusId.toString());
        payload.set("data", json.valueToTree(data));
        Delivery.pending(
                        Delivery.Channel.EMAIL,
                        organisation,
                        AlumnusContact.RECIPIENT_PREFIX + alumnusId,
                        event.id(),
                        event.type(),
                        payload.toString(),
                        clock.instant())
                .about(alumnusId)
                .persist();
    }
}
