package nl.integrity.gateway;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The browser side of the gateway (backend for frontend). A portal session is quarkus-oidc's
 * encrypted session cookie; this class adds what a session needs beyond it:
 * <ul>
 * <li>a CSRF token bound to the Keycloak session ({@code sid}): every state-changing request made
 * with the session cookie must carry it in {@code X-CSRF-Token} (bearer calls need none: a browser
 * never adds a bearer token by itself);</li>
 * <li>{@code GET /session}: who is logged in, with roles, organisation and the CSRF token.</li>
 * </ul>
 * Logged-out sessions are refused by every gateway instance, also when an old cookie is replayed:
 * their tokens are gone from Redis ({@link RedisSessions}).
 */
@ApplicationScoped
public class PortalSessions {

    static final String CSRF_HEADER = "X-CSRF-Token";
    private static final Set<HttpMethod> SAFE = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final byte[] csrfKey;

    PortalSessions(
            @ConfigProperty(name = "quarkus.oidc.portal.token-state-manager.encryption-secret") String sessionSecret) {
        this.csrfKey = hmac(sessionSecret.getBytes(StandardCharsets.UTF_8), "csrf-token-key");
    }

    void register(@Observes Router router) {
        router.get("/session").handler(this::describe);
    }

    /** The logged-in browser user, or empty: the request came with a bearer token, or with no valid session. */
    Optional<SecurityIdentity> session(RoutingContext ctx) {
        if (PortalTenant.bearer(ctx)
                || !(ctx.user() instanceof QuarkusHttpUser user)
                || user.getSecurityIdentity().isAnonymous()) {
            return Optional.empty();
        }
        SecurityIdentity identity = user.getSecurityIdentity();
        return identity.getCredential(AccessTokenCredential.class) == null ? Optional.empty() : Optional.of(identity);
    }

    /** The access token to relay to the services for this session. */
    static String accessToken(SecurityIdentity identity) {
        return identity.getCredential(AccessTokenCredential.class).getToken();
    }

    /**
     * Whether a session request may go on: safe methods always; state-changing ones only with the
     * session's CSRF token.
     */
    boolean csrfSatisfied(RoutingContext ctx, SecurityIdentity identity) {
        if (SAFE.contains(ctx.request().method())) {
            return true;
        }
        String given = ctx.request().getHeader(CSRF_HEADER);
        return given != null
                && MessageDigest.isEqual(
                        given.getBytes(StandardCharsets.US_ASCII),
                        csrfToken(identity).getBytes(StandardCharsets.US_ASCII));
    }

    String csrfToken(SecurityIdentity identity) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(hmac(csrfKey, sessionId(identity)));
    }

    private void describe(RoutingContext ctx) {
        Optional<SecurityIdentity> session = session(ctx);
        if (session.isEmpty()) {
            Problems.send(ctx, 401, "unauthorized", "Not logged in", "Log in at /login");
            return;
        }
        SecurityIdentity identity = session.get();
        JsonWebToken idToken = (JsonWebToken) identity.getPrincipal();
        ObjectNode body = JSON.createObjectNode()
                .put("username", idToken.<String>getClaim("preferred_username"))
                .put("name", idToken.<String>getClaim("name"))
                .put("organisation", idToken.<String>getClaim("organisation"))
                .put("csrfToken", csrfToken(identity));
        identity.getRoles().stream().sorted().forEach(body.putArray("roles")::add);
        ctx.response()
                .putHeader("Content-Type", "application/json")
                .putHeader("Cache-Control", "no-store")
                .end(body.toString());
    }

    /** Keycloak's session id: the same for every token of one login, different after the next login. */
    private static String sessionId(SecurityIdentity identity) {
        JsonWebToken idToken = (JsonWebToken) identity.getPrincipal();
        String sid = idToken.getClaim("sid");
        return sid != null ? sid : idToken.getSubject() + ":" + idToken.getIssuedAtTime();
    }

    private static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }
}
