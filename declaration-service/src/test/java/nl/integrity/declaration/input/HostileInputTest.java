package nl.integrity.declaration.input;

import static io.restassured.RestAssured.given;
import static nl.integrity.declaration.Fixtures.ORDINARY;
import static nl.integrity.platform.testing.KeycloakLogins.tokenFor;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.regex.Matcher;
import nl.integrity.declaration.Fixtures;
import nl.integrity.declaration.declaration.Declaration;
import nl.integrity.platform.outbox.OutboxMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What an alumnus or officer sends is stored as sent or refused at the boundary: a 400 problem
 * naming the field, no declaration, version, decision or event written.
 */
@QuarkusTest
class HostileInputTest {

    @BeforeEach
    void alumnus() {
        Fixtures.plainAlumnus("POLITIE", "P100001");
    }

    static ValidatableResponse refusedAt(ValidatableResponse response, String field) {
        return response.statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo(field))
                .body("detail", not(containsString("java.")));
    }

    static String with(String body, String field, String json) {
        return body.replaceFirst(
                "\"" + field + "\":(\"[^\"]*\"|[0-9a-z]+)", Matcher.quoteReplacement("\"" + field + "\":" + json));
    }

    static long declarations() {
        return QuarkusTransaction.requiringNew().call(() -> Declaration.count() + OutboxMessage.count());
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "employerName|\"Acme\\u0000 BV\"",
                "role|\"Adviseur\\u0007\"",
                "duties|\"Advies\\udc00\"",
                "kvkNumber|\"1234\\u00005678\"",
                "employerName|42",
                "hoursPerWeek|1.5",
                "hoursPerWeek|\"36\"",
                "hoursPerWeek|true",
                "paid|1",
                "paid|\"true\"",
                "selfEmployed|\"false\"",
                "expectsContact|0",
                "startDate|\"+999999999-12-31\"",
                "startDate|\"-0001-01-01\"",
                "startDate|\"2200-01-01\"",
                "sector|\"NO_SUCH_SECTOR\"",
                "sector|7"
            })
    void aDeclarationWithWhatCannotBeStored_isRefusedNamingTheField(String field, String value) {
        long before = declarations();
        refusedAt(
                given().auth()
                        .oauth2(tokenFor("alumnus.politie"))
                        .contentType(ContentType.JSON)
                        .body(with(ORDINARY, field, value))
                        .post("/api/declarations")
                        .then(),
                field);
        assertEquals(before, declarations(), "nothing stored, nothing announced");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "rationale|\"Prima\\u0000\"|rationale",
                "endsOn|\"+999999999-12-31\"|conditions[0].endsOn",
                "startsOn|\"0000-01-01\"|conditions[0].startsOn",
                "details|\"zaak\\u001b\"|conditions[0].details"
            })
    void aDecisionWithWhatCannotBeStored_isRefusedNamingTheField(String field, String value, String path) {
        String id = Fixtures.declare("alumnus.politie", ORDINARY);
        String decision = """
                {"outcome":"ALLOWED_WITH_CONDITIONS","rationale":"Prima",
                 "conditions":[{"type":"STAND_ASIDE","details":"zaak","startsOn":"2027-01-01","endsOn":"2027-12-31"}]}""";
        long before = declarations();
        refusedAt(
                given().auth()
                        .oauth2(tokenFor("officer.politie"))
                        .contentType(ContentType.JSON)
                        .body(with(decision, field, value))
                        .post("/api/declarations/{id}/decision", id)
                        .then(),
                path);
        assertEquals(before, declarations());
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {"textNl|\"Tekst\\u0000\"", "textEn|\"\\ud83d\"", "enabled|\"true\"", "expectedRevision|1.0"})
    void aRuleWithWhatCannotBeStored_isRefusedNamingTheField(String field, String value) {
        String rule = """
                {"level":"HIGH","conditions":[{"kind":"SELF_EMPLOYED"}],"textNl":"Tekst","textEn":"Text",
                 "enabled":true,"expectedRevision":0}""";
        refusedAt(
                given().auth()
                        .oauth2(tokenFor("admin"))
                        .contentType(ContentType.JSON)
                        .body(with(rule, field, value))
                        .put("/api/risk-rules/HOSTILE_TEST")
                        .then(),
                field);
        given().auth()
                .oauth2(tokenFor("admin"))
                .get("/api/risk-rules/HOSTILE_TEST")
                .then()
                .statusCode(404);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "dueBefore|+999999999-12-31",
                "dueBefore|1899-12-31",
                "dueBefore|gisteren",
                "assignee|%00",
                "status|%1B",
                "page|x",
                "size|9999999999",
                "late|ja"
            })
    void queueParameters_thatAreNoValue_ofTheirKind_areRefusedNamingThem(String parameter, String value) {
        refusedAt(
                given().auth()
                        .oauth2(tokenFor("officer.politie"))
                        .urlEncodingEnabled(false)
                        .get("/api/declarations?" + parameter + "=" + value)
                        .then(),
                parameter);
    }
}
