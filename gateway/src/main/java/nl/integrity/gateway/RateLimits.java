package nl.integrity.gateway;

import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import io.vertx.mutiny.redis.client.Response;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Token buckets per caller: each user, each machine client (client credentials, such as the HR
 * system) and each address without a login has its own allowance per minute, refilled evenly, so
 * a short burst up to the allowance is fine and a flood is not. The buckets live in Redis, so the
 * allowance holds for all gateway instances together.
 *
 * <p>A bucket is one number, the theoretical arrival time of the generic cell rate algorithm
 * (GCRA): the time at which the bucket would be full again. One small Lua script reads it, decides
 * and moves it on atomically, with Redis' own clock (so the gateways' clocks do not matter): one
 * round trip per request (ADR 0012). The key expires when the bucket is full again, so idle callers
 * cost nothing.
 */
@ApplicationScoped
public class RateLimits {

    /** How long to wait, in whole seconds (at least 1), when the caller must wait; 0 when the request may go. */
    public record Verdict(long retryAfterSeconds) {
        boolean allowed() {
            return retryAfterSeconds == 0;
        }
    }

    private static final Verdict GO = new Verdict(0);
    private static final long PERIOD_MILLIS = 60_000;

    /**
     * KEYS[1] the bucket; ARGV[1] requests per period, ARGV[2] the period in milliseconds. Returns 0
     * when the request may go (the bucket moved on), else the milliseconds until it may.
     */
    static final String TAKE = """
            local t = redis.call('TIME')
            local now = tonumber(t[1]) * 1000 + tonumber(t[2]) / 1000
            local period = tonumber(ARGV[2])
            local interval = period / tonumber(ARGV[1])
            local full = tonumber(redis.call('GET', KEYS[1]) or '0') or 0
            if full < now then full = now end
            local after = full + interval
            local allowed = after - period
            if allowed > now then
                return math.ceil(allowed - now)
            end
            redis.call('SET', KEYS[1], string.format('%.3f', after), 'PX', math.max(1, math.ceil(after - now)))
            return 0""";

    private static final String TAKE_SHA = sha1(TAKE);

    private final GatewayConfig.RateLimit config;
    private final ReactiveRedisDataSource redis;
    private final String keyPrefix;
    private final long timeoutMillis;

    RateLimits(GatewayConfig config, ReactiveRedisDataSource redis) {
        this.config = config.rateLimit();
        this.redis = redis;
        this.keyPrefix = config.state().keyPrefix() + "rate:";
        this.timeoutMillis = config.state().timeout().toMillis();
    }

    /**
     * Takes one request from the caller's allowance. Fails (with the Redis client's failure, or a
     * timeout) when the buckets cannot be reached.
     */
    CompletionStage<Verdict> take(RoutingContext ctx, SecurityIdentity identity) {
        if (!config.enabled()) {
            return CompletableFuture.completedFuture(GO);
        }
        String key;
        int perMinute;
        if (identity == null || identity.isAnonymous()) {
            key = "address:"
                    + (ctx.request().remoteAddress() == null
                            ? "?"
                            : ctx.request().remoteAddress().hostAddress());
            perMinute = config.anonymousPerMinute();
        } else if (identity.getPrincipal() instanceof JsonWebToken token && machineClient(token)) {
            key = "client:" + token.<Object>getClaim("azp");
            perMinute = config.clientPerMinute();
        } else {
            key = "user:" + identity.getPrincipal().getName();
            perMinute = config.userPerMinute();
        }
        // The allowance is part of the key: a changed allowance starts fresh buckets.
        return take(keyPrefix + key + ":" + perMinute, perMinute)
                .subscribeAsCompletionStage()
                .orTimeout(timeoutMillis, TimeUnit.MILLISECONDS);
    }

    /** Takes one request from the bucket {@code key} with an allowance of {@code perMinute}. */
    Uni<Verdict> take(String key, int perMinute) {
        String rate = Integer.toString(perMinute);
        String period = Long.toString(PERIOD_MILLIS);
        return redis.execute("EVALSHA", TAKE_SHA, "1", key, rate, period)
                .onFailure(RateLimits::scriptUnknown)
                // Redis does not know the script yet (a new or restarted server): sent whole once, then cached.
                .recoverWithUni(() -> redis.execute("EVAL", TAKE, "1", key, rate, period))
                .map(Response::toLong)
                .map(waitMillis -> waitMillis == 0
                        ? GO
                        : new Verdict(Math.max(1, TimeUnit.MILLISECONDS.toSeconds(waitMillis + 999))));
    }

    private static boolean scriptUnknown(Throwable failure) {
        return String.valueOf(failure.getMessage()).startsWith("NOSCRIPT");
    }

    /**
     * A token of a client acting for itself (client credentials: Keycloak's service-account user).
     * Asks for the claims by the names the token has: asking for a claim that is not one of MP JWT's
     * standard claims ({@code client_id}) throws and catches an exception inside smallrye-jwt, which
     * cost the gateway 4 % of its time.
     */
    private static boolean machineClient(JsonWebToken token) {
        String username = token.getClaim("preferred_username");
        return username != null && username.startsWith("service-account-")
                || token.getClaimNames().contains("client_id");
    }

    private static String sha1(String script) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-1").digest(script.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is part of every Java runtime", e);
        }
    }
}
