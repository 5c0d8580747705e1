package nl.integrity.platform.outbox;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import org.jboss.logging.Logger;

/**
 * The outbox as Prometheus sees it: {@code outbox_backlog} (events written and not yet published)
 * and {@code outbox_oldest_unpublished_age_seconds} (how long the oldest of them has waited; 0 when
 * none waits). Read from the table at each scrape, so every instance reports the service's whole
 * outbox; a broker outage shows as both rising.
 */
@ApplicationScoped
@Startup
class OutboxMetrics {

    private static final Logger LOG = Logger.getLogger(OutboxMetrics.class);

    private final AgroalDataSource dataSource;
    private final Clock clock;

    OutboxMetrics(AgroalDataSource dataSource, Clock clock, MeterRegistry registry) {
        this.dataSource = dataSource;
        this.clock = clock;
        Gauge.builder("outbox.backlog", () -> read().count())
                .description("Events written to the outbox and not yet published")
                .register(registry);
        Gauge.builder("outbox.oldest.unpublished.age", () -> read().oldestAgeSeconds())
                .description("How long the oldest unpublished event has waited")
                .baseUnit("seconds")
                .register(registry);
    }

    private record Backlog(double count, double oldestAgeSeconds) {}

    /** One query on the partial index of unpublished events. An unreadable outbox (database away) reports NaN, not zero. */
    private Backlog read() {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery(
                        "select count(*), min(occurred_at) from outbox_message where published_at is null")) {
            row.next();
            var oldest = row.getTimestamp(2);
            return new Backlog(
                    row.getLong(1),
                    oldest == null
                            ? 0
                            : Duration.between(oldest.toInstant(), clock.instant())
                                            .toMillis()
                                    / 1000.0);
        } catch (SQLException e) {
            LOG.debugf("Outbox metrics not read: %s", e.getMessage());
            return new Backlog(Double.NaN, Double.NaN);
        }
    }
}
