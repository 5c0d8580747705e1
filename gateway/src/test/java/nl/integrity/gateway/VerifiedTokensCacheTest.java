package nl.integrity.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.github.benmanes.caffeine.cache.Ticker;
import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

/** What the cache of verified tokens keeps, and for how long: never past the token's own expiry. */
class VerifiedTokensCacheTest {

    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final Ticker ticker = now::get;

    @Test
    void aVerifiedTokenIsRecognisedUntilItExpires_andNotAMomentLonger() {
        VerifiedTokens tokens = cache(true, Duration.ofMinutes(10));
        tokens.keep("token-a", identity("officer.politie", 30));

        assertEquals("officer.politie", tokens.find("token-a").getPrincipal().getName());
        advance(29);
        assertNotNull(tokens.find("token-a"));
        advance(2);
        assertNull(tokens.find("token-a"), "expired 1 s ago");
    }

    @Test
    void aLongLivedTokenIsVerifiedAgainAfterTheMaximumAge() {
        VerifiedTokens tokens = cache(true, Duration.ofSeconds(60));
        tokens.keep("token-a", identity("officer.politie", 3600));

        advance(59);
        assertNotNull(tokens.find("token-a"));
        advance(2);
        assertNull(tokens.find("token-a"));
    }

    @Test
    void onlyTheVeryTokenIsFound() {
        VerifiedTokens tokens = cache(true, Duration.ofMinutes(10));
        tokens.keep("header.payload.signature", identity("officer.politie", 300));

        assertNull(tokens.find("header.payload.signaturf"));
        assertNull(tokens.find("header.payload.signature "));
        assertNull(tokens.find("header.paylaod.signature"));
    }

    @Test
    void aTokenWithoutExpiryOrAlreadyExpiredIsNotKept() {
        VerifiedTokens tokens = cache(true, Duration.ofMinutes(10));
        tokens.keep("no-exp", identity("officer.politie", null));
        tokens.keep("expired", identity("officer.politie", -5));

        assertNull(tokens.find("no-exp"));
        assertNull(tokens.find("expired"));
        assertEquals(0, tokens.size());
    }

    @Test
    void keepsNothingWhenSwitchedOff() {
        VerifiedTokens tokens = cache(false, Duration.ofMinutes(10));
        tokens.keep("token-a", identity("officer.politie", 300));

        assertNull(tokens.find("token-a"));
        assertEquals(0, tokens.size());
    }

    @Test
    void theKeptIdentityHoldsNoRequest_andARequestsCopyIsMarkedAsFromTheCache() {
        VerifiedTokens tokens = cache(true, Duration.ofMinutes(10));
        var verified = QuarkusSecurityIdentity.builder(identity("officer.politie", 300))
                .addAttribute(io.vertx.ext.web.RoutingContext.class.getName(), "a request")
                .build();
        tokens.keep("token-a", verified);

        QuarkusSecurityIdentity kept = tokens.find("token-a");
        assertNull(kept.getAttribute(io.vertx.ext.web.RoutingContext.class.getName()));
        assertEquals(Set.of("integrity-officer"), kept.getRoles());
        assertEquals("tenant-a", kept.getAttribute("tenant-id"));
        assertNotNull(kept.getCredential(AccessTokenCredential.class));
        assertNull(kept.getAttribute(VerifiedTokens.FROM_CACHE));
    }

    private VerifiedTokens cache(boolean enabled, Duration maxAge) {
        return new VerifiedTokens(
                new GatewayConfig.TokenCache() {
                    @Override
                    public boolean enabled() {
                        return enabled;
                    }

                    @Override
                    public int maxEntries() {
                        return 100;
                    }

                    @Override
                    public Duration maxAge() {
                        return maxAge;
                    }
                },
                ticker);
    }

    private void advance(long seconds) {
        now.addAndGet(TimeUnit.SECONDS.toNanos(seconds));
    }

    /** An identity as quarkus-oidc makes it, of a token expiring in {@code expiresIn} seconds (null: no exp). */
    private static QuarkusSecurityIdentity identity(String name, Integer expiresIn) {
        Map<String, Object> claims = expiresIn == null
                ? Map.of("preferred_username", name)
                : Map.of("preferred_username", name, "exp", System.currentTimeMillis() / 1000 + expiresIn);
        JsonWebToken jwt = new JsonWebToken() {
            @Override
            public String getName() {
                return name;
            }

            @Override
            public Set<String> getClaimNames() {
                return claims.keySet();
            }

            @Override
            @SuppressWarnings("unchecked")
            public <T> T getClaim(String claim) {
                return (T) claims.get(claim);
            }
        };
        return QuarkusSecurityIdentity.builder()
                .setPrincipal(jwt)
                .addRole("integrity-officer")
                .addCredential(new AccessTokenCredential("raw"))
                .addAttribute("tenant-id", "tenant-a")
                .build();
    }
}
