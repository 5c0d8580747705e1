package nl.integrity.alumni;

import static io.restassured.RestAssured.given;
import static nl.integrity.platform.testing.KeycloakLogins.tokenFor;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import nl.integrity.platform.testing.AccessMatrix;
import nl.integrity.platform.testing.AccessMatrix.Endpoint;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every alumni-service endpoint against every kind of caller, with real Keycloak tokens
 * ({@link AccessMatrix}): a caller of the other organisation finds a POLITIE record or profile
 * absent (404).
 */
@QuarkusTest
class AccessMatrixTest {

    String politieAlumnus;
    String politieProfile;
    String politieRequest;

    @BeforeEach
    void data() {
        politieAlumnus = DemoAlumni.registerPolitie();
        DemoAlumni.registerKmar();
        politieProfile = given().auth()
                .oauth2(tokenFor("admin"))
                .queryParam("functionGroup", "ICT")
                .get("/api/function-profiles")
                .then()
                .extract()
                .path("[0].id");
        politieRequest = given().auth()
                .oauth2(tokenFor("alumnus.politie"))
                .contentType("application/json")
                .body("{\"kind\":\"OBJECTION\",\"text\":\"Toegangsmatrix\"}")
                .post("/api/alumni/me/requests")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    List<Endpoint> endpoints() {
        String a = "/api/alumni/" + politieAlumnus;
        String p = "/api/function-profiles/" + politieProfile;
        String profile =
                "{\"code\":\"M-%s\",\"definition\":{\"title\":\"t\",\"functionGroup\":\"ICT\",\"riskLevel\":\"LOW\",\"coolingOffMonths\":1}}"
                        .formatted(UUID.randomUUID().toString().substring(0, 8).toUpperCase());
        Set<String> alumni = Set.of("alumnus.politie", "alumnus.kmar");
        Set<String> officers = Set.of("officer.politie", "officer.kmar");
        Set<String> admins = Set.of("admin", "admin.kmar");
        Set<String> staff = Set.of("officer.politie", "officer.kmar", "admin", "admin.kmar");
        Set<String> hr = Set.of("hr-politie", "hr-kmar");
        Set<String> importers = Set.of("hr-politie", "hr-kmar", "admin", "admin.kmar");
        Set<String> officersAndHr = Set.of("officer.politie", "officer.kmar", "hr-politie", "hr-kmar");
        return List.of(
                Endpoint.of("POST", "/api/departures", hr).json("{}"),
                Endpoint.of("POST", "/api/departures/imports", importers).body("text/csv", "organisation\n"),
                Endpoint.of("GET", "/api/departures/imports", importers),
                // A random import id: served, and unknown.
                Endpoint.of("GET", "/api/departures/imports/" + UUID.randomUUID(), importers)
                        .served(404),
                Endpoint.of("GET", "/api/alumni", officers),
                Endpoint.of("GET", "/api/alumni/me", alumni),
                // The HR system reads back what it registered (the Location of a registration); officers state a
                // purpose.
                Endpoint.of("GET", a + "?purpose=AUDIT", officersAndHr).ownedBy("POLITIE"),
                Endpoint.of("GET", a + "/audit-trail", admins).ownedBy("POLITIE"),
                Endpoint.of("GET", a + "/exit-interviews?purpose=AUDIT", officers)
                        .ownedBy("POLITIE"),
                Endpoint.of("POST", a + "/exit-interviews", officers)
                        .json("{\"heldOn\":\"2026-09-01\",\"interviewer\":\"X\",\"obligationsBriefed\":false}")
                        .ownedBy("POLITIE"),
                Endpoint.of("GET", a + "/briefing?purpose=AUDIT", officers).ownedBy("POLITIE"),
                Endpoint.of("POST", a + "/briefing", officers).ownedBy("POLITIE"),
                Endpoint.of("GET", a + "/account", officers).ownedBy("POLITIE"),
                Endpoint.of("POST", a + "/account/invitation", officers).ownedBy("POLITIE"),
                Endpoint.of("GET", a + "/agreements?purpose=AUDIT", officers).ownedBy("POLITIE"),
                // A template that is not in the library: served, and unknown.
                Endpoint.of("POST", a + "/agreements", officers)
                        .json("{\"templateId\":\"" + UUID.randomUUID() + "\"}")
                        .ownedBy("POLITIE")
                        .served(404),
                Endpoint.of("POST", a + "/agreements/" + UUID.randomUUID() + "/withdrawal", officers)
                        .ownedBy("POLITIE")
                        .served(404),
                Endpoint.of("GET", "/api/alumni/me/agreements", alumni),
                Endpoint.of("POST", "/api/alumni/me/agreements/" + UUID.randomUUID() + "/acceptance", alumni)
                        .served(404),
                Endpoint.of("GET", "/api/agreement-templates", staff),
                Endpoint.of("POST", "/api/agreement-templates", admins).json("{}"),
                Endpoint.of("PUT", "/api/agreement-templates/" + UUID.randomUUID(), admins)
                        .json("{}"),
                Endpoint.of("POST", "/api/agreement-templates/" + UUID.randomUUID() + "/retire", admins)
                        .served(404),
                Endpoint.of("GET", a + "/aftercare?purpose=AUDIT", officers).ownedBy("POLITIE"),
                Endpoint.of("PUT", a + "/aftercare/" + UUID.randomUUID(), officers)
                        .json("{\"doneOn\":\"2026-11-01\",\"outcome\":\"REACHED\"}")
                        .ownedBy("POLITIE")
                        .served(404),
                Endpoint.of("POST", a + "/aftercare", officers).ownedBy("POLITIE"),
                Endpoint.of("GET", "/api/alumni/me/aftercare", alumni),
                Endpoint.of("GET", "/api/alumni/me/briefing", alumni),
                Endpoint.of("POST", "/api/alumni/me/briefing/acknowledgement", alumni)
                        .json("{}"),
                Endpoint.of("GET", "/api/briefing-texts", admins),
                Endpoint.of("GET", "/api/briefing-texts/nl/revisions", admins),
                Endpoint.of("PUT", "/api/briefing-texts/nl", admins).json("{}"),
                Endpoint.of("POST", a + "/exit-interviews/appointments", officers)
                        .json("{\"scheduledFor\":\"2099-01-01\",\"interviewer\":\"X\"}")
                        .ownedBy("POLITIE"),
                Endpoint.of("PUT", a + "/exit-interviews/" + UUID.randomUUID(), officers)
                        .json("{\"heldOn\":\"2026-09-01\",\"interviewer\":\"X\",\"obligationsBriefed\":false}")
                        .ownedBy("POLITIE")
                        .served(404),
                Endpoint.of("PUT", "/api/alumni/me/contact", alumni).json("{}"),
                Endpoint.of("GET", "/api/alumni/me/network-consent", alumni),
                Endpoint.of("GET", "/api/alumni/me/export", alumni),
                Endpoint.of("GET", "/api/alumni/me/exit-interviews", alumni),
                Endpoint.of("POST", "/api/alumni/me/requests", alumni).json("{}"),
                Endpoint.of("GET", "/api/alumni/me/requests", alumni),
                Endpoint.of("GET", "/api/alumni/me/requests/" + UUID.randomUUID(), alumni)
                        .served(404),
                Endpoint.of("GET", "/api/alumni/data-subject-requests", officers),
                Endpoint.of("GET", "/api/alumni/data-subject-requests/open-count", officers),
                Endpoint.of("POST", "/api/alumni/data-subject-requests/" + politieRequest + "/answer", officers)
                        .json("{\"outcome\":\"REFUSED\",\"answer\":\"Geen grond\"}")
                        .ownedBy("POLITIE"),
                Endpoint.of("GET", "/api/function-profiles", staff),
                Endpoint.of("GET", p, staff).ownedBy("POLITIE"),
                Endpoint.of("POST", "/api/function-profiles", admins).json(profile),
                Endpoint.of("PUT", p, admins)
                        .json(
                                "{\"expectedVersion\":999,\"definition\":{\"title\":\"t\",\"functionGroup\":\"ICT\",\"riskLevel\":\"LOW\",\"coolingOffMonths\":1}}")
                        .ownedBy("POLITIE"));
    }

    @Test
    void everyEndpointServesOnlyItsRolesAndOrganisation() {
        List<String> wrong = AccessMatrix.violations(endpoints());
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
    }
}
