package nl.integrity.platform.outbox;

import io.micrometer.core.instrument.Tags;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import nl.integrity.platform.metrics.DatabaseGauges;

/**
 * The outbox as Prometheus sees it: {@code outbox_backlog} (events written and not yet published)
 * and {@code outbox_oldest_unpublished_age_seconds} (how long the oldest of them has waited; 0 when
 * none waits). Read from the table, so every instance reports the service's whole outbox; a broker
 * outage shows as both rising. One query on the partial index of unpublished events per refresh
 * ({@link DatabaseGauges}).
 */
@ApplicationScoped
@Startup
class OutboxMetrics {

    OutboxMetrics(DatabaseGauges gauges, Clock clock) {
        DatabaseGauges.Value backlog = gauges.gauge(
                "outbox.backlog", "Events written to the outbox and not yet published", null, Tags.empty());
        DatabaseGauges.Value oldestAge = gauges.gauge(
                "outbox.oldest.unpublished.age",
                "How long the oldest unpublished event has waited",
                "seconds",
                Tags.empty());
        gauges.reading(
                connection -> {
                    try (Statement statement = connection.createStatement();
                            ResultSet row = statement.executeQuery(
                                    "select count(*), min(occurred_at) from outbox_message where published_at is null")) {
                        row.next();
                        Timestamp oldest = row.getTimestamp(2);
                        backlog.set(row.getLong(1));
                        oldestAge.set(
                                oldest == null
                                        ? 0
                                        : Duration.between(oldest.toInstant(), clock.instant())
                                                        .toMillis()
                                                / 1000.0);
                    }
                },
                backlog,
                oldestAge);
    }
}
