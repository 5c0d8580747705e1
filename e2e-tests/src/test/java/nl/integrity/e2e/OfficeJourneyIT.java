package nl.integrity.e2e;

import static io.restassured.RestAssured.given;
import static nl.integrity.platform.testing.KeycloakLogins.tokenFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/**
 * The whole journey in real headless Chromium, each person in a browser of their own, logging in
 * through Keycloak's real login page: an alumnus declares; an officer of the same organisation
 * sees the alert and asks a question; the alumnus answers; the officer decides with a condition;
 * the alumnus sees decision and condition; an officer of the other organisation sees none of it.
 * On the way the officer works the alert inbox: an alert of the declaration assigned to them, the
 * inbox filtered by assignee, the alert resolved with a note.
 */
class OfficeJourneyIT {

    static final String GATEWAY = PortalLoginIT.GATEWAY;
    /** Free text with markup: every page must show it as text. */
    static final String ROLE = "Incident <i>responder</i> <script>alert(1)</script>";
    /** A name with markup, as the HR system may send it: shown as text in the office too. */
    static final String NAME = "Reis <em>Test</em>";
    /** True when the inbox lists only alerts of declaration arguments[1], each with officer arguments[0] (or none at all). */
    static final String EVERY_ROW_IS = """
            return [...document.querySelectorAll('#alert-rows tr')].every(tr => tr.cells.length === 1
                || (tr.cells[4].textContent === arguments[0] && tr.querySelector('a').href.endsWith(arguments[1])))""";

    @Test
    void declareAskAnswerDecide_andTheOtherOrganisationSeesNothing() {
        TestAlumni.Login login = TestAlumni.create("POLITIE");
        String employer = "Journey Security " + UUID.randomUUID().toString().substring(0, 6);
        try (var alumnus = new Browser("journey-alumnus");
                var officer = new Browser("journey-officer");
                var otherOffice = new Browser("journey-kmar-officer")) {
            TestAlumni.registerDeparture(login, NAME, "REC-DIG", "2022-01-01", "2026-10-31", "VOLUNTARY");

            // 1. The alumnus declares.
            alumnus.open(GATEWAY + "/alumni/declare/");
            alumnus.logInAtKeycloak(login.username(), login.password());
            alumnus.visible(By.id("employerName")).sendKeys(employer);
            alumnus.driver.findElement(By.id("kvkNumber")).sendKeys("87654321");
            new Select(alumnus.driver.findElement(By.id("sector"))).selectByValue("CYBER_SECURITY");
            alumnus.driver.findElement(By.id("role")).sendKeys(ROLE);
            alumnus.driver.findElement(By.id("duties")).sendKeys("Handles security incidents of clients");
            alumnus.driver.executeScript("document.getElementById('startDate').value = '2027-02-01'");
            alumnus.driver.findElement(By.id("hoursPerWeek")).sendKeys("32");
            for (String answer :
                    new String[] {"paid-yes", "selfEmployed-no", "expectsContact-no", "usesKnowledge-yes"}) {
                alumnus.driver.findElement(By.id(answer)).click();
            }
            alumnus.driver.findElement(By.id("knowledgeDetails")).sendKeys("Forensic methods");
            alumnus.driver.findElement(By.id("submit")).click();
            alumnus.textAppears(By.id("status"), "Uw melding is ingediend");
            String declarationId = alumnus.driver.getCurrentUrl().replaceFirst(".*[?&]declared=([^&#]+).*", "$1");
            alumnus.screenshot("declared");

            // 2. The POLITIE officer sees the alert and the declaration in the queue, and asks a question.
            officer.open(GATEWAY + "/office/");
            officer.logInAtKeycloak("officer.politie", "demo");
            officer.textAppears(By.id("alert-rows"), employer);
            // The newest declarations first: theirs is among them, whatever else the queue holds.
            new Select(officer.driver.findElement(By.id("queue-sort"))).selectByValue("-submittedAt");
            officer.textAppears(By.id("queue-rows"), employer);
            assertTrue(
                    officer.driver
                            .findElements(By.cssSelector("main i, main script, main em"))
                            .isEmpty(),
                    "the role's markup made no element in the inbox either");
            officer.screenshot("inbox");
            officer.driver.findElement(By.linkText(employer)).click();
            // Opening a declaration asks why (the read is audited with the purpose).
            new Select(officer.visible(By.id("purpose"))).selectByValue("DECLARATION_REVIEW");
            officer.driver.findElement(By.id("open-declaration")).click();
            officer.textAppears(By.id("title"), employer);
            officer.textAppears(By.id("logged"), "Beoordeling melding");
            assertEquals(
                    employer + " — " + ROLE,
                    officer.driver.findElement(By.id("title")).getText());
            assertTrue(
                    officer.driver
                            .findElements(By.cssSelector("main i, main script, main em"))
                            .isEmpty(),
                    "the alumnus' markup made no element on the officer's page");
            officer.textAppears(By.id("risk-reasons"), "SENSITIVE_SECTOR");
            officer.driver.findElement(By.id("question")).sendKeys("Werkt u voor klanten van Eenheid Amsterdam?");
            officer.driver.findElement(By.cssSelector("#question-form button")).click();
            officer.textAppears(By.id("status"), "Uw vraag is verstuurd");

            // 3. The alumnus answers.
            alumnus.open(GATEWAY + "/alumni/declarations/" + declarationId);
            alumnus.textAppears(By.id("thread"), "Werkt u voor klanten van Eenheid Amsterdam?");
            alumnus.driver.findElement(By.id("answer")).sendKeys("Nee, alleen particuliere klanten.");
            alumnus.driver.findElement(By.cssSelector("#answer-form button")).click();
            alumnus.textAppears(By.id("status"), "Uw antwoord is verstuurd.");

            // 4. The officer decides: allowed, with a condition; a missing rationale is shown at its field first.
            officer.driver.navigate().refresh();
            officer.textAppears(By.id("thread"), "Nee, alleen particuliere klanten.");
            officer.driver.findElement(By.id("outcome-ALLOWED_WITH_CONDITIONS")).click();
            officer.driver
                    .findElement(By.id("condition-NO_CONTACT_FORMER_UNIT"))
                    .click();
            officer.driver.executeScript("document.getElementById('ends-NO_CONTACT_FORMER_UNIT').value = '2028-04-29'");
            officer.driver
                    .findElement(By.cssSelector("#decision-form button[type=submit]"))
                    .click();
            officer.textAppears(By.id("error-rationale"), "Vul dit in.");
            officer.driver
                    .findElement(By.id("rationale"))
                    .sendKeys("Acceptabel zolang de oude eenheid erbuiten blijft");
            officer.driver
                    .findElement(By.cssSelector("#decision-form button[type=submit]"))
                    .click();
            officer.textAppears(By.id("status"), "Het besluit is vastgelegd.");
            officer.textAppears(By.id("decisions"), "Toegestaan met voorwaarden");
            officer.screenshot("decided");

            // 4b. The alerts of this declaration in the inbox: one assigned to the officer, the inbox filtered by
            // assignee (nobody, then me), the assignment taken off again, the alert resolved with a note and
            // found among the resolved ones.
            String alertId = given().auth()
                    .oauth2(tokenFor("officer.politie"))
                    .queryParam("declarationId", declarationId)
                    .queryParam("kind", "DECLARATION_SUBMITTED")
                    .get(GATEWAY + "/api/alerts")
                    .then()
                    .statusCode(200)
                    .extract()
                    .path("items[0].id");
            By alert = By.id("alert-" + alertId);
            officer.driver.findElement(By.id("alerts-link")).click();
            officer.visible(alert);
            assertEquals(
                    declarationId,
                    officer.driver.findElement(By.id("alert-declaration")).getAttribute("value"));
            officer.driver
                    .findElement(By.cssSelector("#alert-" + alertId + " button.assign-me"))
                    .click();
            officer.textAppears(By.id("status"), "Signaal toegewezen aan officer.politie.");
            officer.textAppears(alert, "officer.politie");
            new Select(officer.driver.findElement(By.id("alert-status"))).selectByValue("");
            new Select(officer.driver.findElement(By.id("alert-assignee"))).selectByValue("none");
            officer.driver
                    .findElement(By.cssSelector("#alert-filter button[type=submit]"))
                    .click();
            officer.disappears(alert);
            officer.scriptHolds(EVERY_ROW_IS, "niemand", declarationId);
            officer.textAppears(By.id("alert-page"), "Pagina 1 van 1");
            new Select(officer.driver.findElement(By.id("alert-assignee"))).selectByValue("me");
            officer.driver
                    .findElement(By.cssSelector("#alert-filter button[type=submit]"))
                    .click();
            officer.visible(alert);
            officer.scriptHolds(EVERY_ROW_IS, "officer.politie", declarationId);
            assertTrue(officer.driver.getCurrentUrl().contains("assignee=me"), "the filter is in the address");
            given().auth()
                    .oauth2(tokenFor("officer.politie"))
                    .queryParam("assignee", "me")
                    .queryParam("declarationId", declarationId)
                    .get(GATEWAY + "/api/alerts")
                    .then()
                    .statusCode(200)
                    .body("items.id", org.hamcrest.Matchers.hasItem(alertId));
            // Taken off the officer again: it leaves "me" and is among the unassigned ones, where it is resolved.
            officer.driver
                    .findElement(By.cssSelector("#alert-" + alertId + " button.unassign"))
                    .click();
            officer.textAppears(By.id("status"), "Het signaal is aan niemand meer toegewezen.");
            officer.disappears(alert);
            new Select(officer.driver.findElement(By.id("alert-assignee"))).selectByValue("none");
            officer.driver
                    .findElement(By.cssSelector("#alert-filter button[type=submit]"))
                    .click();
            officer.visible(alert);
            officer.driver
                    .findElement(By.cssSelector("#alert-" + alertId + " button.handle"))
                    .click();
            String note = "Besproken met de alumnus; melding beoordeeld";
            officer.visible(By.id("resolution-note")).sendKeys(note);
            officer.driver.findElement(By.id("resolve-submit")).click();
            officer.textAppears(By.id("status"), "Signaal afgehandeld.");
            officer.disappears(alert);
            new Select(officer.driver.findElement(By.id("alert-status"))).selectByValue("RESOLVED");
            officer.driver
                    .findElement(By.cssSelector("#alert-filter button[type=submit]"))
                    .click();
            officer.textAppears(alert, note);
            officer.textAppears(alert, "Afgehandeld door officer.politie");
            officer.screenshot("alert-resolved");
            given().auth()
                    .oauth2(tokenFor("officer.politie"))
                    .get(GATEWAY + "/api/alerts/{id}", alertId)
                    .then()
                    .statusCode(200)
                    .body("status", org.hamcrest.Matchers.equalTo("RESOLVED"))
                    .body("resolution", org.hamcrest.Matchers.equalTo(note))
                    .body("resolvedBy", org.hamcrest.Matchers.equalTo("officer.politie"))
                    .body("assignee", org.hamcrest.Matchers.nullValue());

            officer.open(GATEWAY + "/office/statistics.html");
            officer.textAppears(By.id("chart-bySector"), "Per sector");
            // Every category in the reader's words: the sector's label, not its code.
            officer.textAppears(By.cssSelector("#charts"), "Cyberbeveiliging");
            assertFalse(officer.driver.findElement(By.id("charts")).getText().contains("CYBER_SECURITY"));
            officer.screenshot("statistics");
            officer.open(GATEWAY + "/office/alumni.html");
            officer.visible(By.id("personnelNumber")).sendKeys(login.personnelNumber());
            officer.driver
                    .findElement(By.cssSelector("#search button[type=submit]"))
                    .click();
            officer.textAppears(By.id("results"), NAME);
            officer.driver.findElement(By.cssSelector("#results button")).click();
            officer.textAppears(By.id("logged"), "vastgelegd met doel: Beoordeling melding");
            // The functions by their title in the catalogue (REC-DIG), not by their code.
            officer.textAppears(By.id("record"), "Digitaal rechercheur");
            officer.textAppears(By.id("record"), NAME);
            assertTrue(officer.driver.findElements(By.cssSelector("main em")).isEmpty(), "the name's markup is text");
            // The record has no e-mail address: no invitation was sent, and none can be.
            officer.textAppears(By.id("login-state"), "Geen uitnodiging");
            assertTrue(!officer.driver.findElement(By.id("invite")).isDisplayed(), "no invitation without an address");

            // 5. The alumnus sees the decision and the condition, also among the conditions in force.
            alumnus.driver.navigate().refresh();
            alumnus.textAppears(By.id("decisions"), "Toegestaan met voorwaarden");
            alumnus.textAppears(By.id("decisions"), "29 april 2028");
            alumnus.screenshot("decision");
            alumnus.open(GATEWAY + "/alumni/");
            alumnus.textAppears(By.id("conditions"), "29 april 2028");

            // 6. The KMAR officer sees none of it.
            otherOffice.open(GATEWAY + "/office/");
            otherOffice.logInAtKeycloak("officer.kmar", "demo");
            otherOffice.visible(By.cssSelector("#queue-rows td"));
            assertFalse(otherOffice
                    .driver
                    .findElement(By.id("queue-rows"))
                    .getText()
                    .contains(employer));
            assertFalse(otherOffice
                    .driver
                    .findElement(By.id("alert-rows"))
                    .getText()
                    .contains(employer));
            otherOffice.open(GATEWAY + "/office/alumni.html");
            otherOffice.visible(By.id("personnelNumber")).sendKeys(login.personnelNumber());
            otherOffice
                    .driver
                    .findElement(By.cssSelector("#search button[type=submit]"))
                    .click();
            otherOffice.textAppears(By.id("status"), "Niemand gevonden.");
            otherOffice.open(GATEWAY + "/office/declarations/" + declarationId + "?purpose=DECLARATION_REVIEW");
            otherOffice.textAppears(By.id("status"), "andere organisatie");
            assertTrue(otherOffice.driver.findElement(By.id("title")).getText().isEmpty());
            otherOffice.screenshot("not-visible");
        } finally {
            TestAlumni.delete(login);
        }
    }
}
