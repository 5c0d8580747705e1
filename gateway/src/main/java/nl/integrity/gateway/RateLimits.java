package nl.integrity.gateway;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.AsyncProxyManager;
import io.github.bucket4j.distributed.proxy.ClientSideConfig;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Token buckets per caller: each user, each machine client (client credentials, such as the HR
 * system) and each address without a login has its own allowance per minute, refilled evenly, so
 * a short burst up to the allowance is fine and a flood is not. The buckets are Bucket4j's, kept
 * in Redis ({@link RedisBuckets}), so the allowance holds for all gateway instances together.
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

    private final GatewayConfig.RateLimit config;
    private final AsyncProxyManager<String> buckets;
    private final String keyPrefix;
    private final Duration timeout;

    RateLimits(GatewayConfig config, ReactiveRedisDataSource redis) {
        this.config = config.rateLimit();
        this.keyPrefix = config.state().keyPrefix() + "rate:";
        this.timeout = config.state().timeout();
        // A bucket is dropped from Redis once it would be full again: idle callers cost nothing.
        this.buckets = new RedisBuckets(
                        redis,
                        ClientSideConfig.getDefault()
                                .withExpirationAfterWriteStrategy(
                                        ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(
                                                Duration.ofSeconds(5))))
                .asAsync();
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
        return buckets.builder()
                .build(
                        keyPrefix + key + ":" + perMinute,
                        () -> CompletableFuture.completedFuture(BucketConfiguration.builder()
                                .addLimit(limit ->
                                        limit.capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)))
                                .build()))
                .tryConsumeAndReturnRemaining(1)
                .orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .thenApply(probe -> probe.isConsumed()
                        ? GO
                        : new Verdict(Math.max(
                                1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill() + 999_999_999L))));
    }

    /** A token of a client acting for itself (client credentials: Keycloak's service-account user). */
    private static boolean machineClient(JsonWebToken token) {
        String username = token.getClaim("preferred_username");
        return token.getClaim("client_id") != null || username != null && username.startsWith("service-account-");
    }
}
