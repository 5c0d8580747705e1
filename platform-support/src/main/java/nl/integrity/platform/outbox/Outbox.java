package nl.integrity.platform.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.UUID;

/**
 * Appends events to the transactional outbox. Must be called inside the transaction that
 * changes the state the event describes ({@link Transactional.TxType#MANDATORY}), so the
 * event is stored if and only if the change is.
 */
@ApplicationScoped
public class Outbox {

    private final ObjectMapper json;
    private final Clock clock;
    private final Event<Appended> appended;

    Outbox(ObjectMapper json, Clock clock, Event<Appended> appended) {
        this.json = json;
        this.clock = clock;
        this.appended = appended;
    }

    /** Fired on append; the relay observes it after commit to publish without waiting for its next poll. */
    record Appended(UUID eventId) {
    }

    /**
     * @param topic       the producer-owned topic, e.g. {@code alumni.events}
     * @param aggregateId the Kafka key; events with the same key are published in order
     * @param type        the CloudEvents type, e.g. {@code nl.integrity.alumni.registered.v1}
     * @param subject     the CloudEvents subject
     * @param payload     a record holding the facts of the event
     * @return the event id (CloudEvents {@code id}) consumers deduplicate on
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID append(String topic, String aggregateId, String type, String subject, Object payload) {
        var message = new OutboxMessage();
        message.eventId = UUID.randomUUID();
        message.topic = topic;
        message.aggregateId = aggregateId;
        message.eventType = type;
        message.subject = subject;
        message.payload = serialise(payload);
        message.occurredAt = clock.instant();
        message.persist();
        appended.fire(new Appended(message.eventId));
        return message.eventId;
    }

    private String serialise(Object payload) {
        try {
            return json.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Event payload cannot be serialised: " + payload.getClass(), e);
        }
    }
}
