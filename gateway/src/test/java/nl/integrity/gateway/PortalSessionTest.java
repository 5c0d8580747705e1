package nl.integrity.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The backend for the portal, with the real Keycloak login page: the code flow with PKCE, a
 * session cookie the browser cannot read, the access token relayed to the services and never
 * shown to the browser, CSRF protection, logout that ends the session everywhere, and no session
 * fixation or open redirect.
 */
@QuarkusTest
@QuarkusTestResource(EchoService.class)
class PortalSessionTest {

    static JsonPath json(HttpResponse<String> response) {
        return JsonPath.from(response.body());
    }

    @Test
    void login_usesPkce_andSetsAnHttpOnlySameSiteCookieWithNoReadableToken() {
        var browser = new BrowserSession();
        browser.login("officer.politie", "/login");

        assertTrue(browser.authorizationRequest.contains("code_challenge_method=S256"), browser.authorizationRequest);
        assertTrue(browser.authorizationRequest.contains("client_id=integrity-gateway"), browser.authorizationRequest);
        assertEquals(BrowserSession.GATEWAY + "/", browser.lastUrl, "after login the browser goes home");
        var sessionCookies = browser.setCookies.stream()
                .filter(c -> c.startsWith(PortalTenant.SESSION_COOKIE))
                .toList();
        assertFalse(sessionCookies.isEmpty(), browser.setCookies.toString());
        for (String cookie : sessionCookies) {
            String lower = cookie.toLowerCase();
            assertTrue(lower.contains("httponly"), cookie);
            assertTrue(lower.contains("samesite=lax"), cookie);
            assertFalse(lower.contains("secure"), "Secure only under TLS; this test runs on plain http: " + cookie);
        }
        String first = browser.cookies.entrySet().stream()
                .filter(c -> c.getKey().startsWith(PortalTenant.SESSION_COOKIE))
                .findFirst()
                .orElseThrow()
                .getValue();
        assertTrue(
                first.matches("[A-Za-z0-9_-]{43}"),
                "the cookie is a random key to the session kept in Redis, no token (readable or encrypted): " + first);

        HttpResponse<String> session = browser.get(BrowserSession.GATEWAY + "/session");
        assertEquals(200, session.statusCode());
        assertEquals("officer.politie", json(session).getString("username"));
        assertEquals("POLITIE", json(session).getString("organisation"));
        assertTrue(json(session).getList("roles").contains("integrity-officer"));
        assertFalse(session.body().contains("eyJ"), "the session view holds no token");
    }

    @Test
    void sessionCalls_relayTheAccessToken_andKeepTheCookiesAtTheGateway() {
        var browser = new BrowserSession();
        browser.login("officer.politie", "/login");

        HttpResponse<String> echoed = browser.get(BrowserSession.GATEWAY + "/api/alumni/123");
        assertEquals(200, echoed.statusCode(), echoed.body());
        String authorization = json(echoed).getString("authorization");
        assertTrue(authorization.startsWith("Bearer eyJ"), authorization);
        String payload =
                new String(Base64.getUrlDecoder().decode(authorization.split("\\.")[1]), StandardCharsets.UTF_8);
        assertTrue(payload.contains("\"integrity-api\""), "an access token for the services: " + payload);
        assertTrue(payload.contains("\"preferred_username\":\"officer.politie\""), payload);
        assertEquals("null", json(echoed).getString("cookie"), "the session cookie stays at the gateway");
        String token = authorization.substring("Bearer ".length());
        assertFalse(
                browser.cookies.values().stream().anyMatch(v -> v.contains(token.substring(token.length() - 20))),
                "the token is in no cookie in readable form");
    }

    @Test
    void stateChangingSessionCalls_needTheSessionsCsrfToken() {
        var browser = new BrowserSession();
        browser.login("officer.politie", "/login");
        String csrf = json(browser.get(BrowserSession.GATEWAY + "/session")).getString("csrfToken");

        HttpResponse<String> without = browser.send("POST", "/api/alumni/123/x", "{}", Map.of());
        assertEquals(403, without.statusCode());
        assertTrue(without.body().contains("/problems/csrf"), without.body());
        HttpResponse<String> wrong = browser.send(
                "POST", "/api/alumni/123/x", "{}", Map.of(PortalSessions.CSRF_HEADER, csrf.substring(1) + "A"));
        assertEquals(403, wrong.statusCode());

        HttpResponse<String> with =
                browser.send("POST", "/api/alumni/123/x", "{}", Map.of(PortalSessions.CSRF_HEADER, csrf));
        assertEquals(201, with.statusCode(), with.body());
        assertEquals("null", json(with).getString("csrf"), "the CSRF token is not passed on");

        var other = new BrowserSession();
        other.login("officer.politie", "/login");
        assertNotEquals(
                csrf,
                json(other.get(BrowserSession.GATEWAY + "/session")).getString("csrfToken"),
                "each login has a token of its own");
        assertEquals(
                403,
                other.send("DELETE", "/api/alumni/123", null, Map.of(PortalSessions.CSRF_HEADER, csrf))
                        .statusCode(),
                "another session's token does not do");
    }

    @Test
    void logout_endsTheKeycloakSession_andTheOldCookieIsRefusedAfterwards() {
        var browser = new BrowserSession();
        browser.login("alumnus.politie", "/login");
        Map<String, String> before = Map.copyOf(browser.cookies);

        HttpResponse<String> logout = browser.get(BrowserSession.GATEWAY + "/logout");
        String endSession = BrowserSession.location(logout, "no redirect to Keycloak's logout");
        assertTrue(
                endSession.startsWith(
                        nl.integrity.platform.testing.KeycloakLogins.REALM_URL + "/protocol/openid-connect/logout"),
                endSession);
        assertTrue(endSession.contains("id_token_hint="), endSession);
        assertTrue(endSession.contains("post_logout_redirect_uri="), endSession);
        assertFalse(
                browser.cookies.keySet().stream().anyMatch(name -> name.startsWith(PortalTenant.SESSION_COOKIE)),
                "the session cookie is removed");

        // An attacker who copied the cookie before logout gets nowhere with it.
        var replay = new BrowserSession();
        replay.cookies.putAll(before);
        assertEquals(401, replay.get(BrowserSession.GATEWAY + "/session").statusCode());
        assertEquals(401, replay.get(BrowserSession.GATEWAY + "/api/alumni/123").statusCode());
    }

    @Test
    void aPlantedSessionCookieIsNotAdopted_andLoginIssuesAFreshOne() {
        var browser = new BrowserSession();
        browser.cookies.put(PortalTenant.SESSION_COOKIE, "planted-by-an-attacker");
        assertEquals(401, browser.get(BrowserSession.GATEWAY + "/session").statusCode());

        browser.login("officer.politie", "/login");
        assertFalse(browser.cookies.containsValue("planted-by-an-attacker"), "the planted value is gone");
        assertEquals(200, browser.get(BrowserSession.GATEWAY + "/session").statusCode());
    }

    @Test
    void portalPagesNeedALogin_andADeepLinkComesBackAfterIt() {
        var browser = new BrowserSession();
        HttpResponse<String> anonymous = browser.get(BrowserSession.GATEWAY + "/alumni/");
        assertEquals(302, anonymous.statusCode());
        assertTrue(
                BrowserSession.location(anonymous, "")
                        .startsWith(nl.integrity.platform.testing.KeycloakLogins.REALM_URL + "/"),
                "a page of the portal starts the login");

        browser.login("alumnus.politie", "/alumni/");
        assertEquals(BrowserSession.GATEWAY + "/alumni/", browser.lastUrl, "back at the page asked for");
        HttpResponse<String> mailLink = browser.get(BrowserSession.GATEWAY + "/alumni/consent");
        assertEquals("/alumni/#network", BrowserSession.location(mailLink, ""), "the consent link in network mail");
        HttpResponse<String> briefingLink = browser.get(BrowserSession.GATEWAY + "/alumni/briefing");
        assertEquals(200, briefingLink.statusCode(), "the link in the briefing mail");
        assertTrue(briefingLink.body().contains("/alumni/briefing.js"), "opens the briefing's page");
    }

    @Test
    void loginNeverRedirectsOffSite() {
        var browser = new BrowserSession();
        browser.login("officer.politie", "/login?next=https://evil.example.com/");
        assertEquals(BrowserSession.GATEWAY + "/", browser.lastUrl);
        HttpResponse<String> again = browser.get(BrowserSession.GATEWAY + "/login?redirect_uri=//evil.example.com");
        assertEquals("/", BrowserSession.location(again, ""));
    }
}
