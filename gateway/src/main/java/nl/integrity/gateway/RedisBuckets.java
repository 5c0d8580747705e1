package nl.integrity.gateway;

import io.github.bucket4j.distributed.proxy.ClientSideConfig;
import io.github.bucket4j.distributed.proxy.generic.compare_and_swap.AbstractCompareAndSwapBasedProxyManager;
import io.github.bucket4j.distributed.proxy.generic.compare_and_swap.AsyncCompareAndSwapOperation;
import io.github.bucket4j.distributed.proxy.generic.compare_and_swap.CompareAndSwapOperation;
import io.github.bucket4j.distributed.remote.RemoteBucketState;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.value.ReactiveValueCommands;
import io.vertx.mutiny.redis.client.Response;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Bucket4j's distributed buckets on the Redis client the gateway already has (Quarkus' reactive
 * client), instead of a second client library: Bucket4j keeps the token-bucket arithmetic and its
 * compare-and-swap protocol; this class only reads a bucket's state and swaps it atomically (a
 * small Lua compare-and-set, which also creates a new bucket only if none appeared meanwhile), with the time
 * to live Bucket4j computes, so an idle caller's bucket disappears once it is full again.
 * The state is kept Base64-encoded, so the compare is one of plain strings.
 */
final class RedisBuckets extends AbstractCompareAndSwapBasedProxyManager<String> {

    /**
     * Replaces the value only if it is still what was read (an empty expected value: only if there
     * is none yet), with a time to live: the compare-and-swap Bucket4j builds on.
     */
    private static final String COMPARE_AND_SET = """
            local current = redis.call('get', KEYS[1])
            if (current == false and ARGV[1] == '') or current == ARGV[1] then
                redis.call('psetex', KEYS[1], ARGV[3], ARGV[2])
                return 1
            end
            return 0""";

    private final ReactiveRedisDataSource redis;
    private final ReactiveValueCommands<String, String> values;

    RedisBuckets(ReactiveRedisDataSource redis, ClientSideConfig config) {
        super(config);
        this.redis = redis;
        this.values = redis.value(String.class);
    }

    @Override
    protected AsyncCompareAndSwapOperation beginAsyncCompareAndSwapOperation(String key) {
        return new AsyncCompareAndSwapOperation() {
            @Override
            public CompletableFuture<Optional<byte[]>> getStateData(Optional<Long> timeoutNanos) {
                return values.get(key)
                        .map(value -> Optional.ofNullable(value).map(Base64.getDecoder()::decode))
                        .subscribeAsCompletionStage();
            }

            @Override
            public CompletableFuture<Boolean> compareAndSwap(
                    byte[] originalData, byte[] newData, RemoteBucketState newState, Optional<Long> timeoutNanos) {
                String replacement = Base64.getEncoder().encodeToString(newData);
                long ttlMillis = Math.max(
                        1000,
                        getClientSideConfig()
                                .getExpirationAfterWriteStrategy()
                                .map(s -> s.calculateTimeToLiveMillis(newState, currentTimeNanos()))
                                .orElse(60_000L));
                String expected =
                        originalData == null ? "" : Base64.getEncoder().encodeToString(originalData);
                return redis.execute("EVAL", COMPARE_AND_SET, "1", key, expected, replacement, Long.toString(ttlMillis))
                        .map(Response::toLong)
                        .map(swapped -> swapped == 1L)
                        .subscribeAsCompletionStage();
            }
        };
    }

    @Override
    public boolean isAsyncModeSupported() {
        return true;
    }

    @Override
    public boolean isExpireAfterWriteSupported() {
        return true;
    }

    @Override
    public void removeProxy(String key) {
        throw new UnsupportedOperationException("Redis buckets are used asynchronously only");
    }

    @Override
    protected CompareAndSwapOperation beginCompareAndSwapOperation(String key) {
        // The gateway runs on event loops and only ever asks asynchronously.
        throw new UnsupportedOperationException("Redis buckets are used asynchronously only");
    }

    @Override
    protected CompletableFuture<Void> removeAsync(String key) {
        return redis.key().del(key).replaceWithVoid().subscribeAsCompletionStage();
    }
}
