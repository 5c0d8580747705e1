package nl.integrity.notification.webhook;

import static io.restassured.RestAssured.given;
import static nl.integrity.platform.testing.KeycloakLogins.tokenFor;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.integrity.notification.alert.Alert;
import nl.integrity.notification.alert.AlertKind;
import nl.integrity.notification.delivery.Delivery;
import nl.integrity.notification.delivery.DeliveryStatus;
import nl.integrity.platform.testing.KafkaProbe;
import nl.integrity.platform.testing.PrometheusText;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Signed webhooks from events on the real broker to a local receiver that fails before it
 * succeeds: retries with the same message id, signatures that verify with the subscription's
 * secret, dead deliveries and their replay, and a subscription disabled after failing too long.
 * Test schedule: three retries 0.2 s apart, disabled after 8 s of failure.
 */
@QuarkusTest
class WebhookDeliveryTest {

    @io.quarkus.test.common.http.TestHTTPResource(value = "/metrics", management = true)
    java.net.URL metricsUrl;

    static final String SUBMITTED = "nl.integrity.declaration.submitted.v1";
    static final Duration WAIT = Duration.ofSeconds(20);

    @BeforeEach
    void consumerHasJoined() {
        new nl.integrity.notification.inbound.DeclarationEventsConsumerTest().consumerHasJoined();
    }

    static JsonPath subscribe(String admin, String url, String... types) {
        String list = String.join("\",\"", types);
        return given().auth()
                .oauth2(tokenFor(admin))
                .contentType(ContentType.JSON)
                .body("{\"url\":\"%s\",\"eventTypes\":[\"%s\"],\"description\":\"test receiver\"}".formatted(url, list))
                .post("/api/webhook-subscriptions")
                .then()
                .statusCode(201)
                .body("secret", notNullValue())
                .extract()
                .jsonPath();
    }

    static UUID publishSubmitted(String organisation) {
        UUID eventId = UUID.randomUUID();
        UUID declarationId = UUID.randomUUID();
        KafkaProbe.publish("test.declaration.events", declarationId.toString(), eventId, SUBMITTED, """
                {"declarationId":"%s","alumnusId":"%s","organisation":"%s","employerName":"E","sector":"ICT",
                 "role":"R","startDate":"2027-03-01"}""".formatted(
                        declarationId, UUID.randomUUID(), organisation));
        return eventId;
    }

    static List<Delivery> deliveriesOf(UUID eventId) {
        return QuarkusTransaction.requiringNew().call(() -> Delivery.<Delivery>list("eventId", eventId));
    }

    /** The delivery of this event to this subscription (other tests' subscriptions of the organisation get theirs). */
    static java.util.Optional<Delivery> deliveryOf(UUID eventId, JsonPath subscription) {
        UUID subscriptionId = UUID.fromString(subscription.getString("id"));
        return QuarkusTransaction.requiringNew()
                .call(() -> Delivery.<Delivery>find("eventId = ?1 and subscriptionId = ?2", eventId, subscriptionId)
                        .firstResultOptional());
    }

    static boolean webhookDeliveriesAtLeast(String metrics, String outcome, double atLeast) {
        return PrometheusText.valueOr(
                        metrics,
                        "notification_deliveries_total",
                        Map.of("application", "notification-service", "channel", "webhook", "outcome", outcome),
                        0)
                >= atLeast;
    }

    static boolean hasStatus(UUID eventId, JsonPath subscription, DeliveryStatus status) {
        return deliveryOf(eventId, subscription).map(d -> d.status() == status).orElse(false);
    }

    @Test
    void failingTwiceThenSucceeding_isRetriedWithTheSameIdAndVerifiablySigned() {
        try (var receiver = new Receiver(2)) {
            var subscription = subscribe("admin", receiver.url(), SUBMITTED);
            String secret = subscription.getString("secret");
            UUID eventId = publishSubmitted("POLITIE");

            Awaitility.await().atMost(WAIT).until(() -> receiver.calls.size() >= 3);
            assertEquals(
                    List.of(500, 500, 204),
                    receiver.calls.stream().map(Receiver.Call::answeredWith).toList());
            String messageId = receiver.calls.get(0).id();
            for (Receiver.Call call : receiver.calls) {
                assertEquals(messageId, call.id(), "one message id on every attempt");
                assertEquals(
                        WebhookSignature.sign(secret, call.id(), Long.parseLong(call.timestamp()), call.body()),
                        call.signature(),
                        "the signature verifies with the subscription's secret");
            }
            JsonPath body = JsonPath.from(receiver.calls.get(2).body());
            assertEquals(SUBMITTED, body.getString("type"));
            assertEquals(eventId.toString(), body.getString("eventId"));
            assertEquals("POLITIE", body.getString("data.organisation"));

            Awaitility.await().atMost(WAIT).until(() -> hasStatus(eventId, subscription, DeliveryStatus.SENT));
            given().auth()
                    .oauth2(tokenFor("admin"))
                    .queryParam("eventId", eventId)
                    .queryParam("subscriptionId", subscription.getString("id"))
                    .get("/api/deliveries")
                    .then()
                    .statusCode(200)
                    .body("items[0].id", equalTo(messageId))
                    .body("items[0].status", equalTo("SENT"))
                    .body("items[0].attempts", equalTo(3))
                    .body("items[0].lastError", nullValue())
                    .body("items[0].recipient", equalTo(receiver.url()));
        }
    }

    @Test
    void afterTheLastAttemptTheDeliveryIsDead_andReplayDeliversIt() {
        try (var receiver = new Receiver(1_000)) {
            // Logged in before the clock starts: the replay must come before the subscription fails long enough to be
            // disabled.
            String admin = tokenFor("admin");
            var subscription = subscribe("admin", receiver.url(), "*");
            UUID eventId = publishSubmitted("POLITIE");

            Awaitility.await().atMost(WAIT).until(() -> hasStatus(eventId, subscription, DeliveryStatus.DEAD));
            Delivery dead = deliveryOf(eventId, subscription).orElseThrow();
            assertEquals(4, dead.attempts(), "the first attempt and three retries");
            assertEquals("HTTP 500", dead.lastError());
            assertEquals(4, receiver.calls.size());

            receiver.failNext(0);
            given().auth()
                    .oauth2(admin)
                    .post("/api/deliveries/{id}/replay", dead.id())
                    .then()
                    .statusCode(200)
                    .body("status", equalTo("PENDING"));
            Awaitility.await().atMost(WAIT).until(() -> hasStatus(eventId, subscription, DeliveryStatus.SENT));
            assertEquals(dead.id().toString(), receiver.calls.get(4).id(), "the replay carries the same message id");
            given().auth()
                    .oauth2(tokenFor("admin"))
                    .get("/api/webhook-subscriptions/{id}", subscription.getString("id"))
                    .then()
                    .body("enabled", equalTo(true))
                    .body("failingSince", nullValue())
                    .body("secret", nullValue());

            String metrics =
                    given().get(metricsUrl).then().statusCode(200).extract().asString();
            assertTrue(webhookDeliveriesAtLeast(metrics, "dead", 1), metrics);
            assertTrue(webhookDeliveriesAtLeast(metrics, "failed", 3));
            assertTrue(webhookDeliveriesAtLeast(metrics, "sent", 1));
            assertTrue(PrometheusText.value(metrics, "notification_delivery_queue", Map.of("channel", "webhook"))
                    .isPresent());
        }
    }

    @Test
    void aSubscriptionFailingTooLong_isDisabledWithAnAlert_andItsDeadDeliveriesReplayAfterTheFix() {
        try (var receiver = new Receiver(1_000)) {
            var subscription = subscribe("admin.kmar", receiver.url(), SUBMITTED);
            String id = subscription.getString("id");
            UUID eventId = publishSubmitted("KMAR");

            Awaitility.await()
                    .atMost(WAIT)
                    .until(() -> QuarkusTransaction.requiringNew()
                            .call(() -> !WebhookSubscription.<WebhookSubscription>findById(UUID.fromString(id))
                                    .enabled()));
            long alerts = QuarkusTransaction.requiringNew()
                    .call(() -> Alert.count(
                            "organisation = ?1 and kind = ?2 and summary like ?3",
                            "KMAR",
                            AlertKind.WEBHOOK_DISABLED,
                            "%" + id + "%"));
            assertEquals(1, alerts);
            given().auth()
                    .oauth2(tokenFor("officer.kmar"))
                    .queryParam("kind", "WEBHOOK_DISABLED")
                    .queryParam("size", 200)
                    .get("/api/alerts")
                    .then()
                    .body("items.summary", hasItem(org.hamcrest.Matchers.containsString(id)));

            receiver.failNext(0);
            given().auth()
                    .oauth2(tokenFor("admin.kmar"))
                    .contentType(ContentType.JSON)
                    .body("{\"url\":\"%s\",\"eventTypes\":[\"%s\"],\"enabled\":true}"
                            .formatted(receiver.url(), SUBMITTED))
                    .put("/api/webhook-subscriptions/{id}", id)
                    .then()
                    .statusCode(200)
                    .body("enabled", equalTo(true));
            given().auth()
                    .oauth2(tokenFor("admin.kmar"))
                    .post("/api/webhook-subscriptions/{id}/dead-deliveries/replay", id)
                    .then()
                    .statusCode(200)
                    .body("replayed", equalTo(1));
            Awaitility.await().atMost(WAIT).until(() -> hasStatus(eventId, subscription, DeliveryStatus.SENT));
        }
    }

    @Test
    void subscriptionsAreTheAdminsOfTheirOwnOrganisation_andGetOnlyItsEvents() {
        try (var receiver = new Receiver(0)) {
            var politie = subscribe("admin", receiver.url(), SUBMITTED);
            UUID kmarEvent = publishSubmitted("KMAR");
            UUID politieEvent = publishSubmitted("POLITIE");
            Awaitility.await().atMost(WAIT).until(() -> hasStatus(politieEvent, politie, DeliveryStatus.SENT));
            assertTrue(
                    deliveriesOf(kmarEvent).stream()
                            .noneMatch(d -> d.subscriptionId().toString().equals(politie.getString("id"))),
                    "a KMAR event never goes to a POLITIE subscriber");

            String id = politie.getString("id");
            given().auth()
                    .oauth2(tokenFor("admin.kmar"))
                    .get("/api/webhook-subscriptions/{id}", id)
                    .then()
                    .statusCode(404);
            given().auth()
                    .oauth2(tokenFor("admin.kmar"))
                    .queryParam("eventId", politieEvent)
                    .get("/api/deliveries")
                    .then()
                    .statusCode(200)
                    .body("total", equalTo(0));
            given().auth()
                    .oauth2(tokenFor("officer.politie"))
                    .get("/api/webhook-subscriptions")
                    .then()
                    .statusCode(403);
            given().auth()
                    .oauth2(tokenFor("officer.politie"))
                    .get("/api/deliveries")
                    .then()
                    .statusCode(403);
            given().get("/api/webhook-subscriptions").then().statusCode(401);
            given().auth()
                    .oauth2(tokenFor("admin"))
                    .contentType(ContentType.JSON)
                    .body("{\"url\":\"ftp://example.nl/x\",\"eventTypes\":[\"*\"]}")
                    .post("/api/webhook-subscriptions")
                    .then()
                    .statusCode(400)
                    .body("errors[0].field", equalTo("url"));
            given().auth()
                    .oauth2(tokenFor("admin"))
                    .contentType(ContentType.JSON)
                    .body("{\"url\":\"https://example.nl/x\",\"eventTypes\":[]}")
                    .post("/api/webhook-subscriptions")
                    .then()
                    .statusCode(400)
                    .body("errors[0].field", equalTo("eventTypes"));
        }
    }
}
