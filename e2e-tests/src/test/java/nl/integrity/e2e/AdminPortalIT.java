package nl.integrity.e2e;

import static io.restassured.RestAssured.given;
import static nl.integrity.platform.testing.KeycloakLogins.tokenFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.http.ContentType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/**
 * The administrators' pages in a real headless Chromium: a webhook subscription (a bad URL refused
 * at its field; the signing secret shown once); a risk rule added, changed, and a change made on
 * an outdated revision refused; a function added, changed and retired; a CSV import followed to
 * its end with the rows it rejected; the departure briefing's text changed, and a change made on
 * an outdated revision refused; an agreement added to the library and retired; the audit trail
 * filtered to an officer's read of a record, and downloaded as CSV with the same filters.
 */
class AdminPortalIT {

    static final String GATEWAY = PortalLoginIT.GATEWAY;

    @Test
    void anAdministratorSubscribesAWebhook_andSeesTheSecretOnce() {
        try (var browser = new Browser("admin")) {
            browser.open(GATEWAY + "/admin/");
            browser.logInAtKeycloak("admin", "demo");
            browser.visible(By.cssSelector("#subscriptions td"));

            browser.driver.findElement(By.id("url")).sendKeys("not a url");
            browser.driver
                    .findElement(By.cssSelector("#subscription-form button[type=submit]"))
                    .click();
            browser.visible(By.id("error-url"));
            assertEquals("true", browser.driver.findElement(By.id("url")).getAttribute("aria-invalid"));
            assertTrue(
                    browser.driver.findElement(By.id("secret")).getAttribute("hidden") != null,
                    "no secret without a subscription");

            // A receiver nobody runs; the subscription is switched off again below, so nothing keeps failing.
            String url = "http://127.0.0.1:9/portal-test-"
                    + UUID.randomUUID().toString().substring(0, 8);
            var field = browser.driver.findElement(By.id("url"));
            field.clear();
            field.sendKeys(url);
            browser.driver
                    .findElement(By.cssSelector("#subscription-form button[type=submit]"))
                    .click();
            browser.textAppears(By.id("status"), "Abonnement aangemaakt.");
            assertTrue(browser.visible(By.id("secret-value")).getText().startsWith("whsec_"));
            browser.textAppears(By.id("subscriptions"), url);
            browser.screenshot("subscribed");

            browser.driver
                    .findElement(By.xpath("//tr[td[normalize-space()='" + url + "']]//button"))
                    .click();
            browser.textAppears(By.id("status"), "Abonnement staat nu uit.");
        }
    }

    @Test
    void anAdministratorAddsAndChangesARiskRule_andAChangeOnAnOutdatedRevisionIsRefused() {
        String code = "E2E_"
                + UUID.randomUUID().toString().substring(0, 6).toUpperCase().replace('-', '_');
        try (var browser = new Browser("admin-rules")) {
            browser.open(GATEWAY + "/admin/rules.html");
            browser.logInAtKeycloak("admin", "demo");
            browser.textAppears(By.id("rules"), "SENSITIVE_SECTOR");

            browser.driver.findElement(By.id("new-rule")).click();
            browser.visible(By.id("code")).sendKeys(code);
            new Select(browser.driver.findElement(By.id("level"))).selectByValue("LOW");
            browser.driver.findElement(By.id("textNl")).sendKeys("U gaat werken in de horeca.");
            browser.driver.findElement(By.id("textEn")).sendKeys("You will work in hospitality.");
            new Select(browser.driver.findElement(By.id("kind-0"))).selectByValue("SECTOR_IN");
            browser.driver
                    .findElement(By.cssSelector("#rule-form button[type=submit]"))
                    .click();
            browser.textAppears(By.id("error-conditions-0"), "at least one of");

            browser.driver.findElement(By.id("condition-0-value-HOSPITALITY")).click();
            browser.driver
                    .findElement(By.cssSelector("#rule-form button[type=submit]"))
                    .click();
            browser.textAppears(By.id("status"), "Regel " + code + " is opgeslagen als revisie 1.");
            browser.textAppears(By.id("rules"), "De sector is een van Horeca");

            // A second condition, and the level raised: revision 2.
            browser.driver
                    .findElement(By.xpath("//tr[td[1][normalize-space()='" + code + "']]//button[1]"))
                    .click();
            new Select(browser.visible(By.id("level"))).selectByValue("MEDIUM");
            browser.driver.findElement(By.id("add-condition")).click();
            new Select(browser.visible(By.id("kind-1"))).selectByValue("VERSION_AT_LEAST");
            browser.driver
                    .findElement(By.cssSelector("#rule-form button[type=submit]"))
                    .click();
            browser.textAppears(By.id("status"), "Regel " + code + " is opgeslagen als revisie 2.");
            browser.textAppears(By.id("rules"), "De melding heeft minstens zoveel versies 3");
            browser.screenshot("rule-changed");

            // Another administrator switches it off while this one edits revision 2: the save is refused.
            browser.driver
                    .findElement(By.xpath("//tr[td[1][normalize-space()='" + code + "']]//button[1]"))
                    .click();
            browser.visible(By.id("textNl")).sendKeys(" Dit wordt niet bewaard.");
            given().auth()
                    .oauth2(tokenFor("admin"))
                    .contentType(ContentType.JSON)
                    .body(Map.of(
                            "level",
                            "MEDIUM",
                            "conditions",
                            List.of(Map.of("kind", "SECTOR_IN", "values", List.of("HOSPITALITY"))),
                            "textNl",
                            "U gaat werken in de horeca.",
                            "textEn",
                            "You will work in hospitality.",
                            "enabled",
                            false))
                    .put(GATEWAY + "/api/risk-rules/{code}", code)
                    .then()
                    .statusCode(200);
            browser.driver
                    .findElement(By.cssSelector("#rule-form button[type=submit]"))
                    .click();
            browser.textAppears(By.id("status"), "Iemand anders heeft dit intussen gewijzigd.");
            browser.textAppears(By.id("editor-heading"), "nu revisie 3");
            assertEquals(
                    "U gaat werken in de horeca.",
                    browser.driver.findElement(By.id("textNl")).getAttribute("value"));
            given().auth()
                    .oauth2(tokenFor("admin"))
                    .get(GATEWAY + "/api/risk-rules/{code}", code)
                    .then()
                    .body("revision", org.hamcrest.Matchers.equalTo(3))
                    .body("enabled", org.hamcrest.Matchers.equalTo(false));
        }
    }

    @Test
    void anAdministratorAddsChangesAndRetiresAFunction() {
        String code = "E2E-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        try (var browser = new Browser("admin-catalogue")) {
            browser.open(GATEWAY + "/admin/catalogue.html");
            browser.logInAtKeycloak("admin", "demo");
            browser.textAppears(By.id("catalogue"), "REC-DIG");

            browser.driver.findElement(By.id("new-profile")).click();
            browser.visible(By.id("code")).sendKeys(code);
            browser.driver.findElement(By.id("coolingOffMonths")).sendKeys("30");
            browser.driver
                    .findElement(By.cssSelector("#profile-form button[type=submit]"))
                    .click();
            browser.textAppears(By.id("error-title"), "Vul dit in.");
            browser.textAppears(By.id("error-coolingOffMonths"), "24");
            assertEquals("true", browser.driver.findElement(By.id("title")).getAttribute("aria-invalid"));

            browser.driver.findElement(By.id("title")).sendKeys("Analist <b>open bronnen</b>");
            var months = browser.driver.findElement(By.id("coolingOffMonths"));
            months.clear();
            months.sendKeys("12");
            new Select(browser.driver.findElement(By.id("functionGroup"))).selectByValue("INTELLIGENCE");
            new Select(browser.driver.findElement(By.id("riskLevel"))).selectByValue("HIGH");
            browser.driver.findElement(By.id("sector-PRIVATE_INVESTIGATION")).click();
            browser.driver
                    .findElement(By.cssSelector("#profile-form button[type=submit]"))
                    .click();
            browser.textAppears(By.id("status"), "Functie " + code + " is opgeslagen als versie 1.");
            browser.textAppears(By.id("catalogue"), "Analist <b>open bronnen</b>");
            assertTrue(
                    browser.driver.findElements(By.cssSelector("#catalogue b")).isEmpty(),
                    "the title's markup is text");

            browser.driver
                    .findElement(By.xpath("//tr[td[1][normalize-space()='" + code + "']]//button[1]"))
                    .click();
            months = browser.visible(By.id("coolingOffMonths"));
            months.clear();
            months.sendKeys("18");
            browser.driver
                    .findElement(By.cssSelector("#profile-form button[type=submit]"))
                    .click();
            browser.textAppears(By.id("status"), "Functie " + code + " is opgeslagen als versie 2.");
            browser.textAppears(By.xpath("//tr[td[1][normalize-space()='" + code + "']]"), "18");
            browser.screenshot("function-changed");

            browser.driver
                    .findElement(By.xpath("//tr[td[1][normalize-space()='" + code + "']]//button[2]"))
                    .click();
            browser.driver.switchTo().alert().accept();
            browser.textAppears(By.id("status"), "Functie " + code + " is vervallen.");
            assertTrue(
                    browser.driver
                            .findElements(By.xpath("//tr[td[1][normalize-space()='" + code + "']]"))
                            .isEmpty(),
                    "a retired function leaves the list");
        }
    }

    @Test
    void anAdministratorImportsTheirOrganisationsFormerEmployees_andFollowsTheImportToItsEnd() throws Exception {
        String p = "E2E-IMP-" + UUID.randomUUID().toString().substring(0, 6);
        Path csv = Files.createTempFile("former-employees", ".csv");
        Files.writeString(
                csv,
                String.join(
                                "\n",
                                "organisation,personnelNumber,fullName,email,unit,departureDate,departureReason,functions",
                                "POLITIE,%s-1,\"Vries, Anna de\",,Eenheid Noord,2026-03-31,VOLUNTARY,REC-TAC:2019-01-01:"
                                        .formatted(p),
                                "KMAR,%s-2,Bram Smit,,,2026-03-31,RETIREMENT,".formatted(p),
                                "POLITIE,%s-3,Cor Visser,,,2026-01-31,REORGANISATION,".formatted(p))
                        + "\n");
        try (var browser = new Browser("admin-import")) {
            browser.open(GATEWAY + "/admin/import.html");
            browser.logInAtKeycloak("admin", "demo");
            browser.visible(By.id("upload")).click();
            browser.textAppears(By.id("error-file"), "Kies een CSV-bestand.");

            browser.driver
                    .findElement(By.id("file"))
                    .sendKeys(csv.toAbsolutePath().toString());
            browser.driver.findElement(By.id("upload")).click();
            browser.textAppears(By.id("status"), "Import klaar: 2 nieuw, 0 al bekend, 1 afgewezen.");
            assertEquals("100", browser.driver.findElement(By.id("progress")).getAttribute("value"));
            browser.textAppears(By.id("progress-label"), "3 van 3 regels verwerkt (100%)");
            browser.textAppears(By.id("rejected"), "only rows of POLITIE can be imported here");
            browser.textAppears(By.id("recent"), "admin");
            browser.screenshot("imported");
        } finally {
            Files.deleteIfExists(csv);
        }
        given().auth()
                .oauth2(tokenFor("officer.politie"))
                .queryParam("personnelNumber", p + "-1")
                .get(GATEWAY + "/api/alumni")
                .then()
                .statusCode(200)
                .body("items[0].fullName", org.hamcrest.Matchers.equalTo("Vries, Anna de"));
    }

    @Test
    void anAdministratorChangesTheBriefingText_andAChangeOnAnOutdatedRevisionIsRefused() {
        String token = tokenFor("admin");
        Map<String, Object> original = briefingText(token, "en");
        String contact = (String) original.get("contact");
        int revision = (Integer) original.get("revision");
        try (var browser = new Browser("admin-briefing")) {
            browser.open(GATEWAY + "/admin/briefing.html");
            browser.logInAtKeycloak("admin", "demo");
            browser.textAppears(By.id("revision-en"), "Revisie " + revision + ",");
            var field = browser.visible(By.id("contact-en"));
            assertEquals(contact, field.getAttribute("value"));

            field.sendKeys(" E2E <b>test</b>.");
            browser.driver.findElement(By.id("save-en")).click();
            browser.textAppears(By.id("status"), "De Engelse tekst is opgeslagen als revisie " + (revision + 1) + ".");
            browser.textAppears(By.id("revision-en"), "Revisie " + (revision + 1) + ",");
            browser.textAppears(
                    By.cssSelector("#history-en li:first-child summary"), "Revisie " + (revision + 1) + ",");
            browser.driver
                    .findElement(By.cssSelector("#history-en li:first-child summary"))
                    .click();
            browser.textAppears(By.cssSelector("#history-en li:first-child details"), "E2E <b>test</b>.");
            assertTrue(
                    browser.driver.findElements(By.cssSelector("#history-en b")).isEmpty(), "the text is text");
            browser.screenshot("briefing-changed");

            // Another administrator changes it while this one edits: the save is refused, their text shown.
            changeBriefingText(token, "en", revision + 1, original, contact + " Elsewhere.");
            browser.driver.findElement(By.id("contact-en")).sendKeys(" Not kept.");
            browser.driver.findElement(By.id("save-en")).click();
            browser.textAppears(By.id("status"), "Iemand anders heeft dit intussen gewijzigd.");
            browser.textAppears(By.id("revision-en"), "Revisie " + (revision + 2) + ",");
            assertEquals(
                    contact + " Elsewhere.",
                    browser.driver.findElement(By.id("contact-en")).getAttribute("value"));
        } finally {
            // The text as it was (a revision of its own).
            Map<String, Object> now = briefingText(token, "en");
            changeBriefingText(token, "en", (Integer) now.get("revision"), original, contact);
        }
    }

    @Test
    void anAdministratorAddsAnAgreementToTheLibrary_andRetiresIt() {
        // The library is shared with the other tests: a code of its own keeps this one apart.
        String code = "E2E-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        By row = By.xpath("//tr[td[1][normalize-space()='" + code + "']]");
        try (var browser = new Browser("admin-agreements")) {
            browser.open(GATEWAY + "/admin/agreements.html");
            browser.logInAtKeycloak("admin", "demo");
            browser.textAppears(By.id("templates"), "SECTOR-AFKOEL");

            browser.driver.findElement(By.id("new-template")).click();
            browser.visible(By.id("code")).sendKeys(code);
            new Select(browser.driver.findElement(By.id("kind"))).selectByValue("NO_CONTACT");
            var months = browser.driver.findElement(By.id("defaultMonths"));
            months.clear();
            months.sendKeys("61");
            browser.driver.findElement(By.id("save-template")).click();
            browser.textAppears(By.id("error-titleNl"), "Vul dit in.");
            browser.textAppears(By.id("error-defaultMonths"), "60");
            assertEquals("true", browser.driver.findElement(By.id("titleNl")).getAttribute("aria-invalid"));

            browser.driver.findElement(By.id("titleNl")).sendKeys("Geen contact met {subject} <b>E2E</b>");
            browser.driver.findElement(By.id("titleEn")).sendKeys("No contact with {subject}");
            browser.driver.findElement(By.id("textNl")).sendKeys("U heeft geen zakelijk contact met {subject}.");
            browser.driver.findElement(By.id("textEn")).sendKeys("You have no business contact with {subject}.");
            months.clear();
            months.sendKeys("6");
            browser.driver.findElement(By.id("save-template")).click();
            browser.textAppears(By.id("status"), "Afspraak " + code + " is opgeslagen als revisie 1.");
            browser.textAppears(row, "Geen zakelijk contact");
            browser.textAppears(row, "Geen contact met {subject} <b>E2E</b>");
            assertTrue(
                    browser.driver.findElements(By.cssSelector("#templates b")).isEmpty(),
                    "the title's markup is text");
            browser.screenshot("agreement-added");

            browser.driver.findElement(By.id("retire-template-" + code)).click();
            browser.driver.switchTo().alert().accept();
            browser.textAppears(By.id("status"), "Afspraak " + code + " is vervallen.");
            assertTrue(browser.driver.findElements(row).isEmpty(), "a retired agreement leaves the list");

            browser.driver.findElement(By.id("show-retired")).click();
            browser.textAppears(row, code);
            assertTrue(
                    browser.driver
                            .findElements(By.id("retire-template-" + code))
                            .isEmpty(),
                    "a retired agreement is retired once");
            browser.screenshot("agreement-retired");
        }
        given().auth()
                .oauth2(tokenFor("admin"))
                .queryParam("includeRetired", true)
                .get(GATEWAY + "/api/agreement-templates")
                .then()
                .statusCode(200)
                .body("find { it.code == '%s' }.kind".formatted(code), org.hamcrest.Matchers.equalTo("NO_CONTACT"))
                .body("find { it.code == '%s' }.retiredAt".formatted(code), org.hamcrest.Matchers.notNullValue());
    }

    @Test
    void anAdministratorFiltersTheAuditTrail_seesAnOfficersRead_andTheCsvLinkCarriesTheFilters() {
        TestAlumni.Login login = TestAlumni.create("POLITIE");
        try {
            String alumnusId = TestAlumni.registerDeparture(
                    login, "Spoor Audit", null, "REC-DIG", "2022-01-01", "2026-10-31", "VOLUNTARY");
            given().auth()
                    .oauth2(tokenFor("officer.politie"))
                    .queryParam("purpose", "AUDIT")
                    .get(GATEWAY + "/api/alumni/{id}", alumnusId)
                    .then()
                    .statusCode(200);
            try (var browser = new Browser("admin-audit")) {
                browser.open(GATEWAY + "/admin/audit.html");
                browser.logInAtKeycloak("admin", "demo");
                browser.visible(By.cssSelector("#entries td"));
                assertEquals(
                        "page",
                        browser.driver
                                .findElement(By.cssSelector("#admin-nav a[href='/admin/audit.html']"))
                                .getAttribute("aria-current"));

                // A period that ends before it starts: refused at its field.
                browser.driver.executeScript("document.getElementById('from').value = '2026-05-02';"
                        + "document.getElementById('to').value = '2026-05-01'");
                browser.driver
                        .findElement(By.cssSelector("#filter button[type=submit]"))
                        .click();
                browser.textAppears(By.id("error-to"), "must not be before from");
                assertEquals("true", browser.driver.findElement(By.id("to")).getAttribute("aria-invalid"));
                browser.driver.executeScript(
                        "document.getElementById('from').value = ''; document.getElementById('to').value = ''");

                new Select(browser.driver.findElement(By.id("service"))).selectByValue("alumni");
                browser.driver.findElement(By.id("action")).sendKeys("READ_RECORD");
                browser.driver.findElement(By.id("subjectId")).sendKeys(alumnusId);
                browser.driver
                        .findElement(By.cssSelector("#filter button[type=submit]"))
                        .click();
                // The CSV link follows the filters once their entries are shown.
                browser.scriptHolds(
                        "return document.getElementById('csv').getAttribute('href').includes(arguments[0])", alumnusId);
                browser.textAppears(By.id("status"), "Getoond: 1.");
                var row = browser.visible(By.cssSelector("#entries tr"));
                String text = row.getText();
                assertTrue(
                        text.contains("officer.politie")
                                && text.contains("Integriteitsfunctionaris")
                                && text.contains("Dossier ingezien")
                                && text.contains(alumnusId)
                                && text.contains("Controle"),
                        text);
                assertTrue(
                        browser.driver.findElement(By.id("error-to")).getText().isEmpty(), "the error is gone");
                browser.screenshot("audit-filtered");

                String csv = browser.driver.findElement(By.id("csv")).getAttribute("href");
                assertTrue(csv.startsWith(GATEWAY + "/api/alumni/audit-trail?"), csv);
                assertTrue(
                        csv.contains("action=READ_RECORD")
                                && csv.contains("subjectId=" + alumnusId)
                                && csv.contains("format=csv"),
                        csv);
                given().auth()
                        .oauth2(tokenFor("admin"))
                        .get(csv)
                        .then()
                        .statusCode(200)
                        .contentType(org.hamcrest.Matchers.startsWith("text/csv"))
                        .body(org.hamcrest.Matchers.containsString("officer.politie,integrity-officer,READ_RECORD"));
            }
        } finally {
            TestAlumni.delete(login);
        }
    }

    private static Map<String, Object> briefingText(String token, String language) {
        List<Map<String, Object>> texts = given().auth()
                .oauth2(token)
                .get(GATEWAY + "/api/briefing-texts")
                .then()
                .statusCode(200)
                .extract()
                .path("findAll { it.language == '%s' }".formatted(language));
        return texts.get(0);
    }

    private static void changeBriefingText(
            String token, String language, int expectedRevision, Map<String, Object> text, String contact) {
        given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "expectedRevision", expectedRevision,
                        "introduction", text.get("introduction"),
                        "whatToDeclare", text.get("whatToDeclare"),
                        "howToDeclare", text.get("howToDeclare"),
                        "contact", contact))
                .put(GATEWAY + "/api/briefing-texts/{language}", language)
                .then()
                .statusCode(200);
    }
}
