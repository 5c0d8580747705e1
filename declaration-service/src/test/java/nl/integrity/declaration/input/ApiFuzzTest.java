package nl.integrity.declaration.input;

import static nl.integrity.platform.testing.KeycloakLogins.tokenFor;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.net.URI;
import nl.integrity.declaration.Fixtures;
import nl.integrity.platform.testing.fuzz.ApiFuzzer;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * Every operation of declaration-service's OpenAPI document, with every role it serves, under a few
 * thousand generated hostile requests ({@link ApiFuzzer}). Its own application start, on a database
 * emptied for it: what the fuzzer creates meets no other test.
 */
@QuarkusTest
@TestProfile(ApiFuzzTest.OwnStart.class)
class ApiFuzzTest {

    /** No settings of its own: a profile only to get an application (and an emptied database) for the fuzzer alone. */
    public static class OwnStart implements QuarkusTestProfile {}

    @TestHTTPResource("/")
    URI service;

    @Test
    void everyOperation_withEveryRoleItServes_answersHostileInputWithAProblem_andChangesNothingWhenItRefuses() {
        Fixtures.plainAlumnus("POLITIE", "P100001");
        String declaration = Fixtures.declare("alumnus.politie", Fixtures.ORDINARY);
        var config = ConfigProvider.getConfig();
        var result = ApiFuzzer.of("declaration-service", service)
                .caller("alumnus", () -> tokenFor("alumnus.politie"))
                .caller("integrity-officer", () -> tokenFor("officer.politie"))
                .caller("integrity-admin", () -> tokenFor("admin"))
                .pathValue("id", declaration)
                .pathValue("code", "FUZZ_RULE")
                .body("POST /api/declarations", Fixtures.ORDINARY)
                .body("PUT /api/declarations/{id}", Fixtures.ORDINARY)
                .body("POST /api/declarations/{id}/assignment", "{\"officer\":\"officer.politie\"}")
                .body(
                        "POST /api/declarations/{id}/information-requests",
                        "{\"question\":\"Wat gaat u daar precies doen?\"}")
                .body("POST /api/declarations/{id}/information", "{\"answer\":\"Ik leid de nachtploeg.\"}")
                .body("POST /api/declarations/{id}/decision", """
                        {"outcome":"ALLOWED_WITH_CONDITIONS","rationale":"Raakt aan het vorige werk",
                         "conditions":[{"type":"NO_CONTACT_FORMER_UNIT","details":"Geen contact","startsOn":"2099-02-01","endsOn":"2100-02-01"}]}""")
                .body("POST /api/declarations/{id}/decision/confirmation", "{\"approve\":true}")
                .body("PUT /api/risk-rules/{code}", Fixtures.SELF_EMPLOYED_RULE)
                .database(
                        config.getValue("quarkus.datasource.jdbc.url", String.class),
                        config.getValue("quarkus.datasource.username", String.class),
                        config.getValue("quarkus.datasource.password", String.class))
                .tries(2500)
                .run();
        System.out.println("[fuzz] " + result.report());
        assertTrue(result.passed(), result.report());
    }
}
