package nl.integrity.e2e;

import static io.restassured.RestAssured.given;
import static nl.integrity.platform.testing.KeycloakLogins.tokenFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import nl.integrity.platform.testing.Mailboxes;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/**
 * The alumnus' own page in a real headless Chromium: a deep link logs in first and comes back,
 * the record and the duty to declare come from the APIs through the gateway's session, and
 * consent is saved with clear feedback (a state-changing call, so the page sends the CSRF token);
 * the departure briefing is read and acknowledged, and the office sees that; the alumnus sees who
 * of the office (by role) looked at their data and why, and downloads everything held about them.
 */
class AlumnusPortalIT {

    static final String GATEWAY = PortalLoginIT.GATEWAY;

    @Test
    void anAlumnusDeclaresInThePortal_seesErrorsNextToTheFields_andAnswersTheOfficesQuestion() {
        TestAlumni.Login alumnus = TestAlumni.create("KMAR");
        try (var browser = new Browser("declare")) {
            TestAlumni.registerDeparture(alumnus, "Portaal Test", "GRS-BEW", "2021-01-01", "2026-09-30", "RETIREMENT");

            browser.open(GATEWAY + "/alumni/declare/");
            browser.logInAtKeycloak(alumnus.username(), alumnus.password());
            browser.visible(By.id("employerName"));
            browser.driver.findElement(By.id("submit")).click();
            browser.textAppears(By.id("error-employerName"), "Vul dit in.");
            assertEquals(
                    "true", browser.driver.findElement(By.id("employerName")).getAttribute("aria-invalid"));
            assertTrue(browser.driver.findElement(By.id("error-paid")).getText().length() > 0, "every field at once");
            browser.screenshot("errors-next-to-fields");

            String markup = "<img src=x onerror=alert(1)>Beveiliging & Co";
            browser.driver.findElement(By.id("employerName")).sendKeys(markup);
            browser.driver.findElement(By.id("kvkNumber")).sendKeys("12345678");
            new Select(browser.driver.findElement(By.id("sector"))).selectByValue("PRIVATE_SECURITY");
            browser.driver.findElement(By.id("role")).sendKeys("Adviseur <b>toegang</b>");
            browser.driver.findElement(By.id("duties")).sendKeys("Advies over toegangsbeveiliging");
            // A date field's typing order follows the browser's locale; the value itself is ISO everywhere.
            browser.driver.executeScript("document.getElementById('startDate').value = '2027-03-01'");
            browser.driver.findElement(By.id("hoursPerWeek")).sendKeys("24");
            for (String answer :
                    new String[] {"paid-yes", "selfEmployed-no", "expectsContact-no", "usesKnowledge-no"}) {
                browser.driver.findElement(By.id(answer)).click();
            }
            browser.driver.findElement(By.id("submit")).click();

            // Back on the alumnus' page, with the declaration listed; the markup is text, not HTML.
            browser.textAppears(By.id("status"), "Uw melding is ingediend");
            browser.textAppears(By.id("declaration-rows"), "Beveiliging & Co");
            var cell = browser.driver.findElement(By.cssSelector("#declaration-rows td"));
            assertEquals(markup, cell.getText());
            assertTrue(
                    browser.driver
                            .findElements(By.cssSelector("#declaration-rows img, #declaration-rows b"))
                            .isEmpty(),
                    "no element was made from the alumnus' text");
            browser.screenshot("declared");
            String declarationId = browser.driver.getCurrentUrl().replaceFirst(".*[?&]declared=([^&#]+).*", "$1");

            // The office asks a question; the alumnus opens the declaration and answers it there.
            given().auth()
                    .oauth2(tokenFor("officer.kmar"))
                    .contentType(ContentType.JSON)
                    .body("{\"question\":\"Werkt u voor klanten van de brigade Schiphol?\"}")
                    .post(GATEWAY + "/api/declarations/{id}/information-requests", declarationId)
                    .then()
                    .statusCode(200);
            browser.driver.findElement(By.linkText(markup)).click();
            browser.textAppears(By.id("thread"), "Werkt u voor klanten van de brigade Schiphol?");
            assertEquals(
                    markup + " — Adviseur <b>toegang</b>",
                    browser.driver.findElement(By.id("title")).getText());
            browser.driver.findElement(By.cssSelector("#answer-form button")).click();
            browser.textAppears(By.id("error-answer"), "Vul dit in.");
            browser.driver.findElement(By.id("answer")).sendKeys("Nee, alleen particuliere klanten.");
            browser.driver.findElement(By.cssSelector("#answer-form button")).click();
            browser.textAppears(By.id("status"), "Uw antwoord is verstuurd.");
            browser.textAppears(By.id("thread"), "Nee, alleen particuliere klanten.");
            assertTrue(!browser.driver.findElement(By.id("answer-form")).isDisplayed(), "no open question any more");
            browser.screenshot("answered");

            // The alumnus changes the declaration: the form comes filled in, the change is a new version.
            browser.driver.findElement(By.id("change-link")).click();
            browser.textAppears(By.tagName("h1"), "Melding wijzigen");
            Awaitility.await()
                    .atMost(Duration.ofSeconds(10))
                    .until(() -> markup.equals(
                            browser.driver.findElement(By.id("employerName")).getAttribute("value")));
            assertTrue(browser.driver.findElement(By.id("paid-yes")).isSelected());
            var hours = browser.driver.findElement(By.id("hoursPerWeek"));
            hours.clear();
            hours.sendKeys("16");
            browser.driver.findElement(By.id("submit")).click();
            browser.textAppears(By.id("status"), "Uw wijziging is ingediend");
            browser.textAppears(By.id("activity"), "16");
        } finally {
            TestAlumni.delete(alumnus);
        }
    }

    @Test
    void anAlumnusSeesTheirRecordAndDuty_andSavesConsent() {
        TestAlumni.Login alumnus = TestAlumni.create("KMAR");
        try (var browser = new Browser("alumnus")) {
            TestAlumni.registerDeparture(alumnus, "Karin Eigen", "GRS-BEW", "2023-05-01", "2026-10-31", "RETIREMENT");
            browser.open(GATEWAY + "/alumni/");
            browser.logInAtKeycloak(alumnus.username(), alumnus.password());

            browser.textAppears(By.id("record"), alumnus.personnelNumber());
            assertEquals(
                    GATEWAY + "/alumni/",
                    browser.driver.getCurrentUrl().replaceFirst("[?#].*", ""),
                    "the deep link survived the login");
            assertTrue(browser.driver.findElement(By.id("record")).getText().contains("KMAR"));
            String record = browser.driver.findElement(By.id("record")).getText();
            assertTrue(
                    record.contains("Grensbewaker") && !record.contains("GRS-BEW"),
                    "the last function by its title, not its code: " + record);
            assertTrue(
                    browser.visible(By.id("window")).getText().matches("(?s).*(meldplicht|melden|Voor uw functies).*"),
                    browser.driver.findElement(By.id("window")).getText());

            boolean before = browser.driver.findElement(By.id("consent")).isSelected();
            browser.driver.findElement(By.id("consent")).click();
            browser.driver
                    .findElement(By.cssSelector("#consent-form button[type=submit]"))
                    .click();
            browser.textAppears(By.id("consent-status"), "Opgeslagen");
            assertTrue(browser.driver
                    .findElement(By.id("consent-status"))
                    .getAttribute("class")
                    .contains("success"));
            browser.screenshot("consent-saved");

            browser.driver.navigate().refresh();
            browser.textAppears(By.id("record"), alumnus.personnelNumber());
            assertEquals(!before, browser.driver.findElement(By.id("consent")).isSelected(), "the choice was stored");
        } finally {
            TestAlumni.delete(alumnus);
        }
    }

    /**
     * A new alumnus as they would meet the platform, from the day HR announces their departure: the
     * HR system registers it with an e-mail address, the office attaches an agreement, the invitation
     * from Keycloak and the briefing's notice arrive at the real SMTP server, the invitation's link
     * sets a password at the real Keycloak, and with it the leaver logs in to the portal, reads and
     * acknowledges the briefing, accepts the agreement, and declares a new activity, which the
     * assessment holds against the agreement.
     */
    @Test
    void aNewAlumnus_isInvitedByMail_setsAPassword_readsTheBriefing_acceptsTheAgreement_andDeclares() {
        String suffix = java.util.UUID.randomUUID().toString().substring(0, 8);
        String email = "nieuw-" + suffix + "@e2e.integrity.example.nl";
        var leaver = new TestAlumni.Login(null, null, null, "KMAR", "NEW-" + suffix);
        LocalDate departure = LocalDate.now().plusWeeks(3);
        // A border guard (6 months' cooling-off, private security a sensitive sector), leaving in three weeks.
        String alumnusId = TestAlumni.registerDeparture(
                leaver, "Noor Nieuw", email, "GRS-BEW", "2022-03-01", departure.toString(), "VOLUNTARY");
        String template = given().auth()
                .oauth2(tokenFor("officer.kmar"))
                .get(GATEWAY + "/api/agreement-templates")
                .then()
                .statusCode(200)
                .extract()
                .path("find { it.code == 'SECTOR-AFKOEL' }.id");
        String agreementId = given().auth()
                .oauth2(tokenFor("officer.kmar"))
                .contentType(ContentType.JSON)
                .body("{\"templateId\":\"%s\",\"sector\":\"PRIVATE_SECURITY\"}".formatted(template))
                .post(GATEWAY + "/api/alumni/{id}/agreements", alumnusId)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String userId = null;
        try (var browser = new Browser("journey")) {
            Awaitility.await()
                    .atMost(Duration.ofSeconds(90))
                    .pollInterval(Duration.ofSeconds(1))
                    .until(() -> Mailboxes.loginMailsTo(email).size() == 1
                            && Mailboxes.noticesTo(email).size() == 2);
            var subjects = Mailboxes.noticesTo(email).stream()
                    .map(m -> String.valueOf(m.get("subject")))
                    .sorted()
                    .toList();
            assertEquals(List.of("Afspraak bij vertrek: graag uw akkoord", "Uw vertrekbriefing staat klaar"), subjects);
            String mail = String.valueOf(Mailboxes.loginMailsTo(email).get(0).get("mimeMessage"));
            var link = java.util.regex.Pattern.compile("http\\S+/login-actions/action-token\\?key=[A-Za-z0-9._-]+")
                    .matcher(mail);
            assertTrue(link.find(), "the invitation holds a link: " + mail);

            browser.open(link.group());
            // Keycloak may first say what is asked (set a password) and offer to go on.
            var proceed = browser.driver.findElements(By.cssSelector("a[href*='login-actions']"));
            if (browser.driver.findElements(By.id("password-new")).isEmpty() && !proceed.isEmpty()) {
                proceed.get(0).click();
            }
            String password = "Nieuw-" + java.util.UUID.randomUUID();
            browser.visible(By.id("password-new")).sendKeys(password);
            browser.driver.findElement(By.id("password-confirm")).sendKeys(password);
            browser.screenshot("set-password");
            browser.driver.findElement(By.cssSelector("[type=submit]")).click();
            browser.disappears(By.id("password-new"));

            browser.open(GATEWAY + "/alumni/");
            if (!browser.driver.findElements(By.id("username")).isEmpty()) {
                browser.logInAtKeycloak(email, password);
            }
            browser.textAppears(By.id("record"), leaver.personnelNumber());
            assertTrue(browser.driver.findElement(By.id("record")).getText().contains("Grensbewaker"));
            browser.visible(By.id("agreements-due"));
            browser.screenshot("first-login");

            // The briefing: why, until when, what; acknowledged.
            browser.visible(By.cssSelector("#briefing-due a")).click();
            browser.textAppears(By.tagName("h1"), "Uw vertrekbriefing");
            browser.textAppears(By.id("why"), "(GRS-BEW)");
            browser.textAppears(By.id("sectors"), "Beveiliging");
            browser.screenshot("briefing");
            browser.driver.findElement(By.id("acknowledge-briefing")).click();
            browser.textAppears(By.id("acknowledgement-state"), "bevestigd (revisie");

            // The agreement, accepted in the same place.
            browser.textAppears(By.id("agreement-title-" + agreementId), "Afkoelperiode voor de sector beveiliging");
            browser.driver.findElement(By.id("accept-" + agreementId)).click();
            browser.textAppears(By.id("agreements-status"), "akkoord gegeven");
            browser.textAppears(By.id("agreement-state-" + agreementId), "Akkoord gegeven op");
            browser.screenshot("agreement-accepted");

            // A job offer in private security, starting after the departure: declared in the portal.
            browser.open(GATEWAY + "/alumni/declare/");
            fillDeclaration(browser, "Waakzaam Beveiliging BV", departure.plusMonths(2));
            browser.textAppears(By.id("status"), "Uw melding is ingediend");
            browser.textAppears(By.id("declaration-rows"), "Waakzaam Beveiliging BV");
            browser.screenshot("declared");
            String declarationId = browser.driver.getCurrentUrl().replaceFirst(".*[?&]declared=([^&#]+).*", "$1");

            // The office sees the login active, the briefing acknowledged, and the agreement in the assessment.
            userId = given().auth()
                    .oauth2(tokenFor("officer.kmar"))
                    .get(GATEWAY + "/api/alumni/{id}/account", alumnusId)
                    .then()
                    .statusCode(200)
                    .body("state", org.hamcrest.Matchers.equalTo("ACTIVE"))
                    .body("invitations", org.hamcrest.Matchers.equalTo(1))
                    .extract()
                    .path("username");
            given().auth()
                    .oauth2(tokenFor("officer.kmar"))
                    .queryParam("purpose", "OBLIGATION_MONITORING")
                    .get(GATEWAY + "/api/alumni/{id}/briefing", alumnusId)
                    .then()
                    .body("acknowledgedAt", org.hamcrest.Matchers.notNullValue());
            Awaitility.await()
                    .atMost(Duration.ofSeconds(30))
                    .until(() -> given().auth()
                            .oauth2(tokenFor("officer.kmar"))
                            .queryParam("purpose", "DECLARATION_REVIEW")
                            .get(GATEWAY + "/api/declarations/{id}", declarationId)
                            .then()
                            .extract()
                            .<List<String>>path("risk.reasons.code")
                            .contains("AGREEMENT:SECTOR-AFKOEL"));
        } finally {
            TestAlumni.deleteByUsername(userId == null ? "alumnus-" + alumnusId : userId);
        }
    }

    /** Fills in and submits the declaration form: a paid job in private security, no contact, no knowledge used. */
    private static void fillDeclaration(Browser browser, String employer, LocalDate start) {
        browser.visible(By.id("employerName")).sendKeys(employer);
        browser.driver.findElement(By.id("kvkNumber")).sendKeys("87654321");
        new Select(browser.driver.findElement(By.id("sector"))).selectByValue("PRIVATE_SECURITY");
        browser.driver.findElement(By.id("role")).sendKeys("Teamleider objectbeveiliging");
        browser.driver.findElement(By.id("duties")).sendKeys("Leidt de beveiliging van een haventerrein");
        // A date field's typing order follows the browser's locale; the value itself is ISO everywhere.
        browser.driver.executeScript("document.getElementById('startDate').value = '" + start + "'");
        browser.driver.findElement(By.id("hoursPerWeek")).sendKeys("36");
        for (String answer : new String[] {"paid-yes", "selfEmployed-no", "expectsContact-no", "usesKnowledge-no"}) {
            browser.driver.findElement(By.id(answer)).click();
        }
        browser.driver.findElement(By.id("submit")).click();
    }

    @Test
    void aLeaverReadsTheDepartureBriefing_andAcknowledgesIt_andTheOfficeSeesThat() {
        TestAlumni.Login leaver = TestAlumni.create("POLITIE");
        try {
            // Leaving next month from a function with a duty to declare: the registration issues the briefing.
            TestAlumni.registerDeparture(
                    leaver,
                    "Briefing Portaal",
                    "REC-DIG",
                    "2020-01-01",
                    LocalDate.now().plusMonths(1).toString(),
                    "VOLUNTARY");
            try (var browser = new Browser("briefing")) {
                browser.open(GATEWAY + "/alumni/");
                browser.logInAtKeycloak(leaver.username(), leaver.password());
                browser.visible(By.cssSelector("#briefing-due a")).click();

                browser.textAppears(By.tagName("h1"), "Uw vertrekbriefing");
                browser.textAppears(By.id("obligation"), "moet u elke nieuwe beroepsmatige activiteit melden");
                String why = browser.driver.findElement(By.id("why")).getText();
                assertTrue(why.contains("(REC-DIG)") && why.contains("maanden"), why);
                assertTrue(!browser.driver
                        .findElements(By.cssSelector("#sectors li"))
                        .isEmpty());
                assertTrue(
                        !browser.driver
                                .findElements(By.cssSelector("#whatToDeclare p"))
                                .isEmpty(),
                        "the text");
                browser.textAppears(By.id("functions"), "REC-DIG");
                browser.screenshot("briefing");

                browser.driver.findElement(By.id("acknowledge-briefing")).click();
                browser.textAppears(By.id("acknowledgement-state"), "bevestigd (revisie");
                browser.disappears(By.id("acknowledge-briefing"));
                browser.screenshot("acknowledged");

                browser.open(GATEWAY + "/alumni/");
                browser.visible(By.id("briefing-done"));
                assertTrue(!browser.driver.findElement(By.id("briefing-due")).isDisplayed(), "no notice any more");
            }
            try (var office = new Browser("briefing-office")) {
                office.open(GATEWAY + "/office/alumni.html");
                office.logInAtKeycloak("officer.politie", "demo");
                office.visible(By.id("personnelNumber")).sendKeys(leaver.personnelNumber());
                office.driver
                        .findElement(By.cssSelector("#search button[type=submit]"))
                        .click();
                office.visible(By.cssSelector("#results button")).click();
                office.textAppears(By.id("briefing-state"), "Bevestigd op");
                assertTrue(!office.driver.findElement(By.id("issue-briefing")).isDisplayed(), "nothing to issue");
            }
        } finally {
            TestAlumni.delete(leaver);
        }
    }

    @Test
    void anAlumnusSeesWhoLookedAtTheirData_byRoleAndPurpose_andDownloadsEverything() {
        TestAlumni.Login alumnus = TestAlumni.create("POLITIE");
        try {
            String alumnusId = TestAlumni.registerDeparture(
                    alumnus, "Inzage Zelf", null, "REC-DIG", "2022-01-01", "2026-10-31", "VOLUNTARY");
            given().auth()
                    .oauth2(tokenFor("officer.politie"))
                    .queryParam("purpose", "AUDIT")
                    .get(GATEWAY + "/api/alumni/{id}", alumnusId)
                    .then()
                    .statusCode(200);
            // Every service answers for the alumnus once it has learnt of the departure (by event).
            String token = tokenFor(alumnus.username(), alumnus.password());
            Awaitility.await()
                    .atMost(Duration.ofSeconds(30))
                    .until(() -> given().auth()
                                    .oauth2(token)
                                    .queryParam("format", "json")
                                    .get(GATEWAY + "/api/me/export")
                                    .statusCode()
                            == 200);
            try (var browser = new Browser("my-data")) {
                browser.open(GATEWAY + "/alumni/");
                browser.logInAtKeycloak(alumnus.username(), alumnus.password());
                browser.visible(By.id("my-data-link")).click();
                browser.textAppears(By.tagName("h1"), "Mijn gegevens bij het platform");
                browser.textAppears(By.id("access-rows"), "Dossier ingezien");
                String read = browser.driver
                        .findElement(
                                By.xpath("//tbody[@id='access-rows']/tr[td[4][normalize-space()='Dossier ingezien']]"))
                        .getText();
                assertTrue(
                        read.contains("Register")
                                && read.contains("Integriteitsfunctionaris")
                                && read.contains("Controle"),
                        read);
                assertTrue(
                        !browser.driver
                                .findElement(By.id("access-rows"))
                                .getText()
                                .contains("officer.politie"),
                        "staff are shown by role, not by name");
                assertEquals(
                        GATEWAY + "/api/me/export",
                        browser.driver.findElement(By.id("download")).getAttribute("href"));
                browser.screenshot("my-data");

                browser.driver.findElement(By.id("lang")).click();
                browser.textAppears(By.id("access-rows"), "Record read");
                browser.textAppears(By.id("access-rows"), "Integrity officer");
            }
        } finally {
            TestAlumni.delete(alumnus);
        }
    }
}
