package nl.integrity.e2e;

import static io.restassured.RestAssured.given;
import static nl.integrity.platform.testing.KeycloakLogins.tokenFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/**
 * The office's record view in a real headless Chromium, as an officer of the alumnus' organisation:
 * an exit interview scheduled, then recorded as held with topics from the checklist, the summary
 * the alumnus will acknowledge and the office's notes (a missing value said at its field), and
 * listed with all of it, its markup shown as text; an aftercare plan made for a departure that had
 * none, and its overdue contact moment recorded.
 */
class OfficePortalIT {

    static final String GATEWAY = PortalLoginIT.GATEWAY;
    /** Two paragraphs, with markup: shown as two paragraphs of text. */
    static final String SUMMARY =
            "We bespraken de meldplicht en de geheimhouding <b>na vertrek</b>.\n\nMelden doet u vóór u begint.";

    @Test
    void anOfficerSchedulesAnExitInterview_recordsItWithTopicsAndSummary_andSeesItListed() {
        TestAlumni.Login login = TestAlumni.create("POLITIE");
        try (var officer = new Browser("office-interview")) {
            String alumnusId = TestAlumni.registerDeparture(
                    login,
                    "Gesprek Test",
                    null,
                    "REC-DIG",
                    "2022-01-01",
                    LocalDate.now().minusDays(3).toString(),
                    "VOLUNTARY");
            openRecord(officer, login, alumnusId, "EXIT_INTERVIEW");
            officer.textAppears(By.id("logged"), "Exitgesprek");
            officer.textAppears(By.id("interview-list"), "Geen exitgesprek gepland of gehouden.");

            // Scheduled a few days ahead (the service refuses a day that has passed).
            setDate(officer, "interview-scheduled-for", LocalDate.now().plusDays(2));
            officer.driver.findElement(By.id("interview-schedule-interviewer")).sendKeys("M. de Groot");
            officer.driver.findElement(By.id("schedule-interview")).click();
            officer.textAppears(By.id("interviews-status"), "Het exitgesprek is gepland op");
            officer.textAppears(By.id("interview-list"), "Gepland; nog niet gehouden.");

            // The interview form records the appointment, its interviewer filled in; it was moved up
            // and held yesterday. Without the day it was held, the form says so at the field.
            var appointment = new Select(officer.visible(By.id("interview-appointment")));
            assertTrue(
                    appointment.getFirstSelectedOption().getText().contains("M. de Groot"),
                    appointment.getFirstSelectedOption().getText());
            assertEquals(
                    "M. de Groot",
                    officer.driver.findElement(By.id("interview-interviewer")).getAttribute("value"));
            officer.driver.findElement(By.id("record-interview")).click();
            officer.textAppears(By.id("error-interview-held-on"), "Vul dit in.");
            assertEquals(
                    "true",
                    officer.driver.findElement(By.id("interview-held-on")).getAttribute("aria-invalid"));
            setDate(officer, "interview-held-on", LocalDate.now().minusDays(1));
            officer.driver.findElement(By.id("interview-briefed")).click();
            officer.driver.findElement(By.id("topic-OBLIGATION_TO_DECLARE")).click();
            officer.driver.findElement(By.id("topic-CONFIDENTIALITY")).click();
            officer.driver.findElement(By.id("interview-summary")).sendKeys(SUMMARY);
            officer.driver.findElement(By.id("interview-notes")).sendKeys("Twijfelt over een baan bij een beveiliger");
            officer.driver.findElement(By.id("record-interview")).click();
            officer.textAppears(By.id("interviews-status"), "is vastgelegd");

            By list = By.id("interview-list");
            officer.textAppears(list, "Gehouden op");
            officer.textAppears(list, "M. de Groot");
            officer.textAppears(list, "De meldplicht: tot wanneer en waarom");
            officer.textAppears(list, "Geheimhouding");
            officer.textAppears(list, "We bespraken de meldplicht en de geheimhouding <b>na vertrek</b>.");
            officer.textAppears(list, "Twijfelt over een baan bij een beveiliger");
            officer.textAppears(list, "wacht op instemming van de oud-medewerker");
            assertTrue(
                    officer.driver
                            .findElements(By.cssSelector("#interview-list b"))
                            .isEmpty(),
                    "markup is text");
            assertEquals(
                    1,
                    officer.driver
                            .findElements(By.cssSelector("#interview-list article"))
                            .size(),
                    "the appointment was recorded as held, not a second interview");
            assertEquals(
                    2,
                    officer.driver.findElements(By.cssSelector("#interview-list article dd div p")).stream()
                            .filter(p -> p.getText().startsWith("We bespraken")
                                    || p.getText().startsWith("Melden doet u"))
                            .count(),
                    "the summary in its two paragraphs");
            officer.visible(By.cssSelector("#interview-list button[id^='edit-interview-']"));
            assertTrue(
                    officer.driver.findElements(By.id("interview-appointment-field")).stream()
                            .noneMatch(org.openqa.selenium.WebElement::isDisplayed),
                    "no appointment is left to record");
            officer.screenshot("interview-recorded");

            // What the service keeps: the appointment, held, with what the form said.
            given().auth()
                    .oauth2(tokenFor("officer.politie"))
                    .queryParam("purpose", "EXIT_INTERVIEW")
                    .get(GATEWAY + "/api/alumni/{id}/exit-interviews", alumnusId)
                    .then()
                    .statusCode(200)
                    .body("size()", org.hamcrest.Matchers.equalTo(1))
                    .body("[0].status", org.hamcrest.Matchers.equalTo("HELD"))
                    .body("[0].scheduledFor", org.hamcrest.Matchers.notNullValue())
                    .body("[0].obligationsBriefed", org.hamcrest.Matchers.equalTo(true))
                    .body("[0].topics", org.hamcrest.Matchers.contains("OBLIGATION_TO_DECLARE", "CONFIDENTIALITY"))
                    .body("[0].summary", org.hamcrest.Matchers.equalTo(SUMMARY))
                    .body("[0].notes", org.hamcrest.Matchers.equalTo("Twijfelt over een baan bij een beveiliger"));
        } finally {
            TestAlumni.delete(login);
        }
    }

    @Test
    void anOfficerMakesAnAftercarePlan_andRecordsTheOverdueContactMoment() {
        TestAlumni.Login login = TestAlumni.create("POLITIE");
        try (var officer = new Browser("office-aftercare")) {
            // Left two months ago of their own accord: no plan came with the registration, and the
            // first contact moment (a month after leaving) is past its grace period by now.
            String alumnusId = TestAlumni.registerDeparture(
                    login,
                    "Nazorg Test",
                    null,
                    "REC-DIG",
                    "2022-01-01",
                    LocalDate.now().minusMonths(2).toString(),
                    "VOLUNTARY");
            openRecord(officer, login, alumnusId, "OBLIGATION_MONITORING");
            officer.textAppears(By.id("no-aftercare-text"), "Er is geen nazorgplan.");
            officer.driver.findElement(By.id("make-aftercare-plan")).click();
            officer.textAppears(By.id("aftercare-status"), "Het nazorgplan is gemaakt");
            officer.textAppears(By.id("aftercare-planned"), "Plan gemaakt door officer.politie.");
            var first = officer.visible(By.cssSelector("#aftercare-rows tr:first-child"));
            assertTrue(first.getText().contains("Te laat"), first.getText());
            officer.driver
                    .findElement(By.cssSelector("#aftercare-rows tr:first-child button[id^='record-contact-']"))
                    .click();
            officer.textAppears(By.id("contact-heading"), "Contactmoment 1 vastleggen");
            // The day of the contact is today by default; the outcome must be chosen.
            officer.driver.findElement(By.id("save-contact")).click();
            officer.textAppears(By.id("error-contact-outcome"), "Vul dit in.");
            new Select(officer.driver.findElement(By.id("contact-outcome"))).selectByValue("REACHED");
            officer.driver.findElement(By.id("contact-notes")).sendKeys("Gaat goed; geen hulp nodig");
            officer.driver.findElement(By.id("save-contact")).click();
            officer.textAppears(By.id("aftercare-status"), "Contactmoment 1 is vastgelegd: Gesproken.");
            officer.textAppears(By.cssSelector("#aftercare-rows tr:first-child"), "Gedaan op");
            officer.textAppears(By.cssSelector("#aftercare-rows tr:first-child"), "Gaat goed; geen hulp nodig");
            assertTrue(
                    officer.driver
                            .findElements(By.cssSelector("#aftercare-rows tr:first-child button"))
                            .isEmpty(),
                    "a recorded contact moment has no button to record it");
            officer.screenshot("aftercare-recorded");
        } finally {
            TestAlumni.delete(login);
        }
    }

    /** Finds the alumnus by personnel number and opens the record with the purpose given. */
    private static void openRecord(Browser officer, TestAlumni.Login login, String alumnusId, String purpose) {
        officer.open(GATEWAY + "/office/alumni.html");
        officer.logInAtKeycloak("officer.politie", "demo");
        officer.visible(By.id("personnelNumber")).sendKeys(login.personnelNumber());
        officer.driver
                .findElement(By.cssSelector("#search button[type=submit]"))
                .click();
        new Select(officer.visible(By.id("purpose-" + alumnusId))).selectByValue(purpose);
        officer.driver.findElement(By.cssSelector("#results button")).click();
        officer.visible(By.id("record-section"));
    }

    /** A date field's typing order follows the browser's locale; the value itself is ISO everywhere. */
    private static void setDate(Browser browser, String id, LocalDate date) {
        browser.driver.executeScript("document.getElementById(arguments[0]).value = arguments[1]", id, date.toString());
    }
}
