package nl.integrity.alumni.registry;

import static io.restassured.RestAssured.given;
import static nl.integrity.platform.testing.KeycloakLogins.hrSystemToken;
import static nl.integrity.platform.testing.KeycloakLogins.tokenFor;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.UUID;
import nl.integrity.platform.outbox.OutboxMessage;
import org.junit.jupiter.api.Test;

/** A new version of a function profile moves the windows of those who held the function, and says so. */
@QuarkusTest
class ObligationWindowRecomputationTest {

    static String profile(int coolingOffMonths) {
        return """
                {"title":"Testfunctie","functionGroup":"ICT","riskLevel":"HIGH","coolingOffMonths":%d,"sensitiveSectors":["ICT"]}""".formatted(coolingOffMonths);
    }

    static String registerHolderOf(String code) {
        return given().auth()
                .oauth2(hrSystemToken())
                .contentType(ContentType.JSON)
                .body("""
                        {"organisation":"POLITIE","personnelNumber":"%s","fullName":"Houder Functie",
                         "functions":[{"functionCode":"%s","from":"2024-01-01"}],
                         "departureDate":"2026-06-30","departureReason":"VOLUNTARY"}""".formatted(DepartureResourceTest.uniqueNumber(), code))
                .post("/api/departures")
                .then()
                .statusCode(201)
                .body("obligationWindow.end", equalTo("2026-12-30"))
                .extract()
                .path("id");
    }

    @Test
    void newProfileVersion_recomputesAndAnnouncesTheWindowsOfItsHolders() {
        String code = "T-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        String profileId = given().auth()
                .oauth2(tokenFor("admin"))
                .contentType(ContentType.JSON)
                .body("{\"code\":\"%s\",\"definition\":%s}".formatted(code, profile(6)))
                .post("/api/function-profiles")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String holder = registerHolderOf(code);
        String bystander = given().auth()
                .oauth2(hrSystemToken())
                .contentType(ContentType.JSON)
                .body(DepartureResourceTest.departure("POLITIE", DepartureResourceTest.uniqueNumber()))
                .post("/api/departures")
                .then()
                .statusCode(201)
                .extract()
                .path("id");

        String version2 = given().auth()
                .oauth2(tokenFor("admin"))
                .contentType(ContentType.JSON)
                .body("{\"expectedVersion\":1,\"definition\":%s}".formatted(profile(18)))
                .put("/api/function-profiles/{id}", profileId)
                .then()
                .statusCode(200)
                .extract()
                .path("history[1].id");

        given().auth()
                .oauth2(tokenFor("officer.politie"))
                .queryParam("purpose", "OBLIGATION_MONITORING")
                .get("/api/alumni/{id}", holder)
                .then()
                .statusCode(200)
                .body("obligationWindow.end", equalTo("2027-12-30"))
                .body("obligationWindow.coolingOffMonths", equalTo(18))
                .body("obligationWindow.functionProfileVersionId", equalTo(version2));
        var events = QuarkusTransaction.requiringNew()
                .call(() -> OutboxMessage.<OutboxMessage>list(
                        "aggregateId = ?1 and eventType = ?2",
                        holder,
                        "nl.integrity.alumni.obligation-window-changed.v1"));
        assertEquals(1, events.size());
        assertTrue(
                events.get(0).payload().contains("\"windowEnd\":\"2027-12-30\""),
                events.get(0).payload());
        assertTrue(
                events.get(0).payload().contains("\"reason\":\"FUNCTION_PROFILE_CHANGED\""),
                events.get(0).payload());
        long bystanderEvents = QuarkusTransaction.requiringNew()
                .call(() -> OutboxMessage.count(
                        "aggregateId = ?1 and eventType = ?2",
                        bystander,
                        "nl.integrity.alumni.obligation-window-changed.v1"));
        assertEquals(0, bystanderEvents, "alumni who never held the function keep their window");
    }
}
