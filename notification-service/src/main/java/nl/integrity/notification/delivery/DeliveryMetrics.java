package nl.integrity.notification.delivery;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Prometheus metrics of the deliveries at {@code /q/metrics}: {@code notification_deliveries_total}
 * by channel and outcome (sent, failed, dead, cancelled) and {@code notification_delivery_queue} by channel
 * (deliveries still to send: pending or failed and due again), read from the delivery table at
 * each scrape.
 */
@ApplicationScoped
@Startup
class DeliveryMetrics {

    public enum Outcome {
        SENT,
        FAILED,
        DEAD,
        CANCELLED
    }

    private final Map<Delivery.Channel, Map<Outcome, Counter>> counters = new EnumMap<>(Delivery.Channel.class);

    DeliveryMetrics(MeterRegistry registry) {
        for (Delivery.Channel channel : Delivery.Channel.values()) {
            Map<Outcome, Counter> byOutcome = new EnumMap<>(Outcome.class);
            for (Outcome outcome : Outcome.values()) {
                byOutcome.put(
                        outcome,
                        Counter.builder("notification.deliveries")
                                .description("Delivery attempts by outcome")
                                .tag("channel", channel.name().toLowerCase())
                                .tag("outcome", outcome.name().toLowerCase())
                                .register(registry));
            }
            counters.put(channel, byOutcome);
            Gauge.builder("notification.delivery.queue", () -> queueDepth(channel))
                    .description("Deliveries still to send (pending, or failed and to be retried)")
                    .tag("channel", channel.name().toLowerCase())
                    .register(registry);
        }
    }

    public void count(Delivery.Channel channel, Outcome outcome) {
        counters.get(channel).get(outcome).increment();
    }

    private static long queueDepth(Delivery.Channel channel) {
        return QuarkusTransaction.requiringNew()
                .call(() -> Delivery.count(
                        "channel = ?1 and status in ?2",
                        channel,
                        List.of(DeliveryStatus.PENDING, DeliveryStatus.FAILED)));
    }
}
