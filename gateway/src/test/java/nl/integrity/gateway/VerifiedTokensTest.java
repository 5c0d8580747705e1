package nl.integrity.gateway;

import static io.restassured.RestAssured.given;
import static nl.integrity.platform.testing.KeycloakLogins.REALM_URL;
import static nl.integrity.platform.testing.KeycloakLogins.tokenFor;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import nl.integrity.platform.testing.PrometheusText;
import org.junit.jupiter.api.Test;

/**
 * With real Keycloak tokens: a bearer token is verified once and then recognised, and any token
 * that is not the very one verified, a forged one above all, is verified, and refused, as before.
 */
@QuarkusTest
@QuarkusTestResource(EchoService.class)
class VerifiedTokensTest {

    @Inject
    VerifiedTokens tokens;

    @TestHTTPResource(value = "/metrics", management = true)
    URL metrics;

    @Test
    void aTokenIsVerifiedOnce_thenRecognised_andEachRequestIsItsCallersOwn() {
        String token = freshHrSystemToken();
        assertNull(tokens.find(token));

        given().auth().oauth2(token).get("/api/alumni/1").then().statusCode(200);
        assertNotNull(tokens.find(token), "kept after quarkus-oidc verified it");
        assertEquals(
                "service-account-hr-politie", tokens.find(token).getPrincipal().getName());

        double hits = hits();
        given().auth()
                .oauth2(token)
                .get("/api/alumni/2")
                .then()
                .statusCode(200)
                .body("authorization", equalTo("Bearer " + token));
        assertEquals(hits + 1, hits(), "the second request was answered from the cache");
    }

    @Test
    void aCachedTokenWithAnyPartChangedIsRefused() {
        String token = tokenFor("officer.politie");
        given().auth().oauth2(token).get("/api/alumni/1").then().statusCode(200);
        assertNotNull(tokens.find(token));

        String[] parts = token.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        String otherPayload = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(
                        payload.replace("officer.politie", "officer.kmar").getBytes(StandardCharsets.UTF_8));
        // A character in the middle: the last one carries padding bits that the decoder ignores.
        int middle = parts[2].length() / 2;
        char changed = parts[2].charAt(middle) == 'A' ? 'B' : 'A';
        String otherSignature = parts[2].substring(0, middle) + changed + parts[2].substring(middle + 1);
        for (String forged : new String[] {
            parts[0] + "." + otherPayload + "." + parts[2], parts[0] + "." + parts[1] + "." + otherSignature
        }) {
            given().auth()
                    .oauth2(forged)
                    .get("/api/alumni/1")
                    .then()
                    .statusCode(401)
                    .contentType("application/problem+json");
            assertNull(tokens.find(forged), "a refused token is never kept");
        }
    }

    /** A token no other test has sent (every client-credentials grant gives a new one). */
    private static String freshHrSystemToken() {
        return given().formParams(Map.of(
                        "grant_type", "client_credentials",
                        "client_id", "hr-politie",
                        "client_secret", System.getProperty("hr-politie.secret", "hr-politie-demo-secret")))
                .post(REALM_URL + "/protocol/openid-connect/token")
                .then()
                .statusCode(200)
                .extract()
                .path("access_token");
    }

    private double hits() {
        String scraped = given().get(metrics).then().statusCode(200).extract().asString();
        return PrometheusText.valueOr(
                scraped, "cache_gets_total", Map.of("cache", "gateway.verified-tokens", "result", "hit"), 0);
    }
}
