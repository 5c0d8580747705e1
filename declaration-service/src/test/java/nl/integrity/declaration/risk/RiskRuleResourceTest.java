package nl.integrity.declaration.risk;

import static io.restassured.RestAssured.given;
import static nl.integrity.declaration.Fixtures.ORDINARY;
import static nl.integrity.declaration.Fixtures.declare;
import static nl.integrity.platform.testing.KeycloakLogins.tokenFor;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.UUID;
import nl.integrity.declaration.Fixtures;
import org.junit.jupiter.api.Test;

/** Risk rules are data administrators maintain; a change applies to the next assessment. */
@QuarkusTest
class RiskRuleResourceTest {

    static final String SELF_EMPLOYED_RULE = Fixtures.SELF_EMPLOYED_RULE;

    @Test
    void adminCreatesARule_andTheNextAssessmentUsesIt_inTheirOrganisationOnly() {
        String code = "SELF_EMPLOYED_"
                + UUID.randomUUID().toString().substring(0, 4).toUpperCase().replace('-', '_');
        String body = ORDINARY.replace("\"selfEmployed\":false", "\"selfEmployed\":true");
        Fixtures.plainAlumnus("POLITIE", "P100001");
        Fixtures.plainAlumnus("KMAR", "K200001");

        given().auth()
                .oauth2(tokenFor("admin"))
                .contentType(ContentType.JSON)
                .body(SELF_EMPLOYED_RULE)
                .put("/api/risk-rules/{code}", code)
                .then()
                .statusCode(201)
                .body("revision", equalTo(1))
                .body("organisation", equalTo("POLITIE"));

        String politie = declare("alumnus.politie", body);
        given().auth()
                .oauth2(tokenFor("alumnus.politie"))
                .get("/api/declarations/{id}", politie)
                .then()
                .body("risk.level", equalTo("HIGH"))
                .body(
                        "risk.reasons.find { it.code == '%s' }.textEn".formatted(code),
                        equalTo("You work self-employed in hospitality."));
        String kmar = declare("alumnus.kmar", body);
        given().auth()
                .oauth2(tokenFor("alumnus.kmar"))
                .get("/api/declarations/{id}", kmar)
                .then()
                .body("risk.reasons.code", not(hasItem(code)));

        // Disabled: the next version is assessed without it; the first version keeps its reason.
        given().auth()
                .oauth2(tokenFor("admin"))
                .contentType(ContentType.JSON)
                .body(SELF_EMPLOYED_RULE.replace("\"enabled\":true", "\"enabled\":false"))
                .put("/api/risk-rules/{code}", code)
                .then()
                .statusCode(200)
                .body("revision", equalTo(2))
                .body("enabled", equalTo(false));
        given().auth()
                .oauth2(tokenFor("alumnus.politie"))
                .contentType(ContentType.JSON)
                .body(body.replace("Runs the night shift", "Runs the night shift alone"))
                .put("/api/declarations/{id}", politie)
                .then()
                .statusCode(200)
                .body("risk.reasons.code", not(hasItem(code)));
        given().auth()
                .oauth2(tokenFor("alumnus.politie"))
                .get("/api/declarations/{id}/versions", politie)
                .then()
                .body("[0].risk.reasons.code", hasItem(code))
                .body("[0].risk.reasons.find { it.code == '%s' }.ruleRevision".formatted(code), equalTo(1));

        given().auth()
                .oauth2(tokenFor("admin.kmar"))
                .get("/api/risk-rules/{code}", code)
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(tokenFor("officer.politie"))
                .get("/api/risk-rules")
                .then()
                .statusCode(200)
                .body("code", hasItem(code))
                .body("code", hasItem("LATE_DECLARATION"));
    }

    @Test
    void aChangeMadeOnAnOutdatedRevision_isRefusedAndChangesNothing() {
        String code = "STALE_"
                + UUID.randomUUID().toString().substring(0, 4).toUpperCase().replace('-', '_');
        String first = SELF_EMPLOYED_RULE.replace("\"enabled\":true", "\"enabled\":true,\"expectedRevision\":0");
        given().auth()
                .oauth2(tokenFor("admin"))
                .contentType(ContentType.JSON)
                .body(first)
                .put("/api/risk-rules/{code}", code)
                .then()
                .statusCode(201)
                .body("revision", equalTo(1));
        given().auth()
                .oauth2(tokenFor("admin"))
                .contentType(ContentType.JSON)
                .body(first)
                .put("/api/risk-rules/{code}", code)
                .then()
                .statusCode(409)
                .body("type", org.hamcrest.Matchers.endsWith("/problems/stale-version"));

        given().auth()
                .oauth2(tokenFor("admin"))
                .contentType(ContentType.JSON)
                .body(first.replace("\"expectedRevision\":0", "\"expectedRevision\":1")
                        .replace("HIGH", "CRITICAL"))
                .put("/api/risk-rules/{code}", code)
                .then()
                .statusCode(200)
                .body("revision", equalTo(2));
        given().auth()
                .oauth2(tokenFor("admin"))
                .contentType(ContentType.JSON)
                .body(first.replace("\"expectedRevision\":0", "\"expectedRevision\":1")
                        .replace("\"enabled\":true", "\"enabled\":false"))
                .put("/api/risk-rules/{code}", code)
                .then()
                .statusCode(409)
                .body("detail", org.hamcrest.Matchers.containsString("revision 2"));
        given().auth()
                .oauth2(tokenFor("admin"))
                .get("/api/risk-rules/{code}", code)
                .then()
                .body("revision", equalTo(2))
                .body("level", equalTo("CRITICAL"))
                .body("enabled", equalTo(true));
    }

    @Test
    void onlyAdminsChangeRules() {
        for (String user : List.of("officer.politie", "alumnus.politie")) {
            given().auth()
                    .oauth2(tokenFor(user))
                    .contentType(ContentType.JSON)
                    .body(SELF_EMPLOYED_RULE)
                    .put("/api/risk-rules/LATE_DECLARATION")
                    .then()
                    .statusCode(403);
        }
        given().auth()
                .oauth2(tokenFor("alumnus.politie"))
                .get("/api/risk-rules")
                .then()
                .statusCode(403);
    }

    @Test
    void invalidRules_areProblemsNamingTheFields() {
        given().auth()
                .oauth2(tokenFor("admin"))
                .contentType(ContentType.JSON)
                .body("""
                        {"level":"HIGH","enabled":true,"textNl":"x","textEn":"y",
                         "conditions":[{"kind":"SECTOR_IN","values":["MOON_MINING"]},{"kind":"FUNCTION_RISK_AT_LEAST"}]}""")
                .put("/api/risk-rules/BAD_RULE")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("conditions[0].values", "conditions[1].level")));
        given().auth()
                .oauth2(tokenFor("admin"))
                .contentType(ContentType.JSON)
                .body("{\"level\":\"HIGH\"}")
                .put("/api/risk-rules/BAD_RULE")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("conditions"));
        given().auth()
                .oauth2(tokenFor("admin"))
                .contentType(ContentType.JSON)
                .body(SELF_EMPLOYED_RULE)
                .put("/api/risk-rules/lower case")
                .then()
                .statusCode(400);
        given().auth()
                .oauth2(tokenFor("admin"))
                .get("/api/risk-rules/BAD_RULE")
                .then()
                .statusCode(404);
    }
}
