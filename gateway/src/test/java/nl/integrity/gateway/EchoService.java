package nl.integrity.gateway;

import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * A stand-in service behind the gateway for its routing tests: it answers with what it
 * received. A second route points at a port where nothing listens: a service that is down.
 * (The real services behind the gateway are exercised by the end-to-end tests.)
 */
public class EchoService implements QuarkusTestResourceLifecycleManager {

    private HttpServer server;

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String echo = """
                    {"method":"%s","uri":"%s","authorization":"%s","requestId":"%s","cookie":"%s","csrf":"%s","traceparent":"%s","body":"%s"}""".formatted(
                            exchange.getRequestMethod(),
                            exchange.getRequestURI(),
                            exchange.getRequestHeaders().getFirst("Authorization"),
                            exchange.getRequestHeaders().getFirst("X-Request-Id"),
                            exchange.getRequestHeaders().getFirst("Cookie"),
                            exchange.getRequestHeaders().getFirst("X-CSRF-Token"),
                            exchange.getRequestHeaders().getFirst("traceparent"),
                            new String(body, StandardCharsets.UTF_8).replace("\"", "'"));
            byte[] bytes = echo.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.getResponseHeaders().add("Location", "/api/alumni/echoed");
            exchange.sendResponseHeaders(exchange.getRequestMethod().equals("POST") ? 201 : 200, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
        return Map.of(
                "quarkus.stork.alumni.service-discovery.address-list",
                "127.0.0.1:" + server.getAddress().getPort(),
                "quarkus.stork.declaration.service-discovery.address-list",
                "127.0.0.1:" + freePort(),
                "gateway.max-body-size",
                "1K",
                "gateway.max-upload-size",
                "8K");
    }

    private static int freePort() {
        try (var socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }
}
