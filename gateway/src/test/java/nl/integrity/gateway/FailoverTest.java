package nl.integrity.gateway;

import static io.restassured.RestAssured.given;
import static nl.integrity.platform.testing.KeycloakLogins.hrSystemToken;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Two instances of a service behind one route: calls are spread over both, and when one goes
 * down every call is answered by the other (a refused connection never reached the service, so
 * the call, also a POST, goes to the next instance).
 */
@QuarkusTest
@QuarkusTestResource(value = FailoverTest.TwoInstances.class, restrictToAnnotatedClass = true)
class FailoverTest {

    /** Two small services that say which instance answered. */
    public static class TwoInstances implements QuarkusTestResourceLifecycleManager {
        static HttpServer first;
        static HttpServer second;

        static HttpServer instance(String name) {
            try {
                HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
                server.createContext("/", exchange -> {
                    exchange.getRequestBody().readAllBytes();
                    byte[] body = ("{\"instance\":\"" + name + "\"}").getBytes(StandardCharsets.UTF_8);
                    exchange.getResponseHeaders().add("Content-Type", "application/json");
                    exchange.sendResponseHeaders(exchange.getRequestMethod().equals("POST") ? 201 : 200, body.length);
                    exchange.getResponseBody().write(body);
                    exchange.close();
                });
                server.start();
                return server;
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public Map<String, String> start() {
            first = instance("first");
            second = instance("second");
            return Map.of(
                    "quarkus.stork.notification.service-discovery.address-list",
                    "127.0.0.1:" + first.getAddress().getPort() + ",127.0.0.1:"
                            + second.getAddress().getPort());
        }

        @Override
        public void stop() {
            first.stop(0);
            second.stop(0);
        }
    }

    @Test
    void callsAreSpreadOverBothInstances_andWhenOneIsDownTheOtherAnswersEveryCall() {
        String hr = hrSystemToken();
        Set<String> answered = new HashSet<>();
        for (int i = 0; i < 6; i++) {
            answered.add(given().auth()
                    .oauth2(hr)
                    .get("/api/alerts/x")
                    .then()
                    .statusCode(200)
                    .extract()
                    .path("instance"));
        }
        assertEquals(Set.of("first", "second"), answered, "round robin over both instances");

        TwoInstances.second.stop(0); // the instance is gone: its port refuses connections

        for (int i = 0; i < 20; i++) {
            String instance = given().auth()
                    .oauth2(hr)
                    .contentType(ContentType.JSON)
                    .body("{}")
                    .post("/api/alerts/x/acknowledgement")
                    .then()
                    .statusCode(201)
                    .extract()
                    .path("instance");
            assertTrue("first".equals(instance), "answered by " + instance);
        }
    }
}
