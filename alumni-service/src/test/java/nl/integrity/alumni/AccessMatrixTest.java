package nl.integrity.alumni;

import static io.restassured.RestAssured.given;
import static nl.integrity.platform.testing.KeycloakLogins.hrSystemToken;
import static nl.integrity.platform.testing.KeycloakLogins.tokenFor;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every alumni-service endpoint against every kind of caller, with real Keycloak tokens: no token
 * is 401; a role the endpoint does not serve is 403; a caller of the other organisation finds a
 * POLITIE record or profile absent (404); the callers it serves get past security.
 */
@QuarkusTest
class AccessMatrixTest {

    static final List<String> CALLERS = List.of("none", "alumnus.politie", "alumnus.kmar", "officer.politie",
            "officer.kmar", "admin", "admin.kmar", "hr-system");

    /** One endpoint: who it serves, and whether it is about a POLITIE record (other organisation: 404). */
    record Endpoint(String method, String path, String contentType, String body, Set<String> serves,
                    boolean politieRecord) {
    }

    String politieAlumnus;
    String politieProfile;

    @BeforeEach
    void data() {
        politieAlumnus = DemoAlumni.registerPolitie();
        DemoAlumni.registerKmar();
        politieProfile = given().auth().oauth2(tokenFor("admin")).queryParam("functionGroup", "ICT")
                .get("/api/function-profiles").then().extract().path("[0].id");
    }

    List<Endpoint> endpoints() {
        String a = politieAlumnus;
        String profile = "{\"code\":\"M-%s\",\"definition\":{\"title\":\"t\",\"functionGroup\":\"ICT\",\"riskLevel\":\"LOW\",\"coolingOffMonths\":1}}"
                .formatted(UUID.randomUUID().toString().substring(0, 8).toUpperCase());
        Set<String> alumni = Set.of("alumnus.politie", "alumnus.kmar");
        Set<String> officers = Set.of("officer.politie", "officer.kmar");
        Set<String> admins = Set.of("admin", "admin.kmar");
        Set<String> staff = Set.of("officer.politie", "officer.kmar", "admin", "admin.kmar");
        return List.of(
                new Endpoint("POST", "/api/departures", "application/json", "{}", Set.of("hr-system"), false),
                new Endpoint("POST", "/api/departures/imports", "text/csv", "organisation\n", Set.of("hr-system"), false),
                new Endpoint("GET", "/api/departures/imports/" + UUID.randomUUID(), null, null, Set.of("hr-system"), false),
                new Endpoint("GET", "/api/alumni", null, null, officers, false),
                new Endpoint("GET", "/api/alumni/me", null, null, alumni, false),
                new Endpoint("GET", "/api/alumni/" + a + "?purpose=AUDIT", null, null, officers, true),
                new Endpoint("GET", "/api/alumni/" + a + "/audit-trail", null, null, admins, true),
                new Endpoint("GET", "/api/alumni/" + a + "/exit-interviews?purpose=AUDIT", null, null, officers, true),
                new Endpoint("POST", "/api/alumni/" + a + "/exit-interviews", "application/json",
                        "{\"heldOn\":\"2026-09-01\",\"interviewer\":\"X\",\"obligationsBriefed\":false}", officers, true),
                new Endpoint("PUT", "/api/alumni/me/contact", "application/json", "{}", alumni, false),
                new Endpoint("GET", "/api/alumni/me/network-consent", null, null, alumni, false),
                new Endpoint("GET", "/api/alumni/me/export", null, null, alumni, false),
                new Endpoint("GET", "/api/alumni/me/exit-interviews", null, null, alumni, false),
                new Endpoint("GET", "/api/function-profiles", null, null, staff, false),
                new Endpoint("GET", "/api/function-profiles/" + politieProfile, null, null, staff, true),
                new Endpoint("POST", "/api/function-profiles", "application/json", profile, admins, false),
                new Endpoint("PUT", "/api/function-profiles/" + politieProfile, "application/json",
                        "{\"expectedVersion\":999,\"definition\":{\"title\":\"t\",\"functionGroup\":\"ICT\",\"riskLevel\":\"LOW\",\"coolingOffMonths\":1}}",
                        admins, true));
    }

    static final Map<String, String> ORGANISATION = Map.of("alumnus.politie", "POLITIE", "officer.politie", "POLITIE",
            "admin", "POLITIE", "alumnus.kmar", "KMAR", "officer.kmar", "KMAR", "admin.kmar", "KMAR");

    @Test
    void everyEndpointServesOnlyItsRolesAndOrganisation() {
        List<String> wrong = new ArrayList<>();
        for (Endpoint e : endpoints()) {
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
        if (e.politieRecord() && !"POLITIE".equals(ORGANISATION.get(caller))) {
            return 404;
        }
        if (e.path().startsWith("/api/departures/imports/")) {
            return 404; // a random import id: served, and unknown
        }
        return 200;
    }

    static int call(Endpoint e, String caller) {
        RequestSpecification request = given();
        if (!caller.equals("none")) {
            request = request.auth().oauth2(caller.equals("hr-system") ? hrSystemToken() : tokenFor(caller));
        }
        if (e.contentType() != null) {
            request = request.contentType(e.contentType()).body(e.body());
        }
        return request.request(e.method(), e.path()).statusCode();
    }
}
