package nl.integrity.alumni.registry;

import static io.restassured.RestAssured.given;
import static nl.integrity.platform.testing.KafkaProbe.header;
import static nl.integrity.platform.testing.KeycloakLogins.hrSystemToken;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import nl.integrity.platform.outbox.OutboxMessage;
import nl.integrity.platform.testing.KafkaProbe;
import org.junit.jupiter.api.Test;

/** The outbox relay publishes a registration to the real Kafka broker as a CloudEvent (test.* topics in tests). */
@QuarkusTest
class AlumnusRegisteredPublicationTest {

    @Test
    void registration_isPublishedToAlumniEventsWithCloudEventsHeaders() throws Exception {
        String number = DepartureResourceTest.uniqueNumber();
        try (var probe = KafkaProbe.watch("test.alumni.events")) {
            String id = given().auth()
                    .oauth2(hrSystemToken())
                    .contentType(ContentType.JSON)
                    .body(DepartureResourceTest.departure("POLITIE", number))
                    .post("/api/departures")
                    .then()
                    .statusCode(201)
                    .extract()
                    .path("id");

            var record = probe.await(r -> id.equals(r.key()), Duration.ofSeconds(15))
                    .orElseThrow(() -> new AssertionError("no event for alumnus " + id + " on test.alumni.events"));

            assertEquals("nl.integrity.alumni.registered.v1", header(record, "ce_type"));
            assertEquals("1.0", header(record, "ce_specversion"));
            assertEquals("/alumni-service", header(record, "ce_source"));
            assertEquals("alumni/" + id, header(record, "ce_subject"));
            assertTrue(header(record, "ce_time") != null, "ce_time");
            JsonNode payload = new ObjectMapper().readTree(record.value());
            assertEquals(id, payload.get("alumnusId").asText());
            assertEquals(number, payload.get("personnelNumber").asText());
            assertEquals("REORGANISATION", payload.get("departureReason").asText());

            OutboxMessage outboxRow = QuarkusTransaction.requiringNew()
                    .call(() -> OutboxMessage.<OutboxMessage>find("subject", "alumni/" + id)
                            .<OutboxMessage>singleResult());
            assertEquals(outboxRow.eventId().toString(), header(record, "ce_id"), "ce_id is the outbox event id");
        }
    }
}
