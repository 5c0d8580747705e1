package nl.integrity.gateway;

import static io.restassured.RestAssured.given;
import static nl.integrity.platform.testing.KeycloakLogins.hrSystemToken;
import static nl.integrity.platform.testing.KeycloakLogins.tokenFor;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.matchesPattern;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

/** The gateway checks real Keycloak tokens, forwards to the owning service and fails with problems. */
@QuarkusTest
@QuarkusTestResource(EchoService.class)
class ApiProxyTest {

    @Test
    void forwardsToTheOwningServiceWithTokenQueryBodyAndRequestId() {
        String token = hrSystemToken();
        given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body("{\"a\":1}")
                .header("X-Request-Id", "trace-me-42")
                .when()
                .post("/api/departures?dryRun=true")
                .then()
                .statusCode(201)
                .header("Location", equalTo("/api/alumni/echoed"))
                .header("X-Request-Id", equalTo("trace-me-42"))
                .body("method", equalTo("POST"))
                .body("uri", equalTo("/api/departures?dryRun=true"))
                .body("authorization", equalTo("Bearer " + token))
                .body("requestId", equalTo("trace-me-42"))
                .body("body", equalTo("{'a':1}"));
    }

    @Test
    void continuesTheCallersTrace_withASpanOfItsOwn() {
        String trace = "0af7651916cd43dd8448eb211c80319c";
        given().auth()
                .oauth2(tokenFor("officer.politie"))
                .header("traceparent", "00-" + trace + "-b7ad6b7169203331-01")
                .when()
                .get("/api/alumni/123")
                .then()
                .statusCode(200)
                .body("traceparent", matchesPattern("00-" + trace + "-(?!b7ad6b7169203331)[0-9a-f]{16}-01"));
    }

    @Test
    void startsATrace_whenTheCallerHasNoneOrAnInvalidOne() {
        given().auth()
                .oauth2(tokenFor("officer.politie"))
                .header("traceparent", "00-00000000000000000000000000000000-b7ad6b7169203331-01")
                .when()
                .get("/api/alumni/123")
                .then()
                .statusCode(200)
                .body("traceparent", matchesPattern("00-(?!0{32})[0-9a-f]{32}-[0-9a-f]{16}-0[01]"));
    }

    @Test
    void givesEveryRequestAnIdWhenTheCallerHasNone() {
        given().auth()
                .oauth2(tokenFor("officer.politie"))
                .when()
                .get("/api/alumni/123")
                .then()
                .statusCode(200)
                .body("requestId", matchesPattern("[0-9a-f-]{36}"));
    }

    @Test
    void refusesCallsWithoutTokenWithProblem() {
        given().when()
                .get("/api/alumni/123")
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", equalTo("Bearer"))
                .body("type", endsWith("/problems/unauthorized"));
    }

    @Test
    void refusesForgedTokenWithProblem() {
        String token = tokenFor("officer.politie");
        String forged = token.substring(0, token.lastIndexOf('.') + 1) + "Zm9yZ2Vk";
        given().auth()
                .oauth2(forged)
                .when()
                .get("/api/alumni/123")
                .then()
                .statusCode(401)
                .contentType("application/problem+json");
    }

    @Test
    void answersQuickProblemWhenTheServiceIsDown() {
        given().auth()
                .oauth2(tokenFor("alumnus.politie"))
                .when()
                .get("/api/declarations")
                .then()
                .statusCode(503)
                .contentType("application/problem+json")
                .body("type", endsWith("/problems/service-unavailable"))
                .body("requestId", matchesPattern(".+"))
                // Connection refused is immediate; well under the 10 s service timeout, not a hang.
                .time(lessThan(5000L));
    }

    @Test
    void accessExport_isNeverGivenWithAServiceMissing() {
        // The alumni route answers, the declaration route is down: no partial export, a 503 naming the path.
        given().auth()
                .oauth2(tokenFor("alumnus.politie"))
                .when()
                .get("/api/me/export")
                .then()
                .statusCode(503)
                .contentType("application/problem+json")
                .body("type", endsWith("/problems/service-unavailable"))
                .body("instance", equalTo("/api/me/export"));
        given().auth()
                .oauth2(tokenFor("alumnus.politie"))
                .when()
                .post("/api/me/export")
                .then()
                .statusCode(405)
                .contentType("application/problem+json");
        given().when().get("/api/me/export").then().statusCode(401);
    }

    @Test
    void answersNotFoundProblemForPathsNoServiceServes() {
        given().auth()
                .oauth2(tokenFor("alumnus.politie"))
                .when()
                .get("/api/unknown")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void allowsUploadsTheirOwnLargerLimit() {
        given().auth()
                .oauth2(hrSystemToken())
                .contentType("text/csv")
                .body("x".repeat(4096))
                .when()
                .post("/api/departures/imports")
                .then()
                .statusCode(201)
                .body("body", org.hamcrest.Matchers.hasLength(4096));
        given().auth()
                .oauth2(hrSystemToken())
                .contentType("text/csv")
                .body("x".repeat(16 * 1024))
                .when()
                .post("/api/departures/imports")
                .then()
                .statusCode(413)
                .contentType("application/problem+json");
    }

    @io.quarkus.test.common.http.TestHTTPResource(value = "/health/ready", management = true)
    java.net.URL readiness;

    @Test
    void answersNotFoundProblemOutsideTheApiToo_andManagementIsOnItsOwnPort() {
        given().when().get("/no/such/page").then().statusCode(404).contentType("application/problem+json");
        given().when().get("/q/health/ready").then().statusCode(404).contentType("application/problem+json");
        given().when().get("/q/metrics").then().statusCode(404);
        given().when().get(readiness).then().statusCode(200);
    }

    @io.quarkus.test.common.http.TestHTTPResource(value = "/metrics", management = true)
    java.net.URL metrics;

    @Test
    void servesPrometheusMetricsOnTheManagementPort_perRouteTemplate() {
        given().auth()
                .oauth2(tokenFor("officer.politie"))
                .when()
                .get("/api/alumni/123")
                .then()
                .statusCode(200);
        String scraped = given().get(metrics).then().statusCode(200).extract().asString();
        var series =
                java.util.Map.of("application", "gateway", "method", "GET", "status", "200", "uri", "/api/alumni/**");
        org.junit.jupiter.api.Assertions.assertTrue(
                nl.integrity.platform.testing.PrometheusText.valueOr(
                                scraped, "http_server_requests_seconds_count", series, 0)
                        >= 1,
                scraped);
        org.junit.jupiter.api.Assertions.assertFalse(
                scraped.contains("/api/alumni/123"), "a path with an id is a label value only as its route");
    }

    @Test
    void refusesBodiesOverTheLimit() {
        given().auth()
                .oauth2(hrSystemToken())
                .contentType(ContentType.JSON)
                .body("{\"big\":\"" + "x".repeat(2048) + "\"}")
                .when()
                .post("/api/departures")
                .then()
                .statusCode(413)
                .contentType("application/problem+json");
    }
}
