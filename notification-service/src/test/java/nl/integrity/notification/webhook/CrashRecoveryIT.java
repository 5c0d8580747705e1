package nl.integrity.notification.webhook;

import static io.restassured.RestAssured.given;
import static nl.integrity.platform.testing.KeycloakLogins.tokenFor;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.restassured.http.ContentType;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import nl.integrity.platform.testing.KafkaProbe;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * kill -9 with deliveries pending: the packaged service runs as a process of its own, queues
 * webhook deliveries for events to a receiver that is down, is killed without warning, and
 * after a restart delivers every one, each message once (one 2xx per webhook-id).
 */
class CrashRecoveryIT {

    static final int EVENTS = 20;
    static final String DB = "jdbc:postgresql://127.0.0.1:5432/notification_test";

    @Test
    void pendingDeliveriesSurviveKillNine_andAreEachDeliveredOnce() throws Exception {
        String group = "crash-it-" + UUID.randomUUID();
        int port = freePort();
        try (var receiver = new Receiver(Integer.MAX_VALUE)) {
            Process service = start(port, group);
            try {
                awaitReady(port);
                String subscription = given().baseUri("http://127.0.0.1:" + port)
                        .auth()
                        .oauth2(tokenFor("admin"))
                        .contentType(ContentType.JSON)
                        .body("{\"url\":\"%s\",\"eventTypes\":[\"nl.integrity.declaration.submitted.v1\"]}"
                                .formatted(receiver.url()))
                        .post("/api/webhook-subscriptions")
                        .then()
                        .statusCode(201)
                        .extract()
                        .path("id");
                // The consumer joins its new group at the latest offset: publish until the first event is taken.
                Awaitility.await()
                        .atMost(Duration.ofSeconds(60))
                        .pollInterval(Duration.ofSeconds(2))
                        .until(() -> {
                            publishSubmitted();
                            return deliveries(subscription) > 0;
                        });
                for (int i = 1; i < EVENTS; i++) {
                    publishSubmitted();
                }
                Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> deliveries(subscription) >= EVENTS);
                Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> receiver.calls.size() >= EVENTS);

                service.destroyForcibly().waitFor(); // SIGKILL: no shutdown hooks, claimed deliveries left mid-lease
                receiver.failNext(0);
                service = start(port, group);
                awaitReady(port);

                long expected = deliveries(subscription);
                Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> sent(subscription) == expected);
                Map<String, Long> successesPerMessage = receiver.calls.stream()
                        .filter(c -> c.answeredWith() / 100 == 2)
                        .collect(Collectors.groupingBy(Receiver.Call::id, Collectors.counting()));
                assertEquals(expected, successesPerMessage.size(), "every pending delivery arrived");
                assertEquals(Set.of(1L), Set.copyOf(successesPerMessage.values()), "each message once");
                assertEquals(true, expected >= EVENTS, expected + " deliveries");
            } finally {
                service.destroyForcibly().waitFor();
            }
        }
    }

    static Process start(int port, String group) throws IOException {
        Map<String, String> env = new HashMap<>(System.getenv());
        env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
        env.put("QUARKUS_MANAGEMENT_PORT", Integer.toString(managementPort(port)));
        env.put("QUARKUS_DATASOURCE_JDBC_URL", DB);
        env.put("QUARKUS_DATASOURCE_PASSWORD", "notification");
        env.put("QUARKUS_OIDC_AUTH_SERVER_URL", nl.integrity.platform.testing.KeycloakLogins.REALM_URL);
        env.put("NOTIFICATION_WEBHOOKS_TRUSTED_HOSTS", "127.0.0.1"); // the test receiver
        // Its topics (test.*) and a consumer group of its own, apart from the platform and the other tests.
        env.put("PLATFORM_TOPIC_PREFIX", "test.");
        env.put("MP_MESSAGING_INCOMING_DECLARATION_EVENTS_GROUP_ID", group);
        env.put("MP_MESSAGING_INCOMING_DECLARATION_EVENTS_AUTO_OFFSET_RESET", "latest");
        env.put("MP_MESSAGING_INCOMING_ALUMNI_EVENTS_GROUP_ID", group);
        env.put("MP_MESSAGING_INCOMING_ALUMNI_EVENTS_AUTO_OFFSET_RESET", "latest");
        env.put("NOTIFICATION_WEBHOOKS_RETRY_SCHEDULE", String.join(",", java.util.Collections.nCopies(400, "PT0.5S")));
        env.put("NOTIFICATION_WEBHOOKS_POLL_INTERVAL", "200ms");
        env.put("NOTIFICATION_WEBHOOKS_LEASE", "PT2S");
        var builder = new ProcessBuilder(
                        "java", "-Xmx256m", "-XX:+UseSerialGC", "-jar", System.getProperty("service.jar"))
                .redirectErrorStream(true)
                .redirectOutput(new File(System.getProperty("java.io.tmpdir"), "notification-crash-it.log"));
        builder.environment().clear();
        builder.environment().putAll(env);
        return builder.start();
    }

    /** The management port beside the public one (both chosen free for this test). */
    static final Map<Integer, Integer> MANAGEMENT_PORTS = new java.util.concurrent.ConcurrentHashMap<>();

    static int managementPort(int port) {
        return MANAGEMENT_PORTS.computeIfAbsent(port, p -> {
            try {
                return freePort();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    static void awaitReady(int port) {
        HttpClient http = HttpClient.newHttpClient();
        Awaitility.await()
                .atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(500))
                .ignoreExceptions()
                .until(() -> http.send(
                                        HttpRequest.newBuilder(URI.create(
                                                        "http://127.0.0.1:" + managementPort(port) + "/q/health/ready"))
                                                .build(),
                                        HttpResponse.BodyHandlers.discarding())
                                .statusCode()
                        == 200);
    }

    static void publishSubmitted() {
        UUID declarationId = UUID.randomUUID();
        KafkaProbe.publish(
                "test.declaration.events",
                declarationId.toString(),
                UUID.randomUUID(),
                "nl.integrity.declaration.submitted.v1",
                """
                        {"declarationId":"%s","alumnusId":"%s","organisation":"POLITIE","employerName":"E","sector":"ICT",
                         "role":"R","startDate":"2027-03-01"}""".formatted(declarationId, UUID.randomUUID()));
    }

    static long deliveries(String subscription) throws SQLException {
        return count("select count(*) from delivery where subscription_id = ?::uuid", subscription);
    }

    static long sent(String subscription) throws SQLException {
        return count("select count(*) from delivery where subscription_id = ?::uuid and status = 'SENT'", subscription);
    }

    static long count(String sql, String subscription) throws SQLException {
        try (Connection c = DriverManager.getConnection(DB, "notification", "notification");
                var statement = c.prepareStatement(sql)) {
            statement.setString(1, subscription);
            try (var rs = statement.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
