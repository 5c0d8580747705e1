package nl.integrity.notification.delivery;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import nl.integrity.platform.metrics.DatabaseGauges;

/**
 * Prometheus metrics of the deliveries at {@code /q/metrics}: {@code notification_deliveries_total}
 * by channel and outcome (sent, failed, dead, cancelled) and {@code notification_delivery_queue} by channel
 * (deliveries still to send: pending or failed and due again), read from the delivery table by
 * {@link DatabaseGauges}.
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

    DeliveryMetrics(MeterRegistry registry, DatabaseGauges gauges) {
        Map<Delivery.Channel, DatabaseGauges.Value> queue = new EnumMap<>(Delivery.Channel.class);
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
            queue.put(
                    channel,
                    gauges.gauge(
                            "notification.delivery.queue",
                            "Deliveries still to send (pending, or failed and to be retried)",
                            null,
                            Tags.of("channel", channel.name().toLowerCase())));
        }
        gauges.reading(
                connection -> {
                    try (Statement statement = connection.createStatement();
                            ResultSet rows = statement.executeQuery("select channel, count(*) from delivery"
                                    + " where status in ('PENDING', 'FAILED') group by channel")) {
                        Map<String, Long> counted = new HashMap<>();
                        while (rows.next()) {
                            counted.put(rows.getString(1), rows.getLong(2));
                        }
                        queue.forEach((channel, value) -> value.set(counted.getOrDefault(channel.name(), 0L)));
                    }
                },
                queue.values().toArray(DatabaseGauges.Value[]::new));
    }

    public void count(Delivery.Channel channel, Outcome outcome) {
        counters.get(channel).get(outcome).increment();
    }
}
