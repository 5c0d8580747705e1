package nl.integrity.declaration;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import nl.integrity.platform.testing.ManagementPort;
import org.junit.jupiter.api.Test;

/** Health answers on the management port only; the public port knows no management endpoint. */
@QuarkusTest
class ManagementPortTest {

    @TestHTTPResource(value = "/health/ready", management = true)
    URL readiness;

    @Test
    void healthIsOnTheManagementPort_notOnThePublicOne() {
        ManagementPort.assertHealthOnlyThere(readiness);
    }
}
