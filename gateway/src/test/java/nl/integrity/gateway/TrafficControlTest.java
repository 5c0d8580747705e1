package nl.integrity.gateway;

import static io.restassured.RestAssured.given;
import static nl.integrity.platform.testing.KeycloakLogins.hrSystemToken;
import static nl.integrity.platform.testing.KeycloakLogins.tokenFor;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Rate limits per user, per machine client and per address without login (429 with
 * Retry-After), and the circuit breaker of a service that keeps failing, with low limits so the
 * test can reach them.
 */
@QuarkusTest
@QuarkusTestResource(EchoService.class)
@TestProfile(TrafficControlTest.LowLimits.class)
class TrafficControlTest {

    public static class LowLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "gateway.rate-limit.user-per-minute",
                    "3",
                    "gateway.rate-limit.client-per-minute",
                    "4",
                    "gateway.rate-limit.anonymous-per-minute",
                    "2",
                    "gateway.circuit-breaker.failure-threshold",
                    "2",
                    "gateway.circuit-breaker.open-for",
                    "30s");
        }
    }

    @Test
    void eachUserHasTheirOwnAllowance_beyondItA429WithRetryAfter() {
        String officer = tokenFor("officer.politie");
        for (int i = 0; i < 3; i++) {
            given().auth().oauth2(officer).get("/api/alumni/1").then().statusCode(200);
        }
        given().auth()
                .oauth2(officer)
                .get("/api/alumni/1")
                .then()
                .statusCode(429)
                .contentType("application/problem+json")
                .body("type", endsWith("/problems/rate-limited"))
                // 3 per minute refill one every 20 s.
                .header("Retry-After", matchesPattern("[1-9][0-9]?"));
        given().auth()
                .oauth2(tokenFor("officer.kmar"))
                .get("/api/alumni/1")
                .then()
                .statusCode(200);
    }

    @Test
    void machineClientsHaveAnAllowanceOfTheirOwn() {
        String hr = hrSystemToken();
        for (int i = 0; i < 4; i++) {
            given().auth().oauth2(hr).get("/api/departures/x").then().statusCode(200);
        }
        given().auth()
                .oauth2(hr)
                .get("/api/departures/x")
                .then()
                .statusCode(429)
                .header("Retry-After", matchesPattern("[1-9][0-9]?"));
    }

    @Test
    void callsWithoutLoginAreLimitedPerAddress() {
        for (int i = 0; i < 2; i++) {
            given().get("/api/alumni/1").then().statusCode(401);
        }
        given().get("/api/alumni/1").then().statusCode(429).header("Retry-After", matchesPattern("[1-9][0-9]?"));
    }

    @Test
    void aServiceThatKeepsFailing_isGivenARest_andCallersHearAtOnce() {
        String alumnus = tokenFor("alumnus.kmar");
        for (int i = 0; i < 2; i++) {
            given().auth()
                    .oauth2(alumnus)
                    .get("/api/declarations")
                    .then()
                    .statusCode(503)
                    .header("Retry-After", nullValue());
        }
        given().auth()
                .oauth2(alumnus)
                .get("/api/declarations")
                .then()
                .statusCode(503)
                .contentType("application/problem+json")
                .body("detail", containsString("given a rest"))
                .header("Retry-After", matchesPattern("[1-3][0-9]?"))
                .time(lessThan(2000L));
    }
}
