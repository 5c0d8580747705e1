package nl.integrity.gateway;

import static io.restassured.RestAssured.given;
import static nl.integrity.platform.testing.KeycloakLogins.tokenFor;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/**
 * Browsers on a configured origin may call the API with a bearer token; every other origin is
 * refused, the portal's own pages (same origin) keep working, and no origin gets credentials.
 */
@QuarkusTest
@QuarkusTestResource(EchoService.class)
class CorsTest {

    static final String PARTNER = "https://partner.example.nl";

    @Test
    void aConfiguredOriginGetsItsPreflightAnswered_withoutCredentials() {
        given().header("Origin", PARTNER)
                .header("Access-Control-Request-Method", "PUT")
                .header("Access-Control-Request-Headers", "authorization,content-type")
                .options("/api/alumni/1")
                .then()
                .statusCode(200)
                .header("Access-Control-Allow-Origin", equalTo(PARTNER))
                .header("Access-Control-Allow-Methods", containsString("PUT"))
                .header("Access-Control-Allow-Headers", containsString("Authorization"))
                .header("Access-Control-Allow-Credentials", not(equalTo("true")));
        given().auth()
                .oauth2(tokenFor("officer.politie"))
                .header("Origin", PARTNER)
                .get("/api/alumni/1")
                .then()
                .statusCode(200)
                .header("Access-Control-Allow-Origin", equalTo(PARTNER))
                .header("Access-Control-Expose-Headers", containsString("Location"));
    }

    @Test
    void anyOtherOriginIsRefused() {
        given().header("Origin", "https://evil.example.com")
                .header("Access-Control-Request-Method", "POST")
                .options("/api/alumni/1")
                .then()
                .header("Access-Control-Allow-Origin", nullValue());
        given().auth()
                .oauth2(tokenFor("officer.politie"))
                .header("Origin", "https://evil.example.com")
                .get("/api/alumni/1")
                .then()
                .statusCode(403)
                .header("Access-Control-Allow-Origin", nullValue());
    }

    @Test
    void anOpaqueOriginIsRefused() {
        // What a browser sends on a form post under Referrer-Policy: no-referrer, or from a sandboxed frame.
        given().header("Origin", "null").post("/logout").then().statusCode(403);
    }

    @Test
    void thePortalsOwnOriginIsNotCrossOrigin() {
        given().auth()
                .oauth2(tokenFor("officer.politie"))
                .header("Origin", "http://localhost:8089")
                .get("/api/alumni/1")
                .then()
                .statusCode(200);
    }
}
