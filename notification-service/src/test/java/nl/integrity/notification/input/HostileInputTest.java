package nl.integrity.notification.input;

import static io.restassured.RestAssured.given;
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
import nl.integrity.notification.network.NetworkMailing;
import nl.integrity.notification.webhook.WebhookSubscription;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Subscriptions, mailings and inbox queries refuse what cannot be stored, naming the field, and store nothing. */
@QuarkusTest
class HostileInputTest {

    static ValidatableResponse refusedAt(ValidatableResponse response, String field) {
        return response.statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo(field))
                .body("detail", not(containsString("java.")));
    }

    static String with(String body, String field, String json) {
        return body.replaceFirst(
                "\"" + field + "\":(\"[^\"]*\"|\\[[^]]*])", Matcher.quoteReplacement("\"" + field + "\":" + json));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "url|\"https://hooks.example.nl/\\u0000\"|url", "description|\"Zaak\\u0008systeem\"|description",
                "eventTypes|[\"nl.integrity.declaration.decided.v1\\u0000\"]|eventTypes[0]",
                        "eventTypes|[1]|eventTypes[0]",
                "description|[\"a\"]|description", "url|42|url"
            })
    void aSubscriptionWithWhatCannotBeStored_isRefused(String field, String value, String path) {
        String body = """
                {"url":"https://hooks.example.nl/integrity","eventTypes":["nl.integrity.declaration.decided.v1"],
                 "description":"Zaaksysteem"}""";
        long before = QuarkusTransaction.requiringNew().call(() -> WebhookSubscription.count());
        refusedAt(
                given().auth()
                        .oauth2(tokenFor("admin"))
                        .contentType(ContentType.JSON)
                        .body(with(body, field, value))
                        .post("/api/webhook-subscriptions")
                        .then(),
                path);
        assertEquals(before, (long) QuarkusTransaction.requiringNew().call(() -> WebhookSubscription.count()));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {"subjectNl|\"Nieuws\\u0000\"", "textNl|\"Beste \\ud800 oud-collega\"", "subjectEn|7"})
    void aMailingWithWhatCannotBeStored_isRefused(String field, String value) {
        String body =
                "{\"subjectNl\":\"Nieuws\",\"textNl\":\"Beste oud-collega\",\"subjectEn\":\"News\",\"textEn\":\"Dear\"}";
        long before = QuarkusTransaction.requiringNew().call(() -> NetworkMailing.count());
        refusedAt(
                given().auth()
                        .oauth2(tokenFor("officer.politie"))
                        .contentType(ContentType.JSON)
                        .body(with(body, field, value))
                        .post("/api/network-mailings")
                        .then(),
                field);
        assertEquals(before, (long) QuarkusTransaction.requiringNew().call(() -> NetworkMailing.count()));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {"status|%00", "assignee|me%1B", "declarationId|not-a-uuid", "page|-", "size|1e3"})
    void inboxParameters_thatAreNoValue_ofTheirKind_areRefusedNamingThem(String parameter, String value) {
        refusedAt(
                given().auth()
                        .oauth2(tokenFor("officer.politie"))
                        .urlEncodingEnabled(false)
                        .get("/api/alerts?" + parameter + "=" + value)
                        .then(),
                parameter);
    }
}
