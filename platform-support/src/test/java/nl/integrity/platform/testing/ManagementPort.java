package nl.integrity.platform.testing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.net.URL;

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
}
