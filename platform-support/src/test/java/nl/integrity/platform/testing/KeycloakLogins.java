package nl.integrity.platform.testing;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Real access tokens from the real Keycloak (the tests' realm {@code integrity-test}, made by
 * deploy/local/platform from the same file as the demo realm, deploy/keycloak): users log
 * in through Keycloak's own login form with the portal client's authorization code flow and PKCE,
 * exactly as a browser would; the HR system uses client credentials. Tokens are cached per user
 * until shortly before they expire.
 */
public final class KeycloakLogins {

    public static final String KEYCLOAK_URL = System.getProperty("keycloak.url", "http://localhost:8180");
    public static final String REALM = System.getProperty("keycloak.realm", "integrity-test");
    public static final String REALM_URL = KEYCLOAK_URL + "/realms/" + REALM;
    /** The realm's admin API (the master realm's admin may use it). */
    public static final String ADMIN_URL = KEYCLOAK_URL + "/admin/realms/" + REALM;

    public static final String DEMO_PASSWORD = "demo";
    private static final String PORTAL_CLIENT = "integrity-portal";
    private static final String REDIRECT_URI = "http://localhost:8080/login-callback";
    private static final Pattern FORM_ACTION =
            Pattern.compile("<form[^>]*id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"");
    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern EXPIRES_IN = Pattern.compile("\"expires_in\"\\s*:\\s*(\\d+)");
    private static final Map<String, Token> CACHE = new ConcurrentHashMap<>();
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private record Token(String value, Instant expires) {}

    private KeycloakLogins() {}

    /** A demo user's access token (password {@value #DEMO_PASSWORD}). */
    public static String tokenFor(String username) {
        return tokenFor(username, DEMO_PASSWORD);
    }

    public static String tokenFor(String username, String password) {
        return cached("user:" + username, () -> login(username, password));
    }

    /** The token of POLITIE's HR system (see {@link #hrSystemToken(String)}). */
    public static String hrSystemToken() {
        return hrSystemToken("POLITIE");
    }

    /**
     * The token of an organisation's HR system: client credentials of its confidential client
     * ({@code hr-politie}, {@code hr-kmar}), which names the organisation in the token.
     */
    public static String hrSystemToken(String organisation) {
        String client = "hr-" + organisation.toLowerCase(java.util.Locale.ROOT);
        return cached(
                "client:" + client,
                () -> post(
                        REALM_URL + "/protocol/openid-connect/token",
                        Map.of(
                                "grant_type",
                                "client_credentials",
                                "client_id",
                                client,
                                "client_secret",
                                System.getProperty(client + ".secret", client + "-demo-secret"))));
    }

    /** A token of the master realm's bootstrap admin, for tests that create users through the admin API. */
    public static String masterAdminToken() {
        return cached(
                "master-admin",
                () -> post(
                        KEYCLOAK_URL + "/realms/master/protocol/openid-connect/token",
                        Map.of(
                                "grant_type",
                                "password",
                                "client_id",
                                "admin-cli",
                                "username",
                                System.getProperty("keycloak.admin.user", "admin"),
                                "password",
                                System.getProperty("keycloak.admin.password", "admin"))));
    }

    private interface TokenRequest {
        String send() throws IOException, InterruptedException;
    }

    private static String cached(String key, TokenRequest request) {
        Token token = CACHE.get(key);
        if (token != null && Instant.now().isBefore(token.expires())) {
            return token.value();
        }
        try {
            String body = request.send();
            Matcher access = ACCESS_TOKEN.matcher(body);
            Matcher expires = EXPIRES_IN.matcher(body);
            if (!access.find()) {
                throw new IllegalStateException("Keycloak gave no access token: " + body);
            }
            long lifetime = expires.find() ? Long.parseLong(expires.group(1)) : 60;
            token = new Token(access.group(1), Instant.now().plusSeconds(Math.max(5, lifetime - 30)));
            CACHE.put(key, token);
            return token.value();
        } catch (IOException e) {
            throw new IllegalStateException(
                    "Keycloak at " + KEYCLOAK_URL + " cannot be reached; start it with deploy/local/platform infra", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String login(String username, String password) throws IOException, InterruptedException {
        String verifier = randomUrlSafe(32);
        String challenge = Base64.getUrlEncoder().withoutPadding().encodeToString(sha256(verifier));
        String authorize = REALM_URL + "/protocol/openid-connect/auth?"
                + form(Map.of(
                        "client_id",
                        PORTAL_CLIENT,
                        "response_type",
                        "code",
                        "scope",
                        "openid",
                        "redirect_uri",
                        REDIRECT_URI,
                        "state",
                        randomUrlSafe(8),
                        "code_challenge",
                        challenge,
                        "code_challenge_method",
                        "S256"));
        HttpResponse<String> loginPage = HTTP.send(
                HttpRequest.newBuilder(URI.create(authorize)).GET().build(), HttpResponse.BodyHandlers.ofString());
        Matcher action = FORM_ACTION.matcher(loginPage.body());
        if (loginPage.statusCode() != 200 || !action.find()) {
            throw new IllegalStateException("Keycloak showed no login form (" + loginPage.statusCode() + ")");
        }
        // Keycloak's session cookies are marked Secure; a browser sends them to http://localhost
        // anyway (a secure context), java.net's CookieManager would not, so they are carried by hand.
        String cookies = loginPage.headers().allValues("Set-Cookie").stream()
                .map(c -> c.split(";", 2)[0])
                .collect(Collectors.joining("; "));
        HttpResponse<String> afterLogin = HTTP.send(
                HttpRequest.newBuilder(URI.create(action.group(1).replace("&amp;", "&")))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("Cookie", cookies)
                        .POST(HttpRequest.BodyPublishers.ofString(
                                form(Map.of("username", username, "password", password, "credentialId", ""))))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        String location = afterLogin.headers().firstValue("Location").orElse("");
        String code = queryParameter(location, "code");
        if (afterLogin.statusCode() != 302 || code == null) {
            throw new IllegalStateException("Login of " + username + " failed (" + afterLogin.statusCode() + ")");
        }
        return post(
                REALM_URL + "/protocol/openid-connect/token",
                Map.of(
                        "grant_type", "authorization_code",
                        "client_id", PORTAL_CLIENT,
                        "code", code,
                        "redirect_uri", REDIRECT_URI,
                        "code_verifier", verifier));
    }

    private static String post(String url, Map<String, String> fields) throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(fields)));
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(
                    "POST " + url + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    private static String queryParameter(String url, String name) {
        int query = url.indexOf('?');
        if (query < 0) {
            return null;
        }
        for (String pair : url.substring(query + 1).split("&")) {
            String[] kv = pair.split("=", 2);
            if (kv.length == 2 && kv[0].equals(name)) {
                return URLDecoder.decode(kv[1], StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    private static String form(Map<String, String> fields) {
        return new LinkedHashMap<>(fields)
                .entrySet().stream()
                        .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                        .collect(Collectors.joining("&"));
    }

    private static String randomUrlSafe(int bytes) {
        byte[] random = new byte[bytes];
        new SecureRandom().nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
