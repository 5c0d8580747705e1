package nl.integrity.platform.inbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/**
 * A CloudEvent read from a Kafka record in binary mode: the {@code ce_*} headers plus the
 * JSON payload. Consumers dispatch on {@link #type()} and ignore types they do not know.
 */
public record IncomingEvent(UUID id, String type, String subject, String key, String payload) {

    public static IncomingEvent from(ConsumerRecord<String, String> record) {
        String id = header(record, "ce_id");
        String type = header(record, "ce_type");
        if (id == null || type == null) {
            throw new MalformedEvent("Record at " + record.topic() + "-" + record.partition() + "@" + record.offset()
                    + " lacks the ce_id or ce_type header");
        }
        UUID eventId;
        try {
            eventId = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new MalformedEvent("ce_id is not a UUID: " + id);
        }
        return new IncomingEvent(eventId, type, header(record, "ce_subject"), record.key(), record.value());
    }

    /**
     * Reads the JSON payload as the consumer's own record of this event type. A tolerant reader: fields the
     * consumer does not know are skipped (a producer may add fields before its consumers learn of them); the
     * rest is as strict as a request (StrictJson).
     */
    public <T> T payloadAs(ObjectMapper json, Class<T> type) {
        try {
            return json.readerFor(type)
                    .without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .readValue(payload);
        } catch (JsonProcessingException e) {
            throw new MalformedEvent("Payload of event " + id + " (" + this.type + ") is not a valid "
                    + type.getSimpleName() + ": " + e.getOriginalMessage());
        }
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** A record that is not a CloudEvent this platform can process; it goes to the dead-letter topic. */
    public static class MalformedEvent extends RuntimeException {
        public MalformedEvent(String message) {
            super(message);
        }
    }
}
