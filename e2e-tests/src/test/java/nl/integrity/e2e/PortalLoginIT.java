package nl.integrity.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * The portal's login in a real headless Chromium against the running platform: Keycloak's real
 * login page, the session the gateway keeps (no token and no session cookie readable by the page),
 * the language switch, and logout that ends the Keycloak session.
 */
class PortalLoginIT {

    static final String GATEWAY = System.getProperty("gateway.url", "http://localhost:8080");

    @Test
    void anOfficerLogsInThroughKeycloak_seesWhoIsLoggedIn_andLogsOutEverywhere() {
        try (var browser = new Browser("login")) {
            browser.open(GATEWAY + "/");
            browser.visible(By.linkText("Inloggen")).click();
            assertTrue(
                    browser.driver
                            .getCurrentUrl()
                            .startsWith(nl.integrity.platform.testing.KeycloakLogins.REALM_URL + "/"),
                    "the real Keycloak login page: " + browser.driver.getCurrentUrl());
            browser.screenshot("keycloak-login");
            browser.logInAtKeycloak("officer.politie", "demo");

            browser.textAppears(By.id("who"), "Olga Bakker (POLITIE)");
            assertEquals(GATEWAY + "/", browser.driver.getCurrentUrl().replaceFirst("\\?.*", ""), "back home");
            browser.screenshot("logged-in");
            Object cookies = browser.driver.executeScript("return document.cookie");
            assertFalse(String.valueOf(cookies).contains("q_session"), "the session cookie is HttpOnly: " + cookies);
            Object storage = browser.driver.executeScript(
                    "return JSON.stringify(Object.assign({}, localStorage)) + JSON.stringify(Object.assign({}, sessionStorage))");
            assertFalse(String.valueOf(storage).contains("eyJ"), "no token in browser storage: " + storage);

            browser.driver.findElement(By.id("lang")).click();
            browser.textAppears(By.tagName("h1"), "Declaring after leaving");
            assertEquals("en", browser.driver.findElement(By.tagName("html")).getAttribute("lang"));

            browser.visible(By.xpath("//button[normalize-space()='Log out']")).click();
            browser.visible(By.linkText("Log in"));
            // Keycloak comes back with the logout's state parameter.
            assertEquals(GATEWAY + "/", browser.driver.getCurrentUrl().replaceFirst("\\?.*", ""), "back home");
            browser.screenshot("logged-out");

            // The Keycloak session ended too: logging in again asks for the password again.
            browser.driver.findElement(By.linkText("Log in")).click();
            browser.visible(By.id("username"));
        }
    }
}
