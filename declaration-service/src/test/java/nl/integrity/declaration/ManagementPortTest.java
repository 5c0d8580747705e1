package nl.integrity.declaration;

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
    void healthIsOnTheManagementPort_notOnThePublicOne() {
        ManagementPort.assertHealthOnlyThere(readiness);
    }

    @Test
    void metricsForPrometheus_onTheManagementPort_withTheOverdueDecisionsPerOffice() {
        String scraped = ManagementPort.assertPlatformMetrics(
                metrics,
                "declaration-service",
                "kafka_consumer_fetch_manager_records_lag_max",
                "kafka_producer_record_send_total");
        for (String organisation : List.of("POLITIE", "KMAR")) {
            assertTrue(
                    PrometheusText.value(scraped, "declarations_overdue", Map.of("organisation", organisation))
                            .isPresent(),
                    organisation);
        }
    }
}
