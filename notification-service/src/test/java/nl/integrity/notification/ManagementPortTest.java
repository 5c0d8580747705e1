package nl.integrity.notification;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.util.List;
import java.util.Map;
import nl.integrity.platform.testing.ManagementPort;
import nl.integrity.platform.testing.PrometheusText;
import org.junit.jupiter.api.Test;

/** Health and metrics answer on the management port only; the public port knows no management endpoint. */
@QuarkusTest
class ManagementPortTest {

    @TestHTTPResource(value = "/health/ready", management = true)
    URL readiness;

    @TestHTTPResource(value = "/metrics", management = true)
    URL metrics;

    @Test
    void healthAndMetricsAreOnTheManagementPort_notOnThePublicOne() {
        ManagementPort.assertHealthOnlyThere(readiness);
        String scraped = ManagementPort.assertPlatformMetrics(
                metrics, "notification-service", "kafka_consumer_fetch_manager_records_lag_max");
        for (String channel : List.of("email", "webhook")) {
            assertTrue(
                    PrometheusText.value(scraped, "notification_delivery_queue", Map.of("channel", channel))
                            .isPresent(),
                    channel);
        }
    }
}
