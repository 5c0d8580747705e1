package nl.integrity.notification.inbound;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.integrity.notification.alert.Alert;
import nl.integrity.notification.alert.AlertKind;
import nl.integrity.notification.alert.AlertText;
import nl.integrity.notification.alert.AlertTexts;
import nl.integrity.notification.contact.AlumnusContact;
import nl.integrity.notification.delivery.Delivery;
import nl.integrity.notification.mail.AlumnusMail;
import nl.integrity.notification.portal.PortalLinks;
import nl.integrity.notification.webhook.PublishedEvents;
import nl.integrity.notification.webhook.WebhookFanOut;
import nl.integrity.platform.inbox.IncomingEvent;
import nl.integrity.platform.inbox.ProcessedEvents;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Keeps {@link AlumnusContact} in step with {@code alumni.events}: the address from
 * {@code registered} and {@code record-updated} (newest record version wins; the language is
 * Dutch unless an event says otherwise), removed on {@code anonymised}; consent for network mail
 * from {@code network-consent-changed} (the newest change wins). Once per event.
 */
@ApplicationScoped
class AlumniEventsConsumer {

    static final String CONSUMER = "notification-service.alumni-events";
    static final String REGISTERED = "nl.integrity.alumni.registered.v1";
    static final String UPDATED = "nl.integrity.alumni.record-updated.v1";
    static final String ANONYMISED = "nl.integrity.alumni.anonymised.v1";
    static final String CONSENT = "nl.integrity.alumni.network-consent-changed.v1";
    static final String WINDOW_CHANGED = PublishedEvents.WINDOW_CHANGED;
    static final String BRIEFING_ISSUED = "nl.integrity.alumni.briefing-issued.v1";
    static final String BRIEFING_REMINDER_DUE = "nl.integrity.alumni.briefing-reminder-due.v1";
    static final String AGREEMENT_PROPOSED = "nl.integrity.alumni.agreement-proposed.v1";
    static final String AFTERCARE_DUE = "nl.integrity.alumni.aftercare-contact-due.v1";
    static final String AFTERCARE_MISSED = "nl.integrity.alumni.aftercare-contact-missed.v1";
    /** What webhook subscribers get of each alumni event they can subscribe to: no name, no address, no unit. */
    private static final Map<String, List<String>> FOR_SUBSCRIBERS = Map.of(
            REGISTERED,
                    List.of(
                            "alumnusId",
                            "organisation",
                            "personnelNumber",
                            "status",
                            "departureDate",
                            "departureReason",
                            "windowStart",
                            "windowEnd"),
            WINDOW_CHANGED,
                    List.of("alumnusId", "organisation", "windowStart", "windowEnd", "coolingOffMonths", "reason"),
            ANONYMISED, List.of("alumnusId", "organisation"));

    private final ProcessedEvents processed;
    private final ObjectMapper json;
    private final Clock clock;
    private final WebhookFanOut webhooks;
    private final AlumnusMail alumnusMail;
    private final PortalLinks links;
    private final AlertTexts texts;

    AlumniEventsConsumer(
            ProcessedEvents processed,
            ObjectMapper json,
            Clock clock,
            WebhookFanOut webhooks,
            AlumnusMail alumnusMail,
            PortalLinks links,
            AlertTexts texts) {
        this.processed = processed;
        this.json = json;
        this.clock = clock;
        this.webhooks = webhooks;
        this.alumnusMail = alumnusMail;
        this.links = links;
        this.texts = texts;
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Contact(
            UUID alumnusId, String organisation, String email, String language, String personnelNumber, Long version) {}

    /** A briefing issued, or its reminder due: the dates the mail names (either may be absent). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Briefing(UUID alumnusId, String organisation, LocalDate departureDate, LocalDate windowEnd) {}

    /** An aftercare contact moment: which one, and its day. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record AftercareContact(UUID alumnusId, String organisation, int sequence, LocalDate dueOn) {}

    /** An agreement proposed to the alumnus: its period. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Agreement(UUID alumnusId, String organisation, LocalDate startsOn, LocalDate endsOn) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Consent(UUID alumnusId, String organisation, boolean given, Instant changedAt) {}

    @Incoming("alumni-events")
    @Blocking
    @Transactional
    public void consume(ConsumerRecord<String, String> record) {
        processed.handleOnce(CONSUMER, record, event -> {
            switch (event.type()) {
                case REGISTERED, UPDATED -> contact(event.payloadAs(json, Contact.class));
                case ANONYMISED -> anonymised(event.payloadAs(json, Contact.class));
                case CONSENT -> consent(event.payloadAs(json, Consent.class));
                case BRIEFING_ISSUED ->
                    briefing(event, AlumnusMail.Notice.BRIEFING_ISSUED, event.payloadAs(json, Briefing.class));
                case AFTERCARE_DUE ->
                    aftercare(event, AlertKind.AFTERCARE_CONTACT_DUE, event.payloadAs(json, AftercareContact.class));
                case AFTERCARE_MISSED ->
                    aftercare(event, AlertKind.AFTERCARE_CONTACT_MISSED, event.payloadAs(json, AftercareContact.class));
                case AGREEMENT_PROPOSED -> agreementProposed(event, event.payloadAs(json, Agreement.class));
                case BRIEFING_REMINDER_DUE ->
                    briefing(event, AlumnusMail.Notice.BRIEFING_REMINDER, event.payloadAs(json, Briefing.class));
                default -> {
                    // other alumni events say nothing about how to reach the alumnus
                }
            }
            List<String> shared = FOR_SUBSCRIBERS.get(event.type());
            if (shared != null) {
                JsonNode payload = event.payloadAs(json, JsonNode.class);
                ObjectNode data = json.createObjectNode();
                shared.stream().filter(payload::has).forEach(field -> data.set(field, payload.get(field)));
                webhooks.queue(event, payload.path("organisation").asText(null), data);
            }
        });
    }

    private void contact(Contact e) {
        var contact = find(e);
        if (contact.updateRecord(e.email(), e.language(), e.personnelNumber(), e.version(), clock.instant())) {
            contact.persist();
        }
    }

    private void briefing(IncomingEvent event, AlumnusMail.Notice notice, Briefing e) {
        Map<String, Object> data = new HashMap<>();
        data.put("link", links.briefing());
        if (e.departureDate() != null) {
            data.put("departureDate", e.departureDate().toString());
        }
        if (e.windowEnd() != null) {
            data.put("windowEnd", e.windowEnd().toString());
        }
        alumnusMail.queue(event, notice, e.alumnusId(), e.organisation(), data);
    }

    private void aftercare(IncomingEvent event, AlertKind kind, AftercareContact e) {
        AlertText summary = texts.of((m, dutch) -> kind == AlertKind.AFTERCARE_CONTACT_DUE
                ? m.aftercareDue(e.sequence(), AlertText.date(e.dueOn(), dutch))
                : m.aftercareMissed(e.sequence(), AlertText.date(e.dueOn(), dutch)));
        Alert.raise(
                        e.organisation(),
                        kind,
                        summary,
                        Alert.About.alumnus(e.alumnusId()).withDueDate(e.dueOn()),
                        event.id(),
                        clock.instant())
                .persist();
    }

    private void agreementProposed(IncomingEvent event, Agreement e) {
        alumnusMail.queue(
                event,
                AlumnusMail.Notice.AGREEMENT_PROPOSED,
                e.alumnusId(),
                e.organisation(),
                Map.of(
                        "link", links.briefing(),
                        "startsOn", String.valueOf(e.startsOn()),
                        "endsOn", String.valueOf(e.endsOn())));
    }

    private void consent(Consent e) {
        var contact = find(e.alumnusId(), e.organisation());
        if (contact.changeConsent(e.given(), e.changedAt(), clock.instant())) {
            contact.persist();
        }
    }

    /**
     * The registry anonymised the alumnus: nothing here may name or reach them any more. The
     * address goes from the contact, the texts from the alerts about them, payloads and addresses
     * from the deliveries about them (those still to be sent never go out).
     */
    private void anonymised(Contact e) {
        var contact = find(e);
        String formerAddress = contact.email();
        contact.anonymise(clock.instant());
        contact.persist();
        Alert.anonymiseAllAbout(e.alumnusId(), texts.of((m, dutch) -> m.anonymised()));
        Delivery.forgetAllAbout(e.alumnusId(), formerAddress);
    }

    private static AlumnusContact find(Contact e) {
        return find(e.alumnusId(), e.organisation());
    }

    private static AlumnusContact find(UUID alumnusId, String organisation) {
        return AlumnusContact.<AlumnusContact>findByIdOptional(alumnusId)
                .orElseGet(() -> AlumnusContact.unknown(alumnusId, organisation));
    }
}
