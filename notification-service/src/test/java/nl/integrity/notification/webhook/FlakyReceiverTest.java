package nl.integrity.notification.webhook;

import static io.restassured.RestAssured.given;
import static nl.integrity.platform.testing.KeycloakLogins.tokenFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import nl.integrity.notification.delivery.Delivery;
import nl.integrity.notification.delivery.DeliveryStatus;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A receiver that fails half of the time, in every way a receiver fails (an error, no answer
 * before the timeout, a slow answer, the connection closed without one), beside a healthy one:
 * every message reaches the flaky receiver acknowledged exactly once (or dies and is replayed),
 * the healthy receiver gets its messages as quickly as without the flaky one, and the
 * dispatcher's threads stay bounded.
 */
@QuarkusTest
@TestProfile(FlakyReceiverTest.ShortTimeouts.class)
class FlakyReceiverTest {

    public static class ShortTimeouts implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "notification.webhooks.timeout",
                    "PT1S",
                    "notification.webhooks.retry-schedule",
                    String.join(",", java.util.Collections.nCopies(8, "PT0.3S")),
                    "notification.webhooks.jitter",
                    "0",
                    "notification.webhooks.disable-after",
                    "PT1H",
                    "notification.webhooks.per-subscription",
                    "4",
                    "notification.webhooks.max-in-flight",
                    "16",
                    "notification.webhooks.sender-threads",
                    "4");
        }
    }

    /** A raw HTTP receiver: for each call, one of eight ways at random, half of them failures. */
    static final class Flaky implements AutoCloseable {
        final Map<String, AtomicInteger> acknowledged = new ConcurrentHashMap<>();
        final Map<String, AtomicInteger> failed = new ConcurrentHashMap<>();
        private final ServerSocket server;
        private final ExecutorService connections = Executors.newCachedThreadPool();
        private final Random random = new Random(20261130);

        Flaky() throws IOException {
            server = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
            connections.submit(() -> {
                while (!server.isClosed()) {
                    try {
                        Socket socket = server.accept();
                        connections.submit(() -> handle(socket));
                    } catch (IOException closed) {
                        return;
                    }
                }
            });
        }

        String url() {
            return "http://127.0.0.1:" + server.getLocalPort() + "/hook";
        }

        private void handle(Socket socket) {
            try (socket) {
                socket.setSoTimeout(5000);
                String id = readRequest(socket.getInputStream());
                int way;
                synchronized (random) {
                    way = random.nextInt(8);
                }
                switch (way) {
                    case 4 -> answer(socket, 500, id, false);
                    case 5 -> answer(socket, 503, id, false);
                    case 6 -> { // no answer before the timeout (the dispatcher gives up after 1 s)
                        Thread.sleep(1500);
                        answer(socket, 204, id, false);
                    }
                    case 7 ->
                        failed.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet(); // closed, no answer
                    case 3 -> { // slow, in time
                        Thread.sleep(300);
                        answer(socket, 204, id, true);
                    }
                    default -> answer(socket, 204, id, true);
                }
            } catch (IOException | InterruptedException e) {
                // the dispatcher hung up (after its timeout): nothing was acknowledged
            }
        }

        private void answer(Socket socket, int status, String id, boolean acknowledges) throws IOException {
            var out = socket.getOutputStream();
            out.write(("HTTP/1.1 " + status + " X\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            (acknowledges ? acknowledged : failed)
                    .computeIfAbsent(id, k -> new AtomicInteger())
                    .incrementAndGet();
        }

        /** Reads the request line, headers and body; returns the webhook-id. */
        private static String readRequest(InputStream in) throws IOException {
            var head = new ByteArrayOutputStream();
            int matched = 0;
            while (matched < 4) {
                int b = in.read();
                if (b < 0) {
                    throw new IOException("closed");
                }
                head.write(b);
                matched = (b == "\r\n\r\n".charAt(matched)) ? matched + 1 : (b == '\r' ? 1 : 0);
            }
            String id = null;
            int length = 0;
            for (String line : head.toString(StandardCharsets.US_ASCII).split("\r\n")) {
                String lower = line.toLowerCase();
                if (lower.startsWith("webhook-id:")) {
                    id = line.substring(line.indexOf(':') + 1).trim();
                } else if (lower.startsWith("content-length:")) {
                    length = Integer.parseInt(
                            line.substring(line.indexOf(':') + 1).trim());
                }
            }
            in.readNBytes(length);
            return id;
        }

        @Override
        public void close() throws IOException {
            server.close();
            connections.shutdownNow();
        }
    }

    @BeforeEach
    void consumerHasJoined() {
        new nl.integrity.notification.inbound.DeclarationEventsConsumerTest().consumerHasJoined();
    }

    @Test
    void aReceiverFailingHalfTheTime_getsEveryMessageOnce_andDelaysNobodyElse() throws Exception {
        int baselineThreads = Thread.activeCount();
        try (var flaky = new Flaky();
                var healthy = new Receiver(0)) {
            String flakyId =
                    WebhookDeliveryTest.subscribe("admin", flaky.url(), "*").getString("id");
            String healthyId =
                    WebhookDeliveryTest.subscribe("admin", healthy.url(), "*").getString("id");
            List<UUID> events = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                events.add(WebhookDeliveryTest.publishSubmitted("POLITIE"));
            }
            int[] peakThreads = {0};
            int[] peakSenders = {0};
            Awaitility.await()
                    .atMost(Duration.ofSeconds(90))
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> {
                        peakThreads[0] = Math.max(peakThreads[0], Thread.activeCount());
                        peakSenders[0] = Math.max(peakSenders[0], (int) Thread.getAllStackTraces().keySet().stream()
                                .filter(t -> t.getName().equals("webhook-sender"))
                                .count());
                        return open(flakyId) == 0 && open(healthyId) == 0;
                    });
            // Whatever died after its last attempt is sent again from the log.
            if (count(flakyId, DeliveryStatus.DEAD) > 0) {
                given().auth()
                        .oauth2(tokenFor("admin"))
                        .post("/api/webhook-subscriptions/{id}/dead-deliveries/replay", flakyId)
                        .then()
                        .statusCode(200);
                Awaitility.await()
                        .atMost(Duration.ofSeconds(60))
                        .until(() -> open(flakyId) == 0 && count(flakyId, DeliveryStatus.DEAD) == 0);
            }

            Set<String> flakyDeliveries = deliveryIds(flakyId);
            assertEquals(40, flakyDeliveries.size());
            assertEquals(flakyDeliveries, flaky.acknowledged.keySet(), "every message acknowledged");
            assertEquals(
                    Set.of(1),
                    flaky.acknowledged.values().stream().map(AtomicInteger::get).collect(Collectors.toSet()),
                    "none acknowledged twice");
            assertTrue(
                    flaky.failed.values().stream().mapToInt(AtomicInteger::get).sum() >= 20,
                    "the receiver really failed about half of the time: " + flaky.failed.size());

            List<Duration> healthyLatency = QuarkusTransaction.requiringNew()
                    .call(() -> Delivery.<Delivery>list("subscriptionId = ?1", UUID.fromString(healthyId)).stream()
                            .map(d -> Duration.between(d.createdAt(), d.sentAt()))
                            .toList());
            assertEquals(40, healthyLatency.size());
            Duration slowest = healthyLatency.stream().max(Duration::compareTo).orElseThrow();
            assertTrue(slowest.compareTo(Duration.ofSeconds(3)) < 0, "the healthy receiver waited " + slowest);
            assertTrue(peakSenders[0] <= 4, "sender threads: " + peakSenders[0]);
            assertTrue(peakThreads[0] < baselineThreads + 40, "threads " + baselineThreads + " -> " + peakThreads[0]);
            System.out.printf(
                    "[flaky receiver] acknowledged %d, failures %d, healthy slowest %s, threads %d -> %d%n",
                    flaky.acknowledged.size(),
                    flaky.failed.values().stream().mapToInt(AtomicInteger::get).sum(),
                    slowest,
                    baselineThreads,
                    peakThreads[0]);
        }
    }

    static long open(String subscription) {
        return QuarkusTransaction.requiringNew()
                .call(() -> Delivery.count(
                        "subscriptionId = ?1 and status in ?2",
                        UUID.fromString(subscription),
                        List.of(DeliveryStatus.PENDING, DeliveryStatus.FAILED)));
    }

    static long count(String subscription, DeliveryStatus status) {
        return QuarkusTransaction.requiringNew()
                .call(() ->
                        Delivery.count("subscriptionId = ?1 and status = ?2", UUID.fromString(subscription), status));
    }

    static Set<String> deliveryIds(String subscription) {
        return QuarkusTransaction.requiringNew()
                .call(() -> Delivery.<Delivery>list("subscriptionId", UUID.fromString(subscription)).stream()
                        .map(d -> d.id().toString())
                        .collect(Collectors.toSet()));
    }
}
