package nl.integrity.declaration;

import static io.restassured.RestAssured.given;
import static nl.integrity.declaration.Fixtures.ORDINARY;
import static nl.integrity.platform.testing.KeycloakLogins.hrSystemToken;
import static nl.integrity.platform.testing.KeycloakLogins.tokenFor;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Every declaration-service endpoint against every kind of caller, with real Keycloak tokens: no
 * token is 401; a role the endpoint does not serve is 403; a POLITIE declaration does not exist
 * (404) for a caller of KMAR, alumnus or officer; the callers it serves get past security.
 */
@QuarkusTest
class AccessMatrixTest {

    static final List<String> CALLERS = List.of("none", "alumnus.politie", "alumnus.kmar", "officer.politie",
            "officer.kmar", "admin", "admin.kmar", "hr-system");

    static final Map<String, String> ORGANISATION = Map.of("alumnus.politie", "POLITIE", "officer.politie", "POLITIE",
            "admin", "POLITIE", "alumnus.kmar", "KMAR", "officer.kmar", "KMAR", "admin.kmar", "KMAR");

    /** One endpoint: who it serves, and whether it is about a POLITIE declaration (other organisation: 404). */
    record Endpoint(String method, String path, String body, Set<String> serves, boolean politieDeclaration) {
    }

    List<Endpoint> endpoints(String id) {
        Set<String> alumni = Set.of("alumnus.politie", "alumnus.kmar");
        Set<String> officers = Set.of("officer.politie", "officer.kmar");
        Set<String> admins = Set.of("admin", "admin.kmar");
        Set<String> staff = Set.of("officer.politie", "officer.kmar", "admin", "admin.kmar");
        Set<String> alumniAndOfficers = Set.of("alumnus.politie", "alumnus.kmar", "officer.politie", "officer.kmar");
        Set<String> everyPerson = Set.of("alumnus.politie", "alumnus.kmar", "officer.politie", "officer.kmar", "admin",
                "admin.kmar");
        String d = "/api/declarations/" + id;
        return List.of(
                new Endpoint("POST", "/api/declarations", "{}", alumni, false),
                new Endpoint("GET", "/api/declarations", null, alumniAndOfficers, false),
                new Endpoint("GET", d, null, alumniAndOfficers, true),
                new Endpoint("GET", d + "/versions", null, alumniAndOfficers, true),
                new Endpoint("GET", d + "/messages", null, alumniAndOfficers, true),
                new Endpoint("PUT", d, ORDINARY, alumni, true),
                new Endpoint("POST", d + "/submission", null, alumni, true),
                new Endpoint("POST", d + "/information", "{\"answer\":\"a\"}", alumni, true),
                new Endpoint("POST", d + "/claim", null, officers, true),
                new Endpoint("POST", d + "/assignment", "{\"officer\":\"officer.politie\"}", officers, true),
                new Endpoint("POST", d + "/information-requests", "{\"question\":\"q\"}", officers, true),
                new Endpoint("POST", d + "/decision", "{\"outcome\":\"OBJECTION\",\"rationale\":\"r\"}", officers, true),
                new Endpoint("POST", d + "/decision/confirmation", "{\"approve\":true}", officers, true),
                new Endpoint("GET", d + "/audit", null, staff, true),
                new Endpoint("GET", "/api/declarations/statistics", null, staff, false),
                new Endpoint("GET", "/api/condition-types", null, everyPerson, false),
                new Endpoint("GET", "/api/risk-rules", null, staff, false),
                new Endpoint("GET", "/api/risk-rules/LATE_DECLARATION", null, staff, false),
                new Endpoint("PUT", "/api/risk-rules/MATRIX_RULE", "{}", admins, false),
                // Last: it ends the declaration's life.
                new Endpoint("POST", d + "/withdrawal", null, alumni, true));
    }

    @Test
    void everyEndpointServesOnlyItsRolesAndOrganisation() {
        Fixtures.plainAlumnus("POLITIE", "P100001");
        Fixtures.plainAlumnus("KMAR", "K200001");
        String id = Fixtures.declare("alumnus.politie", ORDINARY);
        List<String> wrong = new ArrayList<>();
        for (Endpoint e : endpoints(id)) {
            for (String caller : CALLERS) {
                int expected = expected(e, caller);
                int actual = call(e, caller);
                boolean ok = expected == 200 ? actual != 401 && actual != 403 && actual != 404 && actual < 500 : actual == expected;
                if (!ok) {
                    wrong.add(e.method() + " " + e.path() + " as " + caller + ": " + actual + ", expected "
                            + (expected == 200 ? "access" : expected));
                }
            }
        }
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
    }

    /** 200 stands for "gets past security" (the result itself may be a 400 or 409 for these bodies). */
    static int expected(Endpoint e, String caller) {
        if (caller.equals("none")) {
            return 401;
        }
        if (!e.serves().contains(caller)) {
            return 403;
        }
        if (e.politieDeclaration() && !"POLITIE".equals(ORGANISATION.get(caller))) {
            return 404;
        }
        return 200;
    }

    static int call(Endpoint e, String caller) {
        RequestSpecification request = given();
        if (!caller.equals("none")) {
            request = request.auth().oauth2(caller.equals("hr-system") ? hrSystemToken() : tokenFor(caller));
        }
        if (e.body() != null) {
            request = request.contentType("application/json").body(e.body());
        }
        return request.request(e.method(), e.path()).statusCode();
    }
}
