package nl.integrity.gateway;

import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Token buckets per caller: each user, each machine client (client credentials, such as the HR
 * system) and each address without a login has its own allowance per minute, refilled evenly, so
 * a short burst up to the allowance is fine and a flood is not. Kept in this gateway instance;
 * with several instances each enforces its own share.
 */
@ApplicationScoped
public class RateLimits {

    /** How long to wait, in whole seconds (at least 1), when the caller must wait; 0 when the request may go. */
    public record Verdict(long retryAfterSeconds) {
        boolean allowed() {
            return retryAfterSeconds == 0;
        }
    }

    private static final int MAX_TRACKED = 100_000;

    private final GatewayConfig.RateLimit config;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    RateLimits(GatewayConfig config) {
        this.config = config.rateLimit();
    }

    /** Takes one request from the caller's allowance. */
    Verdict take(RoutingContext ctx, SecurityIdentity identity) {
        if (!config.enabled()) {
            return new Verdict(0);
        }
        String key;
        int perMinute;
        if (identity == null || identity.isAnonymous()) {
            key = "address:" + (ctx.request().remoteAddress() == null ? "?" : ctx.request().remoteAddress().hostAddress());
            perMinute = config.anonymousPerMinute();
        } else if (identity.getPrincipal() instanceof JsonWebToken token && machineClient(token)) {
            key = "client:" + token.<Object>getClaim("azp");
            perMinute = config.clientPerMinute();
        } else {
            key = "user:" + identity.getPrincipal().getName();
            perMinute = config.userPerMinute();
        }
        if (buckets.size() > MAX_TRACKED) {
            long now = System.nanoTime();
            buckets.values().removeIf(b -> b.isFull(now));
        }
        return buckets.computeIfAbsent(key, k -> new Bucket(perMinute)).take(System.nanoTime());
    }

    /** A token of a client acting for itself (client credentials: Keycloak's service-account user). */
    private static boolean machineClient(JsonWebToken token) {
        String username = token.getClaim("preferred_username");
        return token.getClaim("client_id") != null || username != null && username.startsWith("service-account-");
    }

    /** A token bucket: {@code capacity} requests, refilled at capacity per minute. */
    static final class Bucket {
        private static final double NANOS_PER_MINUTE = 60e9;
        private final int capacity;
        private double tokens;
        private long updated;

        Bucket(int capacity) {
            this.capacity = capacity;
            this.tokens = capacity;
            this.updated = System.nanoTime();
        }

        synchronized Verdict take(long now) {
            refill(now);
            if (tokens >= 1) {
                tokens -= 1;
                return new Verdict(0);
            }
            double nanosToNext = (1 - tokens) * NANOS_PER_MINUTE / capacity;
            return new Verdict(Math.max(1, (long) Math.ceil(nanosToNext / 1e9)));
        }

        synchronized boolean isFull(long now) {
            refill(now);
            return tokens >= capacity;
        }

        private void refill(long now) {
            tokens = Math.min(capacity, tokens + (now - updated) * capacity / NANOS_PER_MINUTE);
            updated = now;
        }
    }
}
