package nl.integrity.e2e;

import static io.restassured.RestAssured.given;
import static nl.integrity.platform.testing.KeycloakLogins.tokenFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import io.restassured.http.ContentType;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;

/**
 * Keyboard use, and every page of the portal, as the person it is for, checked in real headless Chromium with
 * axe-core against WCAG 2.1 levels A and AA (labels, names, contrast, structure, ARIA use),
 * including forms showing their field errors and the administrators' editors opened. Each
 * violation is reported with the page, the rule and the elements concerned.
 */
class AccessibilityIT {

    static final String GATEWAY = PortalLoginIT.GATEWAY;
    static final List<String> WCAG_21_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");

    private final List<String> violations = new ArrayList<>();

    @Test
    void everyPageMeetsWcag21AA_forEachRole() {
        TestAlumni.Login login = TestAlumni.create("POLITIE");
        try {
            String alumnusId = TestAlumni.registerDeparture(
                    login, "Toegang Test", null, "REC-DIG", "2022-01-01", "2026-10-31", "VOLUNTARY");
            String declaration = TestAlumni.declare(login, """
                    {"employerName":"Toegankelijk BV","kvkNumber":"12312312","country":"NL","sector":"ICT",
                     "role":"Ontwikkelaar","duties":"Bouwt websites","startDate":"2027-03-01","paid":true,
                     "hoursPerWeek":32,"selfEmployed":false,"expectsContact":false,"usesKnowledge":false}""");
            // An agreement the office proposes, for a sector the declaration is not in.
            proposeSectorAgreement(alumnusId, "HOSPITALITY");
            // An aftercare plan, an exit interview held (to be agreed with) and one scheduled.
            planAftercareAndInterviews(alumnusId);

            try (var alumnus = new Browser("a11y-alumnus")) {
                alumnus.open(GATEWAY + "/alumni/");
                alumnus.logInAtKeycloak(login.username(), login.password());
                alumnus.textAppears(By.id("declarations"), "Toegankelijk BV");
                check(alumnus, "/alumni/");
                checkerFindsAnUnlabelledField(alumnus);
                alumnus.open(GATEWAY + "/");
                alumnus.visible(By.cssSelector("#alumnus-link a"));
                check(alumnus, "/");
                alumnus.open(GATEWAY + "/alumni/declarations/" + declaration);
                alumnus.textAppears(By.id("title"), "Toegankelijk BV");
                check(alumnus, "/alumni/declarations/{id}");
                alumnus.open(GATEWAY + "/alumni/declare/");
                alumnus.visible(By.id("submit")).click();
                alumnus.visible(By.id("summary"));
                check(alumnus, "/alumni/declare/ with field errors");
                // Issued with the registration (the duty to declare runs), not acknowledged yet; the
                // proposed agreement waits for acceptance.
                alumnus.open(GATEWAY + "/alumni/briefing");
                alumnus.visible(By.id("acknowledge-briefing"));
                var accept = alumnus.visible(By.cssSelector("#agreement-list button[id^='accept-']"));
                check(alumnus, "/alumni/briefing with an agreement proposed");
                accept.click();
                alumnus.visible(By.cssSelector("#agreements-status.success"));
                check(alumnus, "/alumni/briefing with the agreement accepted");
                var agree = alumnus.visible(By.cssSelector("#interview-list button[id^='acknowledge-interview-']"));
                check(alumnus, "/alumni/briefing with an exit interview summary to agree with");
                agree.click();
                alumnus.visible(By.cssSelector("#interview-status.success"));
                check(alumnus, "/alumni/briefing with the exit interview summary agreed with");
                alumnus.open(GATEWAY + "/alumni/my-data.html");
                alumnus.visible(By.cssSelector("#access-rows td"));
                check(alumnus, "/alumni/my-data.html");
            }

            try (var officer = new Browser("a11y-officer")) {
                officer.open(GATEWAY + "/office/");
                officer.logInAtKeycloak("officer.politie", "demo");
                new org.openqa.selenium.support.ui.Select(officer.driver.findElement(By.id("queue-sort")))
                        .selectByValue("-submittedAt");
                officer.textAppears(By.id("queue-rows"), "Toegankelijk BV");
                check(officer, "/office/");
                officer.visible(By.cssSelector("#alert-rows button.handle")).click();
                officer.visible(By.id("resolution-note"));
                check(officer, "/office/ with an alert being handled");
                officer.open(GATEWAY + "/office/declarations/" + declaration);
                officer.visible(By.id("purpose-form"));
                check(officer, "/office/declarations/{id} asking why it is opened");
                officer.visible(By.id("open-declaration")).click();
                officer.textAppears(By.id("title"), "Toegankelijk BV");
                check(officer, "/office/declarations/{id}");
                officer.open(GATEWAY + "/office/statistics.html");
                officer.visible(By.cssSelector("#charts table"));
                check(officer, "/office/statistics.html");
                officer.open(GATEWAY + "/office/alumni.html");
                officer.visible(By.id("main"));
                check(officer, "/office/alumni.html");
                officer.driver.findElement(By.id("personnelNumber")).sendKeys(login.personnelNumber());
                officer.driver
                        .findElement(By.cssSelector("#search button[type=submit]"))
                        .click();
                officer.visible(By.cssSelector("#results button")).click();
                officer.visible(By.id("record-section"));
                officer.scriptHolds("return document.getElementById('briefing-state').textContent !== ''");
                officer.visible(By.cssSelector("#agreement-rows tr[id^='agreement-']"));
                officer.visible(By.cssSelector("#interview-list article[id^='interview-']"));
                officer.visible(By.cssSelector("#aftercare-rows tr[id^='contact-']"));
                check(officer, "/office/alumni.html with a record open");
                // A sector cooling-off chosen without its sector: the form asks for it at the field.
                officer.driver
                        .findElement(
                                By.xpath("//select[@id='agreement-template']/option[contains(., '(SECTOR-AFKOEL)')]"))
                        .click();
                officer.visible(By.id("agreement-sector"));
                officer.driver.findElement(By.id("attach-agreement")).click();
                officer.visible(By.id("error-agreement-sector"));
                check(officer, "/office/alumni.html with the agreement form showing a field error");
                // The scheduled interview chosen in the interview form; the day it was held not given yet.
                officer.driver.findElement(By.id("record-interview")).click();
                officer.visible(By.id("error-interview-held-on"));
                check(officer, "/office/alumni.html with the interview form showing a field error");
                // A contact moment being recorded, its outcome not chosen yet.
                officer.driver
                        .findElement(By.cssSelector("#aftercare-rows button[id^='record-contact-']"))
                        .click();
                officer.visible(By.id("contact-form"));
                officer.driver.findElement(By.id("save-contact")).click();
                officer.visible(By.id("error-contact-outcome"));
                check(officer, "/office/alumni.html with the contact form showing a field error");
            }

            try (var admin = new Browser("a11y-admin")) {
                admin.open(GATEWAY + "/admin/");
                admin.logInAtKeycloak("admin", "demo");
                admin.visible(By.cssSelector("#subscriptions td"));
                check(admin, "/admin/");
                admin.open(GATEWAY + "/admin/rules.html");
                admin.textAppears(By.id("rules"), "SENSITIVE_SECTOR");
                admin.driver.findElement(By.id("new-rule")).click();
                admin.visible(By.id("kind-0"));
                check(admin, "/admin/rules.html with the editor open");
                admin.open(GATEWAY + "/admin/catalogue.html");
                admin.textAppears(By.id("catalogue"), "REC-DIG");
                admin.driver.findElement(By.id("new-profile")).click();
                admin.visible(By.id("sector-choices"));
                check(admin, "/admin/catalogue.html with the editor open");
                admin.open(GATEWAY + "/admin/import.html");
                admin.visible(By.cssSelector("#recent td"));
                check(admin, "/admin/import.html");
                admin.open(GATEWAY + "/admin/briefing.html");
                admin.visible(By.cssSelector("#history-nl summary")).click();
                var introduction = admin.visible(By.id("introduction-nl"));
                introduction.clear();
                admin.driver.findElement(By.id("save-nl")).click();
                admin.visible(By.id("error-introduction-nl"));
                check(admin, "/admin/briefing.html with a field error and a revision opened");
                admin.open(GATEWAY + "/admin/agreements.html");
                admin.textAppears(By.id("templates"), "SECTOR-AFKOEL");
                check(admin, "/admin/agreements.html");
                admin.driver.findElement(By.id("new-template")).click();
                admin.visible(By.id("code"));
                admin.driver.findElement(By.id("save-template")).click();
                admin.visible(By.id("error-titleNl"));
                check(admin, "/admin/agreements.html with the editor open and field errors");
                admin.open(GATEWAY + "/admin/audit.html");
                admin.visible(By.cssSelector("#entries td"));
                check(admin, "/admin/audit.html");
                admin.driver.executeScript("document.getElementById('from').value = '2026-05-02';"
                        + "document.getElementById('to').value = '2026-05-01'");
                admin.driver
                        .findElement(By.cssSelector("#filter button[type=submit]"))
                        .click();
                admin.visible(By.id("error-to"));
                check(admin, "/admin/audit.html with a field error");
            }
        } finally {
            TestAlumni.delete(login);
        }
        assertTrue(violations.isEmpty(), "WCAG 2.1 AA violations:\n" + String.join("\n", violations));
    }

    @Test
    void theKeyboardAloneReachesTheContentAndOpensAnEditor_withTheFocusVisible() {
        try (var admin = new Browser("a11y-keyboard")) {
            admin.open(GATEWAY + "/admin/rules.html");
            admin.logInAtKeycloak("admin", "demo");
            admin.textAppears(By.id("rules"), "SENSITIVE_SECTOR");

            var body = admin.driver.findElement(By.tagName("body"));
            body.sendKeys(Keys.TAB);
            assertEquals("Naar de inhoud", active(admin).getText(), "the first stop is the skip link");
            assertTrue(!"none".equals(active(admin).getCssValue("outline-style")), "the focus is visible");
            active(admin).sendKeys(Keys.ENTER);
            assertTrue(admin.driver.getCurrentUrl().endsWith("#main"), admin.driver.getCurrentUrl());

            // Tab on to the "new rule" button and press it: the editor opens with its heading in focus.
            for (int i = 0; i < 200 && !"new-rule".equals(active(admin).getAttribute("id")); i++) {
                active(admin).sendKeys(Keys.TAB);
            }
            assertEquals("new-rule", active(admin).getAttribute("id"), "every control is reachable by Tab");
            active(admin).sendKeys(Keys.ENTER);
            assertEquals("editor-heading", active(admin).getAttribute("id"));
            active(admin).sendKeys(Keys.TAB);
            assertEquals("code", active(admin).getAttribute("id"), "the form follows the heading");
            admin.screenshot("keyboard");
        }
    }

    /** The office proposes the library's sector cooling-off to the alumnus (through the gateway, as an officer). */
    private static void proposeSectorAgreement(String alumnusId, String sector) {
        String token = tokenFor("officer.politie");
        String templateId = given().auth()
                .oauth2(token)
                .get(GATEWAY + "/api/agreement-templates")
                .then()
                .statusCode(200)
                .extract()
                .path("find { it.code == 'SECTOR-AFKOEL' }.id");
        given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                // Its end a year from now, whatever the departure date: it must not be over already.
                .body(Map.of(
                        "templateId",
                        templateId,
                        "sector",
                        sector,
                        "endsOn",
                        LocalDate.now().plusYears(1).toString()))
                .post(GATEWAY + "/api/alumni/{id}/agreements", alumnusId)
                .then()
                .statusCode(201);
    }

    /**
     * The office makes the alumnus' aftercare plan, records an exit interview held yesterday (with
     * the obligations briefed and a summary, for the alumnus to agree with) and schedules another a
     * week ahead (through the gateway, as an officer).
     */
    private static void planAftercareAndInterviews(String alumnusId) {
        String token = tokenFor("officer.politie");
        given().auth()
                .oauth2(token)
                .post(GATEWAY + "/api/alumni/{id}/aftercare", alumnusId)
                .then()
                .statusCode(201);
        given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "heldOn",
                        LocalDate.now().minusDays(1).toString(),
                        "interviewer",
                        "Toegang Gesprek",
                        "obligationsBriefed",
                        true,
                        "topics",
                        List.of("OBLIGATION_TO_DECLARE", "CONFIDENTIALITY"),
                        "summary",
                        "We bespraken de meldplicht.\n\nEn de geheimhouding na vertrek."))
                .post(GATEWAY + "/api/alumni/{id}/exit-interviews", alumnusId)
                .then()
                .statusCode(201);
        given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(Map.of("scheduledFor", LocalDate.now().plusDays(7).toString(), "interviewer", "Toegang Gesprek"))
                .post(GATEWAY + "/api/alumni/{id}/exit-interviews/appointments", alumnusId)
                .then()
                .statusCode(201);
    }

    private static org.openqa.selenium.WebElement active(Browser browser) {
        return browser.driver.switchTo().activeElement();
    }

    /** The checker itself, under the portal's CSP: a field without a label must be found. */
    private static void checkerFindsAnUnlabelledField(Browser browser) {
        browser.driver.executeScript("document.getElementById('main').append(document.createElement('input'))");
        var results = new AxeBuilder().withTags(WCAG_21_AA).analyze(browser.driver);
        assertTrue(
                results.getViolations().stream().anyMatch(rule -> rule.getId().equals("label")),
                "axe reports the unlabelled field: " + results.getViolations());
        browser.driver.navigate().refresh();
    }

    /** Runs axe on what the browser shows now and keeps every violation, with a screenshot. */
    private void check(Browser browser, String page) {
        var results = new AxeBuilder().withTags(WCAG_21_AA).analyze(browser.driver);
        assertTrue(
                results.getPasses().size() > 10,
                page + ": axe ran its rules (" + results.getPasses().size() + " passed)");
        System.out.printf(
                "axe %s: %d rules passed, %d violated, to review by hand: %s%n",
                page,
                results.getPasses().size(),
                results.getViolations().size(),
                results.getIncomplete().stream()
                        .map(r -> r.getId() + " at "
                                + r.getNodes().stream()
                                        .map(n -> String.valueOf(n.getTarget()))
                                        .collect(Collectors.joining(", ")))
                        .toList());
        List<Rule> found = results.getViolations();
        found.forEach(rule -> violations.add("%s: %s (%s) %s at %s"
                .formatted(
                        page,
                        rule.getId(),
                        rule.getImpact(),
                        rule.getHelp(),
                        rule.getNodes().stream()
                                .map(n -> String.valueOf(n.getTarget()))
                                .collect(Collectors.joining(", ")))));
        browser.screenshot(page.replaceAll("[^A-Za-z0-9]+", "-"));
    }
}
