package nl.integrity.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Behind a TLS-terminating proxy the gateway works with the public address the proxy forwards:
 * HSTS is sent, Keycloak gets an https redirect address on the public host, and the portal's
 * public origin is its own origin for the CORS check. (Without the setting, forwarded headers
 * are ignored: see SecurityHeadersTest.)
 */
@QuarkusTest
@QuarkusTestResource(EchoService.class)
@TestProfile(BehindProxyTest.Proxied.class)
class BehindProxyTest {

    static final String PUBLIC = "portal.integrity.example.nl";

    public static class Proxied implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("GATEWAY_BEHIND_PROXY", "true", "GATEWAY_TRUSTED_PROXIES", "127.0.0.1,::1");
        }
    }

    @Test
    void thePublicHttpsAddressIsUsedForHstsTheLoginRedirectAndTheSameOriginCheck() {
        given().header("X-Forwarded-Proto", "https")
                .header("X-Forwarded-Host", PUBLIC)
                .get("/")
                .then()
                .statusCode(200)
                .header("Strict-Transport-Security", containsString("max-age="));

        String location = given().redirects()
                .follow(false)
                .header("X-Forwarded-Proto", "https")
                .header("X-Forwarded-Host", PUBLIC)
                .get("/alumni/")
                .then()
                .statusCode(302)
                .extract()
                .header("Location");
        String redirectUri =
                URLDecoder.decode(location.replaceFirst(".*[?&]redirect_uri=([^&]+).*", "$1"), StandardCharsets.UTF_8);
        org.junit.jupiter.api.Assertions.assertTrue(
                redirectUri.startsWith("https://" + PUBLIC + "/"),
                "Keycloak sends the browser back to the public https address: " + redirectUri);

        // The portal's logout form, posted from its public origin, is not a cross-origin request.
        given().redirects()
                .follow(false)
                .header("X-Forwarded-Proto", "https")
                .header("X-Forwarded-Host", PUBLIC)
                .header("Origin", "https://" + PUBLIC)
                .post("/logout")
                .then()
                .statusCode(not(equalTo(403)));
    }
}
