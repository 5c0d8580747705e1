package nl.integrity.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * The alumnus' own page in a real headless Chromium: a deep link logs in first and comes back,
 * the record and the duty to declare come from the APIs through the gateway's session, and
 * consent is saved with clear feedback (a state-changing call, so the page sends the CSRF token).
 */
class AlumnusPortalIT {

    static final String GATEWAY = PortalLoginIT.GATEWAY;

    @Test
    void theDemoAlumnusSeesTheirRecordAndDuty_andSavesConsent() {
        try (var browser = new Browser("alumnus")) {
            browser.open(GATEWAY + "/alumni/");
            browser.logInAtKeycloak("alumnus.kmar", "demo");

            browser.textAppears(By.id("record"), "K200001");
            assertEquals(GATEWAY + "/alumni/", browser.driver.getCurrentUrl().replaceFirst("[?#].*", ""),
                    "the deep link survived the login");
            assertTrue(browser.driver.findElement(By.id("record")).getText().contains("KMAR"));
            assertTrue(browser.visible(By.id("window")).getText().matches("(?s).*(meldplicht|melden|Voor uw functies).*"),
                    browser.driver.findElement(By.id("window")).getText());

            boolean before = browser.driver.findElement(By.id("consent")).isSelected();
            browser.driver.findElement(By.id("consent")).click();
            browser.driver.findElement(By.cssSelector("#consent-form button[type=submit]")).click();
            browser.textAppears(By.id("consent-status"), "Opgeslagen");
            assertTrue(browser.driver.findElement(By.id("consent-status")).getAttribute("class").contains("success"));
            browser.screenshot("consent-saved");

            browser.driver.navigate().refresh();
            browser.textAppears(By.id("record"), "K200001");
            assertEquals(!before, browser.driver.findElement(By.id("consent")).isSelected(), "the choice was stored");
            // Leave the demo alumnus as found.
            browser.driver.findElement(By.id("consent")).click();
            browser.driver.findElement(By.cssSelector("#consent-form button[type=submit]")).click();
            browser.textAppears(By.id("consent-status"), "Opgeslagen");
        }
    }
}
