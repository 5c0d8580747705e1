package nl.integrity.gateway;

import static io.restassured.RestAssured.given;
import static nl.integrity.platform.testing.KeycloakLogins.tokenFor;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

/** Every kind of gateway response carries the security headers: pages, problems, redirects, relayed answers. */
@QuarkusTest
@QuarkusTestResource(EchoService.class)
class SecurityHeadersTest {

    static void hasSecurityHeaders(ValidatableResponse response) {
        response.header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                .header("Content-Security-Policy", containsString("script-src 'self'"))
                .header("Content-Security-Policy", containsString("form-action 'self' http://localhost:8180"))
                .header("X-Frame-Options", equalTo("DENY"))
                .header("X-Content-Type-Options", equalTo("nosniff"))
                .header("Referrer-Policy", equalTo("same-origin"))
                // Plain http here: HSTS only under TLS.
                .header("Strict-Transport-Security", nullValue());
    }

    @Test
    void forwardedHeadersAreIgnored_unlessTheGatewayIsConfiguredBehindAProxy() {
        hasSecurityHeaders(
                given().header("X-Forwarded-Proto", "https").get("/").then().statusCode(200));
    }

    @Test
    void portalPage() {
        hasSecurityHeaders(given().get("/").then().statusCode(200));
    }

    @Test
    void problem() {
        hasSecurityHeaders(given().get("/api/alumni/1").then().statusCode(401));
    }

    @Test
    void loginRedirect() {
        hasSecurityHeaders(
                given().redirects().follow(false).get("/login").then().statusCode(302));
    }

    @Test
    void relayedServiceAnswer() {
        hasSecurityHeaders(given().auth()
                .oauth2(tokenFor("officer.politie"))
                .get("/api/alumni/1")
                .then()
                .statusCode(200));
    }
}
