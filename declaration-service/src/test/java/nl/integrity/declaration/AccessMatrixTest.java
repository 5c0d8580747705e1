package nl.integrity.declaration;

import static nl.integrity.declaration.Fixtures.ORDINARY;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Set;
import nl.integrity.platform.testing.AccessMatrix;
import nl.integrity.platform.testing.AccessMatrix.Endpoint;
import org.junit.jupiter.api.Test;

/**
 * Every declaration-service endpoint against every kind of caller, with real Keycloak tokens
 * ({@link AccessMatrix}): a POLITIE declaration does not exist for a KMAR alumnus or officer.
 */
@QuarkusTest
class AccessMatrixTest {

    @Test
    void everyEndpointServesOnlyItsRolesAndOrganisation() {
        Fixtures.plainAlumnus("POLITIE", "P100001");
        Fixtures.plainAlumnus("KMAR", "K200001");
        String d = "/api/declarations/" + Fixtures.declare("alumnus.politie", ORDINARY);
        Set<String> alumni = Set.of("alumnus.politie", "alumnus.kmar");
        Set<String> officers = Set.of("officer.politie", "officer.kmar");
        Set<String> admins = Set.of("admin", "admin.kmar");
        Set<String> staff = Set.of("officer.politie", "officer.kmar", "admin", "admin.kmar");
        Set<String> alumniAndOfficers = Set.of("alumnus.politie", "alumnus.kmar", "officer.politie", "officer.kmar");
        Set<String> people =
                Set.of("alumnus.politie", "alumnus.kmar", "officer.politie", "officer.kmar", "admin", "admin.kmar");
        List<Endpoint> endpoints = List.of(
                Endpoint.of("POST", "/api/declarations", alumni).json("{}"),
                Endpoint.of("GET", "/api/declarations", alumniAndOfficers),
                Endpoint.of("GET", d + "?purpose=AUDIT", alumniAndOfficers).ownedBy("POLITIE"),
                Endpoint.of("GET", d + "/versions?purpose=AUDIT", alumniAndOfficers)
                        .ownedBy("POLITIE"),
                Endpoint.of("GET", d + "/messages?purpose=AUDIT", alumniAndOfficers)
                        .ownedBy("POLITIE"),
                Endpoint.of("GET", "/api/declarations/me/export", alumni),
                Endpoint.of("PUT", d, alumni).json(ORDINARY).ownedBy("POLITIE"),
                Endpoint.of("POST", d + "/submission", alumni).ownedBy("POLITIE"),
                Endpoint.of("POST", d + "/information", alumni)
                        .json("{\"answer\":\"a\"}")
                        .ownedBy("POLITIE"),
                Endpoint.of("POST", d + "/claim", officers).ownedBy("POLITIE"),
                Endpoint.of("POST", d + "/assignment", officers)
                        .json("{\"officer\":\"officer.politie\"}")
                        .ownedBy("POLITIE"),
                Endpoint.of("POST", d + "/information-requests", officers)
                        .json("{\"question\":\"q\"}")
                        .ownedBy("POLITIE"),
                Endpoint.of("POST", d + "/decision", officers)
                        .json("{\"outcome\":\"OBJECTION\",\"rationale\":\"r\"}")
                        .ownedBy("POLITIE"),
                Endpoint.of("POST", d + "/decision/confirmation", officers)
                        .json("{\"approve\":true}")
                        .ownedBy("POLITIE"),
                Endpoint.of("GET", d + "/audit", staff).ownedBy("POLITIE"),
                Endpoint.of("GET", "/api/declarations/statistics", staff),
                Endpoint.of("GET", "/api/condition-types", people),
                Endpoint.of("GET", "/api/risk-rules", staff),
                Endpoint.of("GET", "/api/risk-rules/LATE_DECLARATION", staff),
                Endpoint.of("PUT", "/api/risk-rules/MATRIX_RULE", admins).json("{}"),
                // Last: it ends the declaration's life.
                Endpoint.of("POST", d + "/withdrawal", alumni).ownedBy("POLITIE"));
        List<String> wrong = AccessMatrix.violations(endpoints);
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
    }
}
