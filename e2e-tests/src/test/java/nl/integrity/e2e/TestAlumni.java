package nl.integrity.e2e;

import static io.restassured.RestAssured.given;
import static nl.integrity.platform.testing.KeycloakLogins.KEYCLOAK_URL;
import static nl.integrity.platform.testing.KeycloakLogins.hrSystemToken;
import static nl.integrity.platform.testing.KeycloakLogins.masterAdminToken;

import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Creates a fresh alumnus login in the real Keycloak for one journey, linked to a fresh personnel
 * number the way production links them (user attributes {@code organisation} and
 * {@code personnel_number}), and removes it afterwards.
 */
final class TestAlumni {

    private static final String ADMIN_API = KEYCLOAK_URL + "/admin/realms/integrity";

    record Login(String userId, String username, String password, String organisation, String personnelNumber) {
    }

    private TestAlumni() {
    }

    static Login create(String organisation) {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String username = "e2e-" + suffix;
        String personnelNumber = "E2E-" + suffix;
        String password = "pw-" + UUID.randomUUID();
        Map<String, Object> user = Map.of(
                "username", username,
                "enabled", true,
                "emailVerified", true,
                "firstName", "Eind",
                "lastName", "Tot Eind",
                "email", username + "@e2e.integrity.example.nl",
                "attributes", Map.of("organisation", List.of(organisation), "personnel_number", List.of(personnelNumber)),
                "credentials", List.of(Map.of("type", "password", "value", password, "temporary", false)));
        String location = given().auth().oauth2(masterAdminToken()).contentType(ContentType.JSON).body(user)
                .post(ADMIN_API + "/users")
                .then().statusCode(201).extract().header("Location");
        String userId = location.substring(location.lastIndexOf('/') + 1);
        Map<String, Object> role = given().auth().oauth2(masterAdminToken())
                .get(ADMIN_API + "/roles/alumnus").then().statusCode(200).extract().as(Map.class);
        given().auth().oauth2(masterAdminToken()).contentType(ContentType.JSON).body(List.of(role))
                .post(ADMIN_API + "/users/" + userId + "/role-mappings/realm")
                .then().statusCode(204);
        return new Login(userId, username, password, organisation, personnelNumber);
    }

    /**
     * The HR system registers this login's departure through the gateway (client credentials), with
     * one function held from {@code from}, so the alumnus has a record and an obligation window.
     */
    static void registerDeparture(Login login, String fullName, String functionCode, String from, String departureDate,
                                  String reason) {
        given().auth().oauth2(hrSystemToken()).contentType(ContentType.JSON)
                .body("""
                        {"organisation":"%s","personnelNumber":"%s","fullName":"%s",
                         "functions":[{"functionCode":"%s","from":"%s"}],
                         "departureDate":"%s","departureReason":"%s"}"""
                        .formatted(login.organisation(), login.personnelNumber(), fullName, functionCode, from,
                                departureDate, reason))
                .post(PortalLoginIT.GATEWAY + "/api/departures").then().statusCode(201);
    }

    static void delete(Login login) {
        given().auth().oauth2(masterAdminToken()).delete(ADMIN_API + "/users/" + login.userId());
    }
}
