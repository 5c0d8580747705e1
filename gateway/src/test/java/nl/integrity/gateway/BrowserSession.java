package nl.integrity.gateway;

import static nl.integrity.platform.testing.KeycloakLogins.DEMO_PASSWORD;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser's view of the gateway, without a browser: it follows the redirects of the
 * authorization code flow by hand, fills in Keycloak's real login form, and keeps the cookies
 * each side sets, so a test can see every step (and every cookie attribute) a browser would.
 */
final class BrowserSession {

    static final String GATEWAY = "http://localhost:8089";
    private static final Pattern FORM_ACTION =
            Pattern.compile("<form[^>]*id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"");
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    /** The gateway's cookies in this browser: name to value. */
    final Map<String, String> cookies = new LinkedHashMap<>();
    /** Every Set-Cookie header the gateway sent, in full (attributes included). */
    final List<String> setCookies = new ArrayList<>();
    /** The authorization request the gateway sent the browser to. */
    String authorizationRequest;
    /** Where the browser ended up after the last redirects it followed on the gateway. */
    String lastUrl;

    /** Logs in through Keycloak's login form, starting at the gateway's {@code path}; the last response. */
    HttpResponse<String> login(String username, String path) {
        HttpResponse<String> start = get(GATEWAY + path);
        authorizationRequest = location(start, "the gateway sent no redirect to Keycloak");
        Map<String, String> keycloakCookies = new LinkedHashMap<>();
        HttpResponse<String> form = send(
                HttpRequest.newBuilder(URI.create(authorizationRequest)).GET().build());
        keep(form, keycloakCookies, null);
        Matcher action = FORM_ACTION.matcher(form.body());
        if (!action.find()) {
            throw new IllegalStateException("Keycloak showed no login form (" + form.statusCode() + ")");
        }
        HttpResponse<String> afterLogin =
                send(HttpRequest.newBuilder(URI.create(action.group(1).replace("&amp;", "&")))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("Cookie", header(keycloakCookies))
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "username=" + enc(username) + "&password=" + enc(DEMO_PASSWORD) + "&credentialId="))
                        .build());
        String callback = location(afterLogin, "Keycloak did not accept the login of " + username);
        return followOnGateway(get(callback));
    }

    /** Follows redirects as long as they stay on the gateway. */
    HttpResponse<String> followOnGateway(HttpResponse<String> response) {
        for (int hops = 0; hops < 10 && response.statusCode() / 100 == 3; hops++) {
            String next = location(response, "");
            if (next.startsWith("/") && !next.startsWith("//")) {
                next = GATEWAY + next;
            }
            if (!next.startsWith(GATEWAY + "/")) {
                break;
            }
            response = get(next);
            lastUrl = next;
        }
        return response;
    }

    HttpResponse<String> get(String url) {
        return send(request(url).GET().build());
    }

    HttpResponse<String> send(String method, String path, String json, Map<String, String> headers) {
        var request = request(GATEWAY + path)
                .method(
                        method,
                        json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        headers.forEach(request::header);
        return send(request.build());
    }

    private HttpRequest.Builder request(String url) {
        var request = HttpRequest.newBuilder(URI.create(url));
        if (url.startsWith(GATEWAY) && !cookies.isEmpty()) {
            request.header("Cookie", header(cookies));
        }
        return request;
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (request.uri().toString().startsWith(GATEWAY)) {
                keep(response, cookies, setCookies);
            }
            return response;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void keep(HttpResponse<String> response, Map<String, String> jar, List<String> log) {
        for (String setCookie : response.headers().allValues("Set-Cookie")) {
            if (log != null) {
                log.add(setCookie);
            }
            String[] pair = setCookie.split(";", 2)[0].split("=", 2);
            boolean expired = setCookie.toLowerCase().contains("max-age=0") || pair.length < 2 || pair[1].isEmpty();
            if (expired) {
                jar.remove(pair[0].trim());
            } else {
                jar.put(pair[0].trim(), pair[1]);
            }
        }
    }

    static String location(HttpResponse<String> response, String otherwise) {
        return response.headers().firstValue("Location").orElseGet(() -> {
            if (otherwise.isEmpty()) {
                return "";
            }
            throw new IllegalStateException(otherwise + " (" + response.statusCode() + ")");
        });
    }

    private static String header(Map<String, String> jar) {
        return jar.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("; "));
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
