package nl.integrity.e2e;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An external system's webhook endpoint on this machine's loopback address: counts how often it
 * acknowledged (answered 2xx to) each {@code webhook-id}. While {@link #failing} it answers 503,
 * acknowledging nothing.
 */
final class WebhookReceiver implements AutoCloseable {

    final Map<String, AtomicInteger> acknowledged = new ConcurrentHashMap<>();
    final AtomicInteger refused = new AtomicInteger();
    final AtomicBoolean failing = new AtomicBoolean();
    private final HttpServer server;

    WebhookReceiver() throws IOException {
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
            }
            exchange.close();
        });
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
