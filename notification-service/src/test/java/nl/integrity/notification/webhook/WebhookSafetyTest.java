package nl.integrity.notification.webhook;

import static io.restassured.RestAssured.given;
import static nl.integrity.platform.testing.KeycloakLogins.tokenFor;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import nl.integrity.notification.delivery.Delivery;
import nl.integrity.notification.delivery.DeliveryStatus;
import nl.integrity.notification.mail.AlumnusMailTest;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Webhooks cannot be pointed inside the network, subscribe only to published types, rotate their
 * secret with an overlap, and carry the alumni facts an external system needs and nothing more.
 * Every target here is this machine's loopback address.
 */
@QuarkusTest
class WebhookSafetyTest {

    static final Duration WAIT = Duration.ofSeconds(20);

    @BeforeEach
    void consumersHaveJoined() {
        new AlumnusMailTest().consumersHaveJoined();
    }

    static io.restassured.response.ValidatableResponse subscribe(String url, String type) {
        return given().auth()
                .oauth2(tokenFor("admin"))
                .contentType(ContentType.JSON)
                .body("{\"url\":\"%s\",\"eventTypes\":[\"%s\"]}".formatted(url, type))
                .post("/api/webhook-subscriptions")
                .then();
    }

    @Test
    void subscriptionsInsideTheNetwork_overPlainHttp_orToUnknownTypes_areRefusedAtTheirField() {
        long before = QuarkusTransaction.requiringNew().call(() -> WebhookSubscription.count());
        for (String url : List.of(
                "https://localhost:8443/hook",
                "https://127.0.0.2/hook",
                "https://[::1]:9/hook",
                "http://hooks.example.nl/hook",
                "https://user:pw@hooks.example.nl/hook")) {
            subscribe(url, "*").statusCode(400).body("errors[0].field", equalTo("url"));
        }
        subscribe("http://127.0.0.1:9/hook", "nl.integrity.declaration.decidd.v1")
                .statusCode(400)
                .body("errors[0].field", equalTo("eventTypes[0]"))
                .body("errors[0].message", containsString("nl.integrity.declaration.decided.v1"));
        assertEquals(before, (long) QuarkusTransaction.requiringNew().call(() -> WebhookSubscription.count()));
    }

    @Test
    void aSubscriptionWhoseTargetIsNoLongerAllowed_isNotCalled_andItsDeliveryDies() throws Exception {
        try (var socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            AtomicInteger connections = new AtomicInteger();
            Thread acceptor = new Thread(() -> {
                while (!socket.isClosed()) {
                    try (var ignored = socket.accept()) {
                        connections.incrementAndGet();
                    } catch (IOException closed) {
                        return;
                    }
                }
            });
            acceptor.start();
            // As if the name had pointed elsewhere when it was subscribed: stored directly.
            UUID subscription = QuarkusTransaction.requiringNew().call(() -> {
                var s = WebhookSubscription.subscribe(
                        "KMAR",
                        java.net.URI.create("https://localhost:" + socket.getLocalPort() + "/hook"),
                        List.of("*"),
                        null,
                        true,
                        WebhookSignature.newSecret(),
                        "test",
                        Instant.now());
                s.persist();
                return s.id();
            });
            UUID eventId = WebhookDeliveryTest.publishSubmitted("KMAR");
            Awaitility.await()
                    .atMost(WAIT)
                    .until(() -> deliveryOf(eventId, subscription) != null
                            && deliveryOf(eventId, subscription).status() == DeliveryStatus.DEAD);
            Delivery dead = deliveryOf(eventId, subscription);
            assertTrue(dead.lastError().startsWith("target not allowed"), dead.lastError());
            assertEquals(1, dead.attempts(), "not retried: no retry makes it allowed");
            assertEquals(0, connections.get(), "no connection was ever made");
            QuarkusTransaction.requiringNew()
                    .run(() -> WebhookSubscription.<WebhookSubscription>findById(subscription)
                            .disable("test"));
        }
    }

    static Delivery deliveryOf(UUID eventId, UUID subscription) {
        return QuarkusTransaction.requiringNew()
                .call(() -> Delivery.<Delivery>find("eventId = ?1 and subscriptionId = ?2", eventId, subscription)
                        .firstResult());
    }

    @Test
    void aRotatedSecret_signsBesideTheNewOne_untilTheOverlapEnds() {
        try (var receiver = new Receiver(0)) {
            JsonPath created = WebhookDeliveryTest.subscribe("admin", receiver.url(), WebhookDeliveryTest.SUBMITTED);
            String id = created.getString("id");
            String oldSecret = created.getString("secret");
            JsonPath rotated = given().auth()
                    .oauth2(tokenFor("admin"))
                    .post("/api/webhook-subscriptions/{id}/secret-rotation", id)
                    .then()
                    .statusCode(200)
                    .body("secret", notNullValue())
                    .body("previousSecretValidUntil", notNullValue())
                    .extract()
                    .jsonPath();
            String newSecret = rotated.getString("secret");
            assertNotEquals(oldSecret, newSecret);
            given().auth()
                    .oauth2(tokenFor("admin"))
                    .get("/api/webhook-subscriptions/{id}", id)
                    .then()
                    .body("secret", equalTo(null));

            WebhookDeliveryTest.publishSubmitted("POLITIE");
            Awaitility.await().atMost(WAIT).until(() -> !receiver.calls.isEmpty());
            Receiver.Call call = receiver.calls.get(0);
            String[] signatures = call.signature().split(" ");
            assertEquals(2, signatures.length, call.signature());
            assertEquals(
                    WebhookSignature.sign(newSecret, call.id(), Long.parseLong(call.timestamp()), call.body()),
                    signatures[0]);
            assertEquals(
                    WebhookSignature.sign(oldSecret, call.id(), Long.parseLong(call.timestamp()), call.body()),
                    signatures[1]);
            given().auth()
                    .oauth2(tokenFor("admin"))
                    .contentType(ContentType.JSON)
                    .body("{\"url\":\"%s\",\"eventTypes\":[\"%s\"],\"enabled\":false}"
                            .formatted(receiver.url(), WebhookDeliveryTest.SUBMITTED))
                    .put("/api/webhook-subscriptions/{id}", id)
                    .then()
                    .statusCode(200);
        }
    }

    @Test
    void alumniEvents_canBeSubscribedTo_andCarryNoNameOrAddress() {
        try (var receiver = new Receiver(0)) {
            String id = WebhookDeliveryTest.subscribe("admin", receiver.url(), PublishedEvents.ALUMNUS_REGISTERED)
                    .getString("id");
            UUID alumnusId = UUID.randomUUID();
            AlumnusMailTest.register(alumnusId, "someone." + alumnusId + "@example.nl");
            Awaitility.await()
                    .atMost(WAIT)
                    .until(() -> receiver.calls.stream().anyMatch(c -> c.body().contains(alumnusId.toString())));
            String body = receiver.calls.stream()
                    .filter(c -> c.body().contains(alumnusId.toString()))
                    .findFirst()
                    .orElseThrow()
                    .body();
            JsonPath delivered = JsonPath.from(body);
            assertEquals(PublishedEvents.ALUMNUS_REGISTERED, delivered.getString("type"));
            assertEquals(alumnusId.toString(), delivered.getString("data.alumnusId"));
            assertTrue(delivered.getString("data.personnelNumber").startsWith("M-"));
            assertFalse(body.contains("Mail Test"), "no name: " + body);
            assertFalse(body.contains("@example.nl"), "no e-mail address: " + body);
            given().auth()
                    .oauth2(tokenFor("admin"))
                    .contentType(ContentType.JSON)
                    .body("{\"url\":\"%s\",\"eventTypes\":[\"%s\"],\"enabled\":false}"
                            .formatted(receiver.url(), PublishedEvents.ALUMNUS_REGISTERED))
                    .put("/api/webhook-subscriptions/{id}", id)
                    .then()
                    .statusCode(200);
        }
    }
}
