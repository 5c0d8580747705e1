package nl.integrity.notification.webhook;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;

/** How webhooks are delivered: the retry schedule, jitter, timeouts and when a subscription is given up. */
@ConfigMapping(prefix = "notification.webhooks")
public interface WebhookPolicy {

    /** The waits before the second, third, ... attempt; after the last the delivery is dead. */
    @WithDefault("PT10S,PT1M,PT5M,PT30M,PT2H,PT8H,PT24H")
    List<Duration> retrySchedule();

    /** Each wait varies by up to this fraction either way, so failed deliveries do not retry in step. */
    @WithDefault("0.2")
    double jitter();

    @WithDefault("PT10S")
    Duration timeout();

    /** A subscription whose deliveries have failed without a success for this long is disabled (and an alert raised). */
    @WithDefault("PT72H")
    Duration disableAfter();

    /** Deliveries under way at once on one instance, at most. */
    @WithDefault("32")
    int maxInFlight();

    /** Deliveries of one subscription under way at once: a slow receiver never takes the others' turns. */
    @WithDefault("4")
    int perSubscription();

    /** Threads that send and record (a fixed pool: a flood of slow receivers cannot grow it). */
    @WithDefault("4")
    int senderThreads();

    /** Deliveries claimed per dispatcher round; claimed ones are not due again for {@link #lease()}. */
    @WithDefault("20")
    int batchSize();

    @WithDefault("PT1M")
    Duration lease();

    /** How often the dispatcher looks for due deliveries (a scheduler interval such as {@code 1s}). */
    @WithDefault("1s")
    String pollInterval();

    /**
     * Hosts that may be called over plain http and inside a network (the local platform's test
     * receiver); none by default. Every other webhook goes over https to the internet.
     */
    java.util.Optional<List<String>> trustedHosts();

    /** After a secret is rotated, the old one signs too for this long, while receivers switch. */
    @WithDefault("P1D")
    Duration secretOverlap();
}
