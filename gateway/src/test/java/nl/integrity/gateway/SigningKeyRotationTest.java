package nl.integrity.gateway;

import static io.restassured.RestAssured.given;
import static nl.integrity.platform.testing.KeycloakLogins.REALM_URL;
import static nl.integrity.platform.testing.KeycloakLogins.hrSystemToken;
import static nl.integrity.platform.testing.KeycloakLogins.masterAdminToken;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Keycloak rotates its signing key: a new key with a higher priority signs from then on. The
 * gateway has the old keys cached and must fetch the new one when a token names it, without a
 * restart; tokens signed with the old key, still published, keep working.
 */
@QuarkusTest
@QuarkusTestResource(EchoService.class)
class SigningKeyRotationTest {

    static final String ADMIN_API = nl.integrity.platform.testing.KeycloakLogins.ADMIN_URL;

    @Test
    void aTokenSignedWithANewlyRotatedKeyIsAccepted_andOneWithTheOldKeyStillIs() {
        String before = hrSystemToken();
        given().auth().oauth2(before).get("/api/alumni/1").then().statusCode(200); // the old keys are cached now

        String realmId = given().auth()
                .oauth2(masterAdminToken())
                .get(ADMIN_API)
                .then()
                .statusCode(200)
                .extract()
                .path("id");
        String location = given().auth()
                .oauth2(masterAdminToken())
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "name",
                        "rotation-test-" + UUID.randomUUID(),
                        "providerId",
                        "rsa-generated",
                        "providerType",
                        "org.keycloak.keys.KeyProvider",
                        "parentId",
                        realmId,
                        "config",
                        Map.of(
                                "priority",
                                List.of("1000"),
                                "enabled",
                                List.of("true"),
                                "active",
                                List.of("true"),
                                "algorithm",
                                List.of("RS256"),
                                "keySize",
                                List.of("2048"))))
                .post(ADMIN_API + "/components")
                .then()
                .statusCode(201)
                .extract()
                .header("Location");
        try {
            String after = given().formParams(Map.of(
                            "grant_type",
                            "client_credentials",
                            "client_id",
                            "hr-politie",
                            "client_secret",
                            System.getProperty("hr-politie.secret", "hr-politie-demo-secret")))
                    .post(REALM_URL + "/protocol/openid-connect/token")
                    .then()
                    .statusCode(200)
                    .extract()
                    .path("access_token");
            assertNotEquals(keyId(before), keyId(after), "Keycloak signs with the new key");

            given().auth().oauth2(after).get("/api/alumni/1").then().statusCode(200);
            given().auth().oauth2(before).get("/api/alumni/1").then().statusCode(200);
        } finally {
            given().auth().oauth2(masterAdminToken()).delete(location).then().statusCode(204);
        }
    }

    private static String keyId(String jwt) {
        String header =
                new String(Base64.getUrlDecoder().decode(jwt.substring(0, jwt.indexOf('.'))), StandardCharsets.UTF_8);
        return JsonPath.from(header).getString("kid");
    }
}
