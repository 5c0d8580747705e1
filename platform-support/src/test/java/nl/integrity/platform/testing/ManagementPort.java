package nl.integrity.platform.testing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;

/** What every service's management port promises: health there, and nothing of it on the public port. */
public final class ManagementPort {

    private ManagementPort() {}

    /**
     * Health answers on the management port ({@code readiness}: its {@code /health/ready}); the public
     * port answers a 404 problem for health and metrics.
     */
    public static void assertHealthOnlyThere(URL readiness) {
        given().get("/q/health/ready").then().statusCode(404).contentType("application/problem+json");
        given().get("/q/health").then().statusCode(404);
        given().get("/q/metrics").then().statusCode(404);
        given().get(readiness).then().statusCode(200).body("status", equalTo("UP"));
    }

    /**
     * The metrics every service serves on its management port, each series tagged with the service's
     * {@code application}: HTTP server with latency buckets (after a request), JVM, the outbox' backlog and age, the scheduled runs'
     * last success, and those {@code alsoNamed}. Returns the scraped text for the service's own checks.
     */
    public static String assertPlatformMetrics(URL metricsUrl, String application, String... alsoNamed) {
        // A request on the public port to count (the /q/ endpoints are not application requests, not counted).
        given().get("/api/").then().statusCode(greaterThanOrEqualTo(400));
        String metrics =
                given().get(metricsUrl).then().statusCode(200).extract().asString();
        Map<String, String> ofService = Map.of("application", application);
        List<String> names = new ArrayList<>(List.of(
                "http_server_requests_seconds_count",
                "http_server_requests_seconds_bucket",
                "jvm_memory_used_bytes",
                "outbox_backlog",
                "outbox_oldest_unpublished_age_seconds"));
        names.addAll(List.of(alsoNamed));
        for (String name : names) {
            assertTrue(
                    PrometheusText.value(metrics, name, ofService).isPresent(),
                    () -> name + " of " + application + " missing from " + metricsUrl);
        }
        assertTrue(
                PrometheusText.value(
                                metrics,
                                "scheduled_run_last_success_timestamp_seconds",
                                Map.of("application", application, "task", "platform-pruning"))
                        .isPresent(),
                "the hourly pruning's last success");
        // Counted in the database by a refresh every 15 s: NaN until the first, then a count.
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> assertTrue(
                        PrometheusText.value(
                                                given().get(metricsUrl)
                                                        .then()
                                                        .statusCode(200)
                                                        .extract()
                                                        .asString(),
                                                "outbox_backlog",
                                                ofService)
                                        .getAsDouble()
                                >= 0,
                        "a backlog is a count"));
        return metrics;
    }
}
