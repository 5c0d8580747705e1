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

    /** Deliveries claimed per dispatcher run; claimed ones are not due again for {@link #lease()}. */
    @WithDefault("20")
    int batchSize();

    @WithDefault("PT1M")
    Duration lease();

    /** How often the dispatcher looks for due deliveries (a scheduler interval such as {@code 1s}). */
    @WithDefault("1s")
    String pollInterval();
}
