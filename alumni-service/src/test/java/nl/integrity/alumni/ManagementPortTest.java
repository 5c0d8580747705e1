package nl.integrity.alumni;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import nl.integrity.platform.testing.ManagementPort;
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
    void metricsForPrometheus_onTheManagementPort() {
        ManagementPort.assertPlatformMetrics(metrics, "alumni-service", "kafka_producer_record_send_total");
    }
}
