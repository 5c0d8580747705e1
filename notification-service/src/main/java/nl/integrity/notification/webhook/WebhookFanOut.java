package nl.integrity.notification.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import nl.integrity.notification.delivery.Delivery;
import nl.integrity.platform.inbox.IncomingEvent;

/**
 * Turns an event into one pending webhook delivery per enabled subscription of its organisation
 * that wants its type, in the consumer's transaction: consuming never waits for a receiver, and
 * nothing is lost if the service stops before sending.
 */
@ApplicationScoped
public class WebhookFanOut {

    private final ObjectMapper json;
    private final Clock clock;

    WebhookFanOut(ObjectMapper json, Clock clock) {
        this.json = json;
        this.clock = clock;
    }

    /** Queues the event for the subscribers of the organisation its payload names; returns how many. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int queue(IncomingEvent event) {
        JsonNode data = event.payloadAs(json, JsonNode.class);
        return queue(event, data.path("organisation").asText(null), data);
    }

    /**
     * Queues the event with {@code data} as what subscribers receive (the facts they need of it,
     * which may be fewer than the event holds) for the subscribers of {@code organisation}.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int queue(IncomingEvent event, String organisation, JsonNode data) {
        if (organisation == null) {
            return 0;
        }
        Instant now = clock.instant();
        UUID alumnusId = alumnusOf(data);
        int queued = 0;
        for (WebhookSubscription subscription : WebhookSubscription.enabledOf(organisation)) {
            if (!subscription.wants(event.type())) {
                continue;
            }
            ObjectNode body = json.createObjectNode();
            body.put("type", event.type());
            body.put("eventId", event.id().toString());
            body.put("timestamp", now.toString());
            body.set("data", data);
            Delivery.pendingWebhook(
                            subscription.id(),
                            organisation,
                            subscription.url(),
                            event.id(),
                            event.type(),
                            body.toString(),
                            now)
                    .about(alumnusId)
                    .persist();
            queued++;
        }
        return queued;
    }

    /** The alumnus the event is about, as its {@code alumnusId} says; null when it names none. */
    private static UUID alumnusOf(JsonNode data) {
        String id = data.path("alumnusId").asText("");
        try {
            return id.isEmpty() ? null : UUID.fromString(id);
        } catch (IllegalArgumentException notAnId) {
            return null;
        }
    }
}
