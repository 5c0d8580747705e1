package nl.integrity.notification.input;

import static io.restassured.RestAssured.given;
import static nl.integrity.platform.testing.KeycloakLogins.tokenFor;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.integrity.notification.alert.Alert;
import nl.integrity.notification.delivery.Delivery;
import nl.integrity.notification.delivery.DeliveryStatus;
import nl.integrity.notification.inbound.DeclarationEventsConsumerTest;
import nl.integrity.platform.testing.KafkaProbe;
import nl.integrity.platform.testing.fuzz.ApiFuzzer;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * Every operation of notification-service's OpenAPI document, with every role it serves, under a few
 * thousand generated hostile requests ({@link ApiFuzzer}). Its own application start, on a database
 * emptied for it. Webhooks go to port 9 of this machine, where nothing listens.
 */
@QuarkusTest
@TestProfile(ApiFuzzTest.OwnStart.class)
class ApiFuzzTest {

    /**
     * An application (and an emptied database) for the fuzzer alone. Its subscription, failing for good, is never
     * switched off during the run: that would raise an alert in the middle of some later request.
     */
    public static class OwnStart implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("notification.webhooks.disable-after", "PT1H");
        }
    }

    static final String SUBSCRIPTION = """
            {"url":"https://127.0.0.1:9/fuzz","eventTypes":["nl.integrity.declaration.decided.v1"],"description":"Fuzz"}""";

    @TestHTTPResource("/")
    URI service;

    @Test
    void everyOperation_withEveryRoleItServes_answersHostileInputWithAProblem_andChangesNothingWhenItRefuses() {
        new DeclarationEventsConsumerTest().consumerHasJoined();
        String subscription = given().auth()
                .oauth2(tokenFor("admin"))
                .contentType(ContentType.JSON)
                .body(SUBSCRIPTION)
                .post("/api/webhook-subscriptions")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        // A decision: an alert for the office, a delivery for the subscription (dead soon: nothing listens on port 9).
        UUID declaration = UUID.randomUUID();
        KafkaProbe.publish(
                DeclarationEventsConsumerTest.TOPIC,
                declaration.toString(),
                UUID.randomUUID(),
                "nl.integrity.declaration.assessed.v1",
                """
                        {"declarationId":"%s","alumnusId":"%s","organisation":"POLITIE","versionNumber":1,"riskLevel":"CRITICAL",
                         "reasons":[],"late":false}""".formatted(declaration, UUID.randomUUID()));
        KafkaProbe.publish(
                DeclarationEventsConsumerTest.TOPIC,
                declaration.toString(),
                UUID.randomUUID(),
                "nl.integrity.declaration.decided.v1",
                """
                        {"declarationId":"%s","alumnusId":"%s","organisation":"POLITIE","outcome":"NO_OBJECTION"}""".formatted(declaration, UUID.randomUUID()));
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(() -> QuarkusTransaction.requiringNew()
                        .call(() -> Alert.count("declarationId", declaration) > 0
                                && Delivery.count("status", DeliveryStatus.DEAD) > 0));
        String alert = QuarkusTransaction.requiringNew()
                .call(() -> Alert.<Alert>find("declarationId", declaration)
                        .firstResult()
                        .id()
                        .toString());
        String delivery = QuarkusTransaction.requiringNew()
                .call(() -> Delivery.<Delivery>find("status", DeliveryStatus.DEAD)
                        .firstResult()
                        .id()
                        .toString());
        String mailing = given().auth()
                .oauth2(tokenFor("officer.politie"))
                .contentType(ContentType.JSON)
                .body("{\"subjectNl\":\"Nieuws\",\"textNl\":\"Tekst\"}")
                .post("/api/network-mailings")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        deliveriesSettled();
        var config = ConfigProvider.getConfig();
        var result = ApiFuzzer.of("notification-service", service)
                .caller("integrity-officer", () -> tokenFor("officer.politie"))
                .caller("integrity-admin", () -> tokenFor("admin"))
                .pathValue("/api/alerts/", "id", alert)
                .pathValue("/api/deliveries/", "id", delivery)
                .pathValue("/api/network-mailings/", "id", mailing)
                .pathValue("/api/webhook-subscriptions/", "id", subscription)
                .body("POST /api/alerts/{id}/assignment", "{\"officer\":\"officer.politie\"}")
                .body("POST /api/alerts/{id}/resolution", "{\"note\":\"Afgehandeld\"}")
                .body(
                        "POST /api/network-mailings",
                        "{\"subjectNl\":\"Nieuws\",\"textNl\":\"Tekst\",\"subjectEn\":\"News\",\"textEn\":\"Text\"}")
                .body("POST /api/webhook-subscriptions", SUBSCRIPTION)
                .body("PUT /api/webhook-subscriptions/{id}", SUBSCRIPTION)
                .database(
                        config.getValue("quarkus.datasource.jdbc.url", String.class),
                        config.getValue("quarkus.datasource.username", String.class),
                        config.getValue("quarkus.datasource.password", String.class))
                // A replayed delivery is tried again after the answer, in the background: its attempts are not the
                // request's doing, so they need not be waited for.
                .volatileColumns(
                        "delivery",
                        "status",
                        "attempts",
                        "next_attempt_at",
                        "last_error",
                        "last_status_code",
                        "sent_at")
                .volatileColumns("webhook_subscription", "failing_since", "enabled", "disabled_reason")
                .tries(2500)
                .run();
        System.out.println("[fuzz] " + result.report());
        assertTrue(result.passed(), result.report());
    }

    /** Every delivery of the fixture tried to its end (port 9 refuses: dead after the test profile's quick retries). */
    static void deliveriesSettled() {
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(50))
                .until(() -> QuarkusTransaction.requiringNew()
                                .call(() -> Delivery.count(
                                        "status in ?1", List.of(DeliveryStatus.PENDING, DeliveryStatus.FAILED)))
                        == 0);
    }
}
