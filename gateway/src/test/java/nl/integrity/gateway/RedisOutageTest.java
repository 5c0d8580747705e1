package nl.integrity.gateway;

import static io.restassured.RestAssured.given;
import static nl.integrity.platform.testing.KeycloakLogins.tokenFor;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.lessThan;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A gateway whose Redis is gone (nothing listens where it should be) answers at once with a
 * problem that says so, instead of hanging or letting requests past the rate limits, and its
 * readiness check reports why.
 */
@QuarkusTest
@QuarkusTestResource(EchoService.class)
@TestProfile(RedisOutageTest.RedisGone.class)
class RedisOutageTest {

    public static class RedisGone implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                return Map.of("quarkus.redis.hosts", "redis://127.0.0.1:" + socket.getLocalPort());
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    @Test
    void apiCalls_getA503ProblemNamingTheStore_quickly() {
        given().auth()
                .oauth2(tokenFor("officer.politie"))
                .get("/api/alumni/1")
                .then()
                .statusCode(503)
                .contentType("application/problem+json")
                .body("type", endsWith("/problems/state-store-unavailable"))
                .body("detail", containsString("session and rate-limit store"))
                .header("Retry-After", "5")
                .time(lessThan(5000L));
    }

    @io.quarkus.test.common.http.TestHTTPResource(value = "/health/ready", management = true)
    java.net.URL readiness;

    @Test
    void readiness_isDown_andNamesRedis() {
        given().get(readiness).then().statusCode(503).body(containsString("Redis"));
    }
}
