package nl.integrity.gateway;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One circuit breaker per instance of a service. After {@code failure-threshold} calls in a row
 * that could not reach the instance or timed out, it opens: the instance is skipped (and when no
 * instance is left, callers get a 503 at once, with {@code Retry-After}) instead of each caller
 * waiting for a timeout. After {@code open-for} calls go to the instance again; the first failure
 * opens the breaker for another {@code open-for}, a success closes it.
 *
 * <p>No single trial call after the wait, as in the textbook half-open state: with several
 * instances, an instance that was restarted would otherwise turn every caller away while its first
 * (slow, cold) answer is on its way, also when the other instance is the one that just died.
 */
@ApplicationScoped
public class CircuitBreakers {

    private final GatewayConfig.CircuitBreaker config;
    private final Map<String, Breaker> breakers = new ConcurrentHashMap<>();

    CircuitBreakers(GatewayConfig config) {
        this.config = config.circuitBreaker();
    }

    /** The breaker of one instance, e.g. {@code declaration@127.0.0.1:8082}. */
    Breaker of(String instance) {
        return breakers.computeIfAbsent(instance, s -> new Breaker(config.failureThreshold(), config.openFor()));
    }

    static final class Breaker {
        private final int threshold;
        private final long openForNanos;
        private int failuresInARow;
        private long openUntil;

        Breaker(int threshold, Duration openFor) {
            this.threshold = threshold;
            this.openForNanos = openFor.toNanos();
        }

        /** Seconds until the instance may be called again (0: go ahead now). */
        synchronized long refuseFor(long now) {
            if (failuresInARow < threshold || now - openUntil >= 0) {
                return 0;
            }
            return Math.max(1, (openUntil - now + 999_999_999L) / 1_000_000_000L);
        }

        synchronized void succeeded() {
            failuresInARow = 0;
        }

        /** A failure; at the threshold, and at every failure after it, the breaker opens for {@code open-for}. */
        synchronized void failed(long now) {
            failuresInARow++;
            if (failuresInARow >= threshold) {
                openUntil = now + openForNanos;
            }
        }
    }
}
