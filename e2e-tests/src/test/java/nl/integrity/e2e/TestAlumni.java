package nl.integrity.e2e;

import static io.restassured.RestAssured.given;
import static nl.integrity.platform.testing.KeycloakLogins.hrSystemToken;
import static nl.integrity.platform.testing.KeycloakLogins.masterAdminToken;
import static nl.integrity.platform.testing.KeycloakLogins.tokenFor;

import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;

/**
 * Creates a fresh alumnus login in the real Keycloak for one journey, linked to a fresh personnel
 * number the way production links them (user attributes {@code organisation} and
 * {@code personnel_number}), and removes it afterwards.
 */
final class TestAlumni {

    private static final String ADMIN_API = nl.integrity.platform.testing.KeycloakLogins.ADMIN_URL;

    record Login(String userId, String username, String password, String organisation, String personnelNumber) {}

    private TestAlumni() {}

    static Login create(String organisation) {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String username = "e2e-" + suffix;
        String personnelNumber = "E2E-" + suffix;
        String password = "pw-" + UUID.randomUUID();
        Map<String, Object> user = Map.of(
                "username",
                username,
                "enabled",
                true,
                "emailVerified",
                true,
                "firstName",
                "Eind",
                "lastName",
                "Tot Eind",
                "email",
                username + "@e2e.integrity.example.nl",
                "attributes",
                Map.of("organisation", List.of(organisation), "personnel_number", List.of(personnelNumber)),
                "credentials",
                List.of(Map.of("type", "password", "value", password, "temporary", false)));
        String location = given().auth()
                .oauth2(masterAdminToken())
                .contentType(ContentType.JSON)
                .body(user)
                .post(ADMIN_API + "/users")
                .then()
                .statusCode(201)
                .extract()
                .header("Location");
        String userId = location.substring(location.lastIndexOf('/') + 1);
        Map<String, Object> role = given().auth()
                .oauth2(masterAdminToken())
                .get(ADMIN_API + "/roles/alumnus")
                .then()
                .statusCode(200)
                .extract()
                .as(Map.class);
        given().auth()
                .oauth2(masterAdminToken())
                .contentType(ContentType.JSON)
                .body(List.of(role))
                .post(ADMIN_API + "/users/" + userId + "/role-mappings/realm")
                .then()
                .statusCode(204);
        return new Login(userId, username, password, organisation, personnelNumber);
    }

    /**
     * The HR system registers this login's departure through the gateway (client credentials), with
     * one function held from {@code from}, so the alumnus has a record and an obligation window.
     */
    static void registerDeparture(
            Login login, String fullName, String functionCode, String from, String departureDate, String reason) {
        registerDeparture(login, fullName, null, functionCode, from, departureDate, reason);
    }

    /** The same, with the e-mail address the platform's notices go to (null: none). */
    static String registerDeparture(
            Login login,
            String fullName,
            String email,
            String functionCode,
            String from,
            String departureDate,
            String reason) {
        return given().auth()
                .oauth2(hrSystemToken(login.organisation()))
                .contentType(ContentType.JSON)
                .body("""
                        {"organisation":"%s","personnelNumber":"%s","fullName":"%s",%s
                         "functions":[{"functionCode":"%s","from":"%s"}],
                         "departureDate":"%s","departureReason":"%s"}""".formatted(
                                login.organisation(),
                                login.personnelNumber(),
                                fullName,
                                email == null ? "" : "\"email\":\"" + email + "\",",
                                functionCode,
                                from,
                                departureDate,
                                reason))
                .post(PortalLoginIT.GATEWAY + "/api/departures")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    /**
     * The alumnus declares through the gateway with their own token, once declaration-service has
     * their record (it learns of the departure from alumni-service's event); returns the id.
     */
    static String declare(Login login, String declaration) {
        String token = tokenFor(login.username(), login.password());
        String[] id = new String[1];
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
            var response = given().auth()
                    .oauth2(token)
                    .contentType(ContentType.JSON)
                    .body(declaration)
                    .post(PortalLoginIT.GATEWAY + "/api/declarations");
            id[0] = response.statusCode() == 201 ? response.path("id") : null;
            return id[0] != null;
        });
        return id[0];
    }

    static void delete(Login login) {
        given().auth().oauth2(masterAdminToken()).delete(ADMIN_API + "/users/" + login.userId());
    }

    /** Removes the login the platform made (by its name), if there is one. */
    static void deleteByUsername(String username) {
        List<String> ids = given().auth()
                .oauth2(masterAdminToken())
                .queryParam("username", username)
                .queryParam("exact", true)
                .get(ADMIN_API + "/users")
                .then()
                .statusCode(200)
                .extract()
                .path("id");
        ids.forEach(id -> given().auth().oauth2(masterAdminToken()).delete(ADMIN_API + "/users/" + id));
    }
}
