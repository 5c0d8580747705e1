package nl.integrity.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.oidc.AuthorizationCodeTokens;
import io.quarkus.oidc.OidcRequestContext;
import io.quarkus.oidc.OidcTenantConfig;
import io.quarkus.oidc.TokenStateManager;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.keys.ReactiveKeyCommands;
import io.quarkus.redis.datasource.set.ReactiveSetCommands;
import io.quarkus.redis.datasource.value.ReactiveValueCommands;
import io.quarkus.security.AuthenticationFailedException;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Portal sessions in Redis, shared by every gateway instance: quarkus-oidc keeps the tokens of a
 * login through this {@link TokenStateManager}, and the session cookie holds only a random key.
 * A session logged out on one gateway is gone for all of them: logout deletes every state of the
 * login, also those a token refresh replaced (they lapse a minute after the refresh anyway), so
 * an old copy of the cookie gets nowhere either. The tokens arrive here encrypted with the
 * session secret by quarkus-oidc, and are stored so.
 *
 * <p>quarkus-oidc's own Redis token state manager extension does this too, but is not published in
 * a form the build can resolve here (see ADR 0004); this class uses the same Redis client.
 */
@ApplicationScoped
@Alternative
@Priority(1)
class RedisSessions implements TokenStateManager {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();
    /** A state replaced by a refresh stays valid this long, for requests the browser sent before it got the new cookie. */
    private static final Duration REPLACED_GRACE = Duration.ofSeconds(60);

    private final ReactiveValueCommands<String, String> values;
    private final ReactiveSetCommands<String, String> sets;
    private final ReactiveKeyCommands<String> keys;
    private final String prefix;
    private final Duration lifetime;
    private final Duration timeout;

    RedisSessions(ReactiveRedisDataSource redis, GatewayConfig config) {
        this.values = redis.value(String.class);
        this.sets = redis.set(String.class);
        this.keys = redis.key();
        this.prefix = config.state().keyPrefix();
        this.lifetime = config.state().sessionLifetime();
        this.timeout = config.state().timeout();
    }

    @Override
    public Uni<String> createTokenState(
            RoutingContext ctx,
            OidcTenantConfig oidcConfig,
            AuthorizationCodeTokens tokens,
            OidcRequestContext<String> requestContext) {
        String state = random();
        String replaced = currentState(ctx);
        // A refresh replaces the state of the same login: it stays one login, which logout ends as a whole.
        Uni<String> login = replaced == null
                ? Uni.createFrom().item(random())
                : values.get(sessionKey(replaced))
                        .map(stored -> stored == null ? random() : text(read(stored), "login"));
        return login.chain(loginId -> {
                    ObjectNode json = JSON.createObjectNode()
                            .put("login", loginId)
                            .put("idToken", tokens.getIdToken())
                            .put("accessToken", tokens.getAccessToken())
                            .put("refreshToken", tokens.getRefreshToken())
                            .put("accessTokenScope", tokens.getAccessTokenScope());
                    if (tokens.getAccessTokenExpiresIn() != null) {
                        json.put("accessTokenExpiresIn", tokens.getAccessTokenExpiresIn());
                    }
                    return values.setex(sessionKey(state), lifetime.toSeconds(), json.toString())
                            .chain(() -> sets.sadd(loginKey(loginId), state))
                            .chain(() -> keys.expire(loginKey(loginId), lifetime))
                            .chain(() -> replaced == null
                                    ? Uni.createFrom().voidItem()
                                    : keys.expire(sessionKey(replaced), REPLACED_GRACE)
                                            .replaceWithVoid());
                })
                .replaceWith(state)
                .ifNoItem()
                .after(timeout)
                .failWith(() -> new StateStoreUnavailable("no answer in " + timeout))
                .onFailure(f -> !(f instanceof StateStoreUnavailable))
                .transform(StateStoreUnavailable::new);
    }

    @Override
    public Uni<AuthorizationCodeTokens> getTokens(
            RoutingContext ctx,
            OidcTenantConfig oidcConfig,
            String state,
            OidcRequestContext<AuthorizationCodeTokens> requestContext) {
        return values.get(sessionKey(state))
                .ifNoItem()
                .after(timeout)
                .failWith(() -> new StateStoreUnavailable("no answer in " + timeout))
                .onFailure(f -> !(f instanceof StateStoreUnavailable))
                .transform(StateStoreUnavailable::new)
                .map(stored -> {
                    if (stored == null) {
                        throw new AuthenticationFailedException("The session ended or is unknown");
                    }
                    JsonNode json = read(stored);
                    var tokens = new AuthorizationCodeTokens(
                            text(json, "idToken"),
                            text(json, "accessToken"),
                            text(json, "refreshToken"),
                            json.hasNonNull("accessTokenExpiresIn")
                                    ? json.get("accessTokenExpiresIn").asLong()
                                    : null);
                    tokens.setAccessTokenScope(text(json, "accessTokenScope"));
                    return tokens;
                });
    }

    @Override
    public Uni<Void> deleteTokens(
            RoutingContext ctx, OidcTenantConfig oidcConfig, String state, OidcRequestContext<Void> requestContext) {
        return values.get(sessionKey(state))
                .chain(stored -> {
                    if (stored == null) {
                        return Uni.createFrom().voidItem();
                    }
                    String loginKey = loginKey(text(read(stored), "login"));
                    return sets.smembers(loginKey).chain(states -> {
                        List<String> gone = new ArrayList<>();
                        states.forEach(s -> gone.add(sessionKey(s)));
                        gone.add(sessionKey(state));
                        gone.add(loginKey);
                        return keys.del(gone.toArray(String[]::new)).replaceWithVoid();
                    });
                })
                .ifNoItem()
                .after(timeout)
                .failWith(() -> new StateStoreUnavailable("no answer in " + timeout));
    }

    private String sessionKey(String state) {
        return prefix + "session:" + state;
    }

    private String loginKey(String login) {
        return prefix + "login:" + login;
    }

    /** The state of the session cookie this request came with, if any. */
    private static String currentState(RoutingContext ctx) {
        var cookie = ctx.request().getCookie(PortalTenant.SESSION_COOKIE);
        return cookie == null ? null : cookie.getValue();
    }

    private static String random() {
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    private static JsonNode read(String stored) {
        try {
            return JSON.readTree(stored.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new AuthenticationFailedException("The stored session cannot be read");
        }
    }

    private static String text(JsonNode json, String field) {
        return json.hasNonNull(field) ? json.get(field).asText() : null;
    }

    /** Redis did not answer: the caller gets a 503 problem, not a login page. */
    static final class StateStoreUnavailable extends RuntimeException {
        StateStoreUnavailable(String message) {
            super("The session and rate-limit store (Redis) is not available: " + message);
        }

        StateStoreUnavailable(Throwable cause) {
            super("The session and rate-limit store (Redis) is not available: " + cause.getMessage(), cause);
        }
    }
}
