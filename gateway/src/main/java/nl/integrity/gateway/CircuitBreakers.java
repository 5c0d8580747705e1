package nl.integrity.gateway;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One circuit breaker per instance of a service. After {@code failure-threshold} calls in a row that could not
 * reach the service or timed out, it opens: callers get a 503 at once, with {@code Retry-After},
 * instead of each waiting for a timeout. After {@code open-for} one trial call goes through; its
 * success closes the breaker, its failure opens it again.
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
        private boolean trialUnderway;

        Breaker(int threshold, Duration openFor) {
            this.threshold = threshold;
            this.openForNanos = openFor.toNanos();
        }

        /** Seconds until a call may be tried (0: go ahead now). */
        synchronized long refuseFor(long now) {
            if (failuresInARow < threshold) {
                return 0;
            }
            if (now - openUntil < 0) {
                return Math.max(1, (openUntil - now + 999_999_999L) / 1_000_000_000L);
            }
            if (trialUnderway) {
                return 1;
            }
            trialUnderway = true; // half open: this one call tries
            return 0;
        }

        synchronized void succeeded() {
            failuresInARow = 0;
            trialUnderway = false;
        }

        synchronized void failed(long now) {
            failuresInARow++;
            trialUnderway = false;
            if (failuresInARow >= threshold) {
                openUntil = now + openForNanos;
            }
        }
    }
}
