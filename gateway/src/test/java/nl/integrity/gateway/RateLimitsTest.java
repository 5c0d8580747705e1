package nl.integrity.gateway;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The buckets' arithmetic in the real Redis: an allowance per minute is a burst of that many,
 * then one more each 60/N seconds; a Redis that lost its script cache (restarted) is served at
 * once; a bucket's key goes once it is full again.
 */
@QuarkusTest
@QuarkusTestResource(EchoService.class)
class RateLimitsTest {

    private static final Duration WAIT = Duration.ofSeconds(2);

    @Inject
    RateLimits limits;

    @Inject
    RedisDataSource redis;

    private static String bucket() {
        return "rate-limits-test:" + UUID.randomUUID();
    }

    @Test
    void aBurstOfTheAllowance_thenTheWaitUntilTheNextRefill() {
        String bucket = bucket();
        for (int i = 0; i < 5; i++) {
            assertTrue(limits.take(bucket, 5).await().atMost(WAIT).allowed(), "request " + (i + 1) + " of 5");
        }
        var refused = limits.take(bucket, 5).await().atMost(WAIT);
        assertFalse(refused.allowed());
        // 5 a minute: one every 12 s, the first of them 12 s after the burst began.
        assertThat(refused.retryAfterSeconds(), between(11L, 12L));
        // A refusal does not take from the allowance: the wait stays what it was.
        assertThat(limits.take(bucket, 5).await().atMost(WAIT).retryAfterSeconds(), between(11L, 12L));
    }

    @Test
    void theAllowanceRefillsEvenly() throws InterruptedException {
        String bucket = bucket();
        // 600 a minute: one each 100 ms (the burst itself takes a moment, so one or two come back meanwhile).
        int allowed = 0;
        while (limits.take(bucket, 600).await().atMost(WAIT).allowed()) {
            allowed++;
            assertThat("the burst ends at the allowance", allowed, lessThanOrEqualTo(620));
        }
        assertThat(allowed, greaterThanOrEqualTo(600));
        Thread.sleep(500); // five refills; waiting is the subject of this test
        int refilled = 0;
        while (limits.take(bucket, 600).await().atMost(WAIT).allowed()) {
            refilled++;
        }
        assertThat(refilled, between(4, 7));
    }

    @Test
    void anAllowanceFinerThanRedisClock_stillExpires() {
        // A billion a minute moves the bucket on by less than a double resolves at today's date: the key
        // still gets the shortest time to live Redis takes (an expiry of 0 would fail the script).
        String bucket = bucket();
        assertTrue(limits.take(bucket, 1_000_000_000).await().atMost(WAIT).allowed());
        assertTrue(limits.take(bucket, 1_000_000_000).await().atMost(WAIT).allowed());
    }

    @Test
    void aRedisThatForgotTheScript_isServedAtOnce() {
        redis.execute("SCRIPT", "FLUSH");
        assertTrue(limits.take(bucket(), 3).await().atMost(WAIT).allowed());
    }

    @Test
    void theBucketExpires_whenItIsFullAgain() {
        String bucket = bucket();
        limits.take(bucket, 60).await().atMost(WAIT);
        long ttl = redis.key().pttl(bucket);
        // One of 60 a minute taken: full again after 1 s.
        assertThat(ttl, between(1L, 1000L));
    }

    private static <T extends Comparable<T>> org.hamcrest.Matcher<T> between(T low, T high) {
        return allOf(greaterThanOrEqualTo(low), lessThanOrEqualTo(high));
    }
}
