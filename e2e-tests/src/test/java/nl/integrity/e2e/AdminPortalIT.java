package nl.integrity.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * The administrators' page in a real headless Chromium: a subscription with a bad URL is refused
 * with the error at the field; a good one shows its signing secret once and is listed; the risk
 * rules and the function catalogue of the administrator's organisation are shown.
 */
class AdminPortalIT {

    static final String GATEWAY = PortalLoginIT.GATEWAY;

    @Test
    void anAdministratorSubscribesAWebhook_seesTheSecretOnce_andTheRulesAndCatalogue() {
        try (var browser = new Browser("admin")) {
            browser.open(GATEWAY + "/admin/");
            browser.logInAtKeycloak("admin", "demo");
            browser.textAppears(By.id("rules"), "SENSITIVE_SECTOR");
            browser.textAppears(By.id("catalogue"), "REC-DIG");

            browser.driver.findElement(By.id("url")).sendKeys("not a url");
            browser.driver.findElement(By.cssSelector("#subscription-form button[type=submit]")).click();
            browser.visible(By.id("error-url"));
            assertEquals("true", browser.driver.findElement(By.id("url")).getAttribute("aria-invalid"));
            assertTrue(browser.driver.findElement(By.id("secret")).getAttribute("hidden") != null, "no secret without a subscription");

            // A receiver nobody runs; the subscription is switched off again below, so nothing keeps failing.
            String url = "http://127.0.0.1:9/portal-test-" + UUID.randomUUID().toString().substring(0, 8);
            var field = browser.driver.findElement(By.id("url"));
            field.clear();
            field.sendKeys(url);
            browser.driver.findElement(By.cssSelector("#subscription-form button[type=submit]")).click();
            browser.textAppears(By.id("status"), "Abonnement aangemaakt.");
            assertTrue(browser.visible(By.id("secret-value")).getText().startsWith("whsec_"));
            browser.textAppears(By.id("subscriptions"), url);
            browser.screenshot("subscribed");

            browser.driver.findElement(By.xpath("//tr[td[normalize-space()='" + url + "']]//button")).click();
            browser.textAppears(By.id("status"), "Abonnement staat nu uit.");
        }
    }
}
