package nl.integrity.e2e;

import static io.restassured.RestAssured.given;
import static nl.integrity.platform.testing.KeycloakLogins.tokenFor;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * Four eyes in the portal: a decision on a critical-risk declaration is only proposed by the
 * first officer, who cannot confirm it; a second officer of the same office confirms it in their
 * browser, and then it is in force.
 */
class FourEyesIT {

    static final String GATEWAY = PortalLoginIT.GATEWAY;

    @Test
    void aSecondOfficerConfirmsTheProposedDecisionOnACriticalDeclaration() {
        TestAlumni.Login login = TestAlumni.create("POLITIE");
        try (var first = new Browser("four-eyes-first");
                var second = new Browser("four-eyes-second")) {
            TestAlumni.registerDeparture(login, "Vier Ogen", "INT-CIE", "2021-01-01", "2026-10-31", "VOLUNTARY");
            // Intelligence work, then private investigation: the combination the research warns about.
            String id = TestAlumni.declare(login, """
                    {"employerName":"Speurwerk BV","kvkNumber":"11223344","country":"NL","sector":"PRIVATE_INVESTIGATION",
                     "role":"Onderzoeker","duties":"Onderzoek voor verzekeraars","startDate":"2027-03-01","paid":true,
                     "hoursPerWeek":36,"selfEmployed":false,"expectsContact":false,"usesKnowledge":false}""");
            Awaitility.await()
                    .atMost(Duration.ofSeconds(30))
                    .until(() -> "CRITICAL"
                            .equals(given().auth()
                                    .oauth2(tokenFor("officer.politie"))
                                    .queryParam("purpose", "DECLARATION_REVIEW")
                                    .get(GATEWAY + "/api/declarations/{id}", id)
                                    .path("risk.level")));

            first.open(GATEWAY + "/office/declarations/" + id + "?purpose=DECLARATION_REVIEW");
            first.logInAtKeycloak("officer.politie", "demo");
            first.textAppears(By.id("risk-level"), "kritiek");
            first.driver.findElement(By.id("outcome-OBJECTION")).click();
            first.driver.findElement(By.id("rationale")).sendKeys("Te nauw verwant aan het inlichtingenwerk");
            first.driver
                    .findElement(By.cssSelector("#decision-form button[type=submit]"))
                    .click();
            first.textAppears(By.id("decisions"), "voorgesteld");
            assertTrue(
                    first.driver.findElements(By.id("confirm-decision")).isEmpty(),
                    "nobody confirms their own proposal");

            second.open(GATEWAY + "/office/declarations/" + id + "?purpose=DECLARATION_REVIEW");
            second.logInAtKeycloak("officer2.politie", "demo");
            second.visible(By.id("confirm-decision")).click();
            second.textAppears(By.id("status"), "U hebt het besluit bevestigd");
            second.textAppears(By.id("decisions"), "van kracht");
            second.screenshot("confirmed");
        } finally {
            TestAlumni.delete(login);
        }
    }
}
