package nl.integrity.notification;

import static io.restassured.RestAssured.given;

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
    void healthAndMetricsAreOnTheManagementPort_notOnThePublicOne() {
        ManagementPort.assertHealthOnlyThere(readiness);
        given().get(metrics).then().statusCode(200);
    }
}
