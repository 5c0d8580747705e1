package nl.integrity.alumni.input;

import static io.restassured.RestAssured.given;
import static nl.integrity.platform.testing.KeycloakLogins.hrSystemToken;
import static nl.integrity.platform.testing.KeycloakLogins.tokenFor;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.UUID;
import nl.integrity.alumni.registry.Alumnus;
import nl.integrity.platform.outbox.OutboxMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Input the database cannot hold or the code cannot reckon with is refused at the boundary: a
 * 400 problem naming the field, nothing stored, nothing announced.
 */
@QuarkusTest
class HostileInputTest {

    static String departure(String number, String field, String json) {
        String body = """
                {"organisation":"POLITIE","personnelNumber":"%s","fullName":"Jan Test","email":"jan@example.nl",
                 "unit":"Recherche Noord","functions":[{"functionCode":"REC-TAC","from":"2015-01-01"}],
                 "departureDate":"2026-06-30","departureReason":"VOLUNTARY"}""".formatted(number);
        return field == null
                ? body
                : body.replaceFirst(
                        "\"" + field + "\":(\"[^\"]*\"|\\[[^]]*])",
                        java.util.regex.Matcher.quoteReplacement("\"" + field + "\":" + json));
    }

    static ValidatableResponse refusedAt(ValidatableResponse response, String field) {
        return response.statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo(field))
                .body("detail", not(containsString("java.")))
                .body("detail", not(containsString("Exception")));
    }

    static void nothingStored(String number) {
        assertEquals(0L, (long) QuarkusTransaction.requiringNew().call(() -> Alumnus.count("personnelNumber", number)));
        assertEquals(0L, (long) QuarkusTransaction.requiringNew()
                .call(() -> OutboxMessage.count("payload like ?1", "%" + number + "%")));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "fullName|\"Jan\\u0000Test\"",
                "fullName|\"Jan\\u001bTest\"",
                "fullName|\"Jan\\ud800\"",
                "email|\"jan\\u0000@example.nl\"",
                "unit|\"Noord\\u0085\"",
                "personnelNumber|\"P\\u0000X\"",
                "departureDate|\"+999999999-12-31\"",
                "departureDate|\"0001-01-01\"",
                "departureDate|20260630",
                "fullName|12",
                "fullName|true",
                "functions|[{\"functionCode\":\"REC-TAC\",\"from\":\"-999999999-01-01\"}]",
                "functions|[{\"functionCode\":\"REC-TAC\",\"from\":\"2015-01-01\",\"until\":\"+999999999-12-31\"}]"
            })
    void aDepartureWithWhatCannotBeStored_isRefusedNamingTheField(String field, String value) {
        String number = "H" + UUID.randomUUID().toString().substring(0, 8);
        String expected = field.equals("functions")
                ? (value.contains("until") ? "functions[0].until" : "functions[0].from")
                : field;
        refusedAt(
                given().auth()
                        .oauth2(hrSystemToken())
                        .contentType(ContentType.JSON)
                        .body(departure(number, field, value))
                        .post("/api/departures")
                        .then(),
                expected);
        nothingStored(number);
    }

    @Test
    void aKeyGivenTwice_isRefused() {
        String number = "D" + UUID.randomUUID().toString().substring(0, 8);
        String body = departure(number, null, null)
                .replace("\"fullName\":\"Jan Test\"", "\"fullName\":\"Jan\",\"fullName\":\"Piet\"");
        refusedAt(
                        given().auth()
                                .oauth2(hrSystemToken())
                                .contentType(ContentType.JSON)
                                .body(body)
                                .post("/api/departures")
                                .then(),
                        "fullName")
                .body("errors[0].message", equalTo("is given twice"));
        nothingStored(number);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"given\":1}", "{\"given\":\"true\"}", "{\"given\":0}", "{\"given\":[true]}"})
    void consentIsTrueOrFalse_asSent(String body) {
        refusedAt(
                        given().auth()
                                .oauth2(tokenFor("alumnus.kmar"))
                                .contentType(ContentType.JSON)
                                .body(body)
                                .put("/api/alumni/me/network-consent")
                                .then(),
                        "given")
                .body("errors[0].message", equalTo("must be true or false"));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "name|Jan%00Test",
                "name|%1B",
                "personnelNumber|P%C2%85",
                "page|abc",
                "page|1.5",
                "size|%00",
                "windowActive|yes",
                "windowActive|1"
            })
    void searchParameters_thatAreNoValue_ofTheirKind_areRefusedNamingThem(String parameter, String value) {
        refusedAt(
                given().auth()
                        .oauth2(tokenFor("officer.politie"))
                        .urlEncodingEnabled(false)
                        .get("/api/alumni?" + parameter + "=" + value)
                        .then(),
                parameter);
    }

    @Test
    void importedRowsWithWhatCannotBeStored_areRejectedRowByRow_andTheRestIsImported() {
        String p = "C" + UUID.randomUUID().toString().substring(0, 6);
        String csv = "organisation,personnelNumber,fullName,email,unit,departureDate,departureReason,functions\n"
                + "POLITIE,%s-1,Goede Rij,,,2026-01-31,VOLUNTARY,\n".formatted(p)
                + "POLITIE,%s-2,Nul\u0000Teken,,,2026-01-31,VOLUNTARY,\n".formatted(p)
                + "POLITIE,%s-3,Verre Toekomst,,,2300-01-31,VOLUNTARY,\n".formatted(p)
                + "POLITIE,%s-4,Oude Functie,,,2026-01-31,VOLUNTARY,REC-TAC:0001-01-01:\n".formatted(p);
        String location = given().auth()
                .oauth2(hrSystemToken())
                .contentType("text/csv")
                .body(csv)
                .post("/api/departures/imports")
                .then()
                .statusCode(202)
                .extract()
                .header("Location");
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(30))
                .until(() -> "COMPLETED"
                        .equals(given().auth()
                                .oauth2(hrSystemToken())
                                .get(location)
                                .then()
                                .extract()
                                .path("status")));
        given().auth()
                .oauth2(hrSystemToken())
                .get(location)
                .then()
                .body("imported", equalTo(1))
                .body("rejected", equalTo(3))
                .body("errors.find { it.row == 2 }.field", equalTo("fullName"))
                .body("errors.find { it.row == 3 }.field", equalTo("departureDate"))
                .body("errors.find { it.row == 4 }.field", equalTo("functions"));
    }
}
