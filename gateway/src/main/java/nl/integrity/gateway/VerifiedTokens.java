package nl.integrity.gateway;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Bearer tokens the gateway has verified, so that the same token is not verified again on every
 * request (ADR 0015). A client such as the HR system, or the portal's scripts through another
 * party's web application, sends one access token for minutes; quarkus-oidc parses it and checks
 * its RS256 signature, issuer and audience each time, a quarter of the gateway's CPU per request.
 *
 * <p>The cache stands in for exactly that work and nothing else: the key is the SHA-256 of the
 * whole token, so only the very bytes that passed every check are found (a token changed in any
 * character, its signature included, is a miss and verified afresh), and what is cached is the
 * identity quarkus-oidc made from it, before any augmentor, which run on every request as
 * before. An entry ends when its token expires ({@code exp}), so a token is accepted no longer
 * than quarkus-oidc would accept it, and at the latest {@code gateway.token-cache.max-age} after
 * the check. Refused tokens are never cached. Portal sessions (ID tokens in an
 * encrypted cookie) are left to quarkus-oidc.
 *
 * <p>The cache is one instance's memory, but nothing depends on it: an instance that has not seen
 * a token verifies it, as before.
 */
@ApplicationScoped
public class VerifiedTokens {

    /** Marks an identity this cache handed out, so that it is not stored again. */
    static final String FROM_CACHE = VerifiedTokens.class.getName() + ".hit";

    private final Cache<Key, Entry> entries;
    private final Ticker ticker;
    private final boolean enabled;

    @Inject
    VerifiedTokens(GatewayConfig config, MeterRegistry registry) {
        this(config.tokenCache(), Ticker.systemTicker());
        CaffeineCacheMetrics.monitor(registry, entries, "gateway.verified-tokens");
    }

    VerifiedTokens(GatewayConfig.TokenCache config, Ticker ticker) {
        this.ticker = ticker;
        this.enabled = config.enabled();
        Duration maxAge = config.maxAge();
        this.entries = Caffeine.newBuilder()
                .maximumSize(config.maxEntries())
                .ticker(ticker)
                .recordStats()
                .expireAfter(new Expiry<Key, Entry>() {
                    @Override
                    public long expireAfterCreate(Key key, Entry entry, long now) {
                        return Math.max(0, Math.min(entry.expiresAtNanos() - now, maxAge.toNanos()));
                    }

                    @Override
                    public long expireAfterUpdate(Key key, Entry entry, long now, long current) {
                        return expireAfterCreate(key, entry, now);
                    }

                    @Override
                    public long expireAfterRead(Key key, Entry entry, long now, long current) {
                        return current;
                    }
                })
                .build();
    }

    /** The identity quarkus-oidc made of this very token, while it is valid; else null. */
    QuarkusSecurityIdentity find(String token) {
        if (!enabled) {
            return null;
        }
        Entry entry = entries.getIfPresent(Key.of(token));
        // Caffeine drops expired entries lazily; one found after its token expired is never used.
        return entry == null || entry.expiresAtNanos() <= ticker.read() ? null : entry.identity();
    }

    /** Keeps the identity verified from {@code token} until the token expires. */
    void keep(String token, SecurityIdentity verified) {
        if (!enabled
                || !(verified instanceof QuarkusSecurityIdentity identity)
                || !(identity.getPrincipal() instanceof JsonWebToken jwt)) {
            return;
        }
        Object exp = jwt.getClaim("exp");
        long expiresAtSecond;
        if (exp instanceof Number number) {
            expiresAtSecond = number.longValue();
        } else if (exp instanceof jakarta.json.JsonNumber number) {
            expiresAtSecond = number.longValue();
        } else {
            return; // no expiry to bound the entry by: verified on every request
        }
        long secondsLeft = expiresAtSecond - System.currentTimeMillis() / 1000;
        if (secondsLeft <= 0) {
            return;
        }
        long expiresAt = ticker.read() + TimeUnit.SECONDS.toNanos(secondsLeft);
        // Kept without the request it came with: an entry holds no request's state for the token's lifetime.
        entries.put(Key.of(token), new Entry(copy(identity, null), expiresAt));
    }

    /**
     * The identity with the given routing context (none: null) and everything else as it was:
     * principal, roles, credentials, attributes and the permissions quarkus-oidc granted (the
     * token's scopes). A request's identity is marked {@link #FROM_CACHE}.
     */
    static QuarkusSecurityIdentity copy(QuarkusSecurityIdentity identity, RoutingContext routing) {
        var attributes = new java.util.HashMap<>(identity.getAttributes());
        attributes.remove(RoutingContext.class.getName());
        if (routing != null) {
            attributes.put(RoutingContext.class.getName(), routing);
            attributes.put(FROM_CACHE, Boolean.TRUE);
        }
        return QuarkusSecurityIdentity.builder()
                .setPrincipal(identity.getPrincipal())
                .addRoles(identity.getRoles())
                .addCredentials(identity.getCredentials())
                .addAttributes(attributes)
                .addPermissions(identity.getPermissions())
                .setAnonymous(false)
                .build();
    }

    long size() {
        entries.cleanUp();
        return entries.estimatedSize();
    }

    private record Entry(QuarkusSecurityIdentity identity, long expiresAtNanos) {}

    /** SHA-256 of the token: two tokens differing anywhere are two keys, and a key is 32 bytes however long the token. */
    private record Key(long a, long b, long c, long d) {
        static Key of(String token) {
            byte[] hash = sha256().digest(token.getBytes(StandardCharsets.UTF_8));
            var words = java.nio.ByteBuffer.wrap(hash);
            return new Key(words.getLong(), words.getLong(), words.getLong(), words.getLong());
        }

        private static MessageDigest sha256() {
            try {
                return MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
            }
        }
    }

    /** The bearer token of a request, when it is one this cache may answer for. */
    static String bearerToken(TokenAuthenticationRequest request) {
        return request.getToken() instanceof AccessTokenCredential credential ? credential.getToken() : null;
    }

    /**
     * Answers a bearer token from the cache before quarkus-oidc's provider would verify it; a miss
     * (null) lets quarkus-oidc's provider, next in priority, do the checks.
     */
    @ApplicationScoped
    static class Provider implements IdentityProvider<TokenAuthenticationRequest> {

        private final VerifiedTokens tokens;

        Provider(VerifiedTokens tokens) {
            this.tokens = tokens;
        }

        @Override
        public Class<TokenAuthenticationRequest> getRequestType() {
            return TokenAuthenticationRequest.class;
        }

        @Override
        public int priority() {
            return SYSTEM_FIRST + 10; // before quarkus-oidc's provider
        }

        @Override
        public Uni<SecurityIdentity> authenticate(
                TokenAuthenticationRequest request, AuthenticationRequestContext ctx) {
            String token = bearerToken(request);
            QuarkusSecurityIdentity cached = token == null ? null : tokens.find(token);
            if (cached == null) {
                return Uni.createFrom().nullItem();
            }
            // The identity is this request's: it carries this request's routing context, as quarkus-oidc's would.
            return Uni.createFrom().item(copy(cached, HttpSecurityUtils.getRoutingContextAttribute(request)));
        }
    }

    /**
     * Keeps each identity quarkus-oidc verified from a bearer token. It runs before every other
     * augmentor, so the cache holds the provider's identity, and the augmentors run on every request.
     */
    @ApplicationScoped
    static class Keeper implements SecurityIdentityAugmentor {

        private final VerifiedTokens tokens;

        Keeper(VerifiedTokens tokens) {
            this.tokens = tokens;
        }

        @Override
        public int priority() {
            return Integer.MAX_VALUE;
        }

        @Override
        public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
            if (!identity.isAnonymous() && identity.getAttribute(FROM_CACHE) == null) {
                AccessTokenCredential credential = identity.getCredential(AccessTokenCredential.class);
                if (credential != null
                        && identity.getAttribute(RoutingContext.class.getName()) instanceof RoutingContext routing
                        && PortalTenant.bearer(routing)
                        && credential.getToken().equals(bearer(routing))) {
                    tokens.keep(credential.getToken(), identity);
                }
            }
            return Uni.createFrom().item(identity);
        }

        private static String bearer(RoutingContext routing) {
            return routing.request().getHeader("Authorization").substring(7).trim();
        }
    }
}
