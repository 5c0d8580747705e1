package nl.integrity.e2e;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An external system's webhook endpoint on this machine's loopback address: counts how often it
 * acknowledged (answered 2xx to) each {@code webhook-id}, and notes the acknowledgements that came
 * later than the sender waits for an answer (by the message's {@code webhook-timestamp}): the sender
 * has given up on those and rightly sends the message again. While {@link #failing} it answers 503,
 * acknowledging nothing.
 */
final class WebhookReceiver implements AutoCloseable {

    final Map<String, AtomicInteger> acknowledged = new ConcurrentHashMap<>();
    final AtomicInteger refused = new AtomicInteger();
    /** Acknowledgements given after the sender's timeout, per {@code webhook-id}. */
    final Map<String, AtomicInteger> late = new ConcurrentHashMap<>();

    final AtomicBoolean failing = new AtomicBoolean();
    private final HttpServer server;

    /**
     * @param senderTimeout how long the sender waits for an answer ({@code NOTIFICATION_WEBHOOKS_TIMEOUT}); an
     *                      acknowledgement later than that (less a second, as the timestamp counts whole
     *                      seconds) may not have reached it
     */
    WebhookReceiver(Duration senderTimeout) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/hook", exchange -> {
            exchange.getRequestBody().readAllBytes();
            String id = exchange.getRequestHeaders().getFirst("webhook-id");
            if (failing.get() || id == null) {
                refused.incrementAndGet();
                exchange.sendResponseHeaders(503, -1);
            } else {
                exchange.sendResponseHeaders(204, -1);
                acknowledged.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
                String timestamp = exchange.getRequestHeaders().getFirst("webhook-timestamp");
                if (timestamp != null
                        && Instant.now()
                                .isAfter(Instant.ofEpochSecond(Long.parseLong(timestamp))
                                        .plus(senderTimeout)
                                        .minusSeconds(1))) {
                    late.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
                }
            }
            exchange.close();
        });
        server.start();
    }

    /**
     * The {@code webhook-id}s acknowledged more often than the sender could have known to stop: every
     * acknowledgement but the last must have come after the sender's timeout for a message to be sent again.
     */
    Map<String, Integer> duplicates() {
        Map<String, Integer> duplicates = new java.util.TreeMap<>();
        acknowledged.forEach((id, count) -> {
            int late = this.late.getOrDefault(id, new AtomicInteger()).get();
            if (count.get() - 1 > late) {
                duplicates.put(id, count.get());
            }
        });
        return duplicates;
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
