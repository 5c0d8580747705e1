package nl.integrity.platform.inbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

class IncomingEventTest {

    record Sample(String name) {}

    private static ConsumerRecord<String, String> record(String id, String type, String value) {
        var record = new ConsumerRecord<>("t", 0, 7L, "key", value);
        if (id != null) {
            record.headers().add("ce_id", id.getBytes(StandardCharsets.UTF_8));
        }
        if (type != null) {
            record.headers().add("ce_type", type.getBytes(StandardCharsets.UTF_8));
        }
        return record;
    }

    @Test
    void from_readsCloudEventHeadersAndPayload() {
        UUID id = UUID.randomUUID();
        var event = IncomingEvent.from(record(id.toString(), "nl.integrity.x.v1", "{\"name\":\"a\"}"));

        assertEquals(id, event.id());
        assertEquals("nl.integrity.x.v1", event.type());
        assertEquals("key", event.key());
        assertEquals(new Sample("a"), event.payloadAs(new ObjectMapper(), Sample.class));
    }

    @Test
    void payloadAs_skipsFieldsAProducerAddedLater_evenWithTheStrictRequestReader() {
        var strict = new ObjectMapper();
        new nl.integrity.platform.input.StrictJson().customize(strict);
        var event = IncomingEvent.from(
                record(UUID.randomUUID().toString(), "nl.integrity.x.v1", "{\"name\":\"a\",\"addedInVersion2\":true}"));
        assertEquals(new Sample("a"), event.payloadAs(strict, Sample.class));
    }

    @Test
    void from_rejectsRecordWithoutEventId() {
        assertThrows(IncomingEvent.MalformedEvent.class, () -> IncomingEvent.from(record(null, "t", "{}")));
    }

    @Test
    void from_rejectsEventIdThatIsNoUuid() {
        assertThrows(IncomingEvent.MalformedEvent.class, () -> IncomingEvent.from(record("42", "t", "{}")));
    }

    @Test
    void payloadAs_rejectsPayloadThatIsNoJson() {
        var event = IncomingEvent.from(record(UUID.randomUUID().toString(), "t", "not json"));

        assertThrows(IncomingEvent.MalformedEvent.class, () -> event.payloadAs(new ObjectMapper(), Sample.class));
    }
}
