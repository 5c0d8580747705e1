package nl.integrity.platform.metrics;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * Gauges whose values are counts in the database (the outbox' backlog, overdue decisions, the
 * delivery queue, the runs' last success). Reading them at each scrape would take a pooled
 * connection per gauge on the scrape's clock: a slow database would then time the scrape out and
 * take the instance's HTTP and Kafka metrics with it. Instead every reading runs on one connection
 * every {@code platform.metrics.refresh-interval} and the gauges serve the last values from memory;
 * the values given with a reading report NaN while it cannot be read, not a stale or zero count.
 */
@ApplicationScoped
public class DatabaseGauges {

    private static final Logger LOG = Logger.getLogger(DatabaseGauges.class);

    /** Reads one or more values on the connection it is given and stores them in its {@link Value}s. */
    @FunctionalInterface
    public interface Reading {
        void read(Connection connection) throws SQLException;
    }

    /** A gauge's current value, written by a reading, read by the scrape. NaN until read and while unreadable. */
    public static final class Value {
        private final AtomicLong bits = new AtomicLong(Double.doubleToLongBits(Double.NaN));

        public void set(double value) {
            bits.set(Double.doubleToLongBits(value));
        }

        public double get() {
            return Double.longBitsToDouble(bits.get());
        }
    }

    private record Registered(Reading reading, List<Value> values) {}

    private final AgroalDataSource dataSource;
    private final MeterRegistry registry;
    private final List<Registered> readings = new CopyOnWriteArrayList<>();

    DatabaseGauges(AgroalDataSource dataSource, MeterRegistry registry) {
        this.dataSource = dataSource;
        this.registry = registry;
    }

    /** A gauge served from a {@link Value}; {@code baseUnit} may be null. */
    public Value gauge(String name, String description, String baseUnit, Tags tags) {
        Value value = new Value();
        Gauge.builder(name, value, Value::get)
                .description(description)
                .baseUnit(baseUnit)
                .tags(tags)
                .register(registry);
        return value;
    }

    /** Adds a reading, run at every refresh; {@code values} become NaN when it fails. */
    public void reading(Reading reading, Value... values) {
        readings.add(new Registered(reading, List.of(values)));
    }

    /** Reads every value now, on one connection. */
    @Scheduled(
            every = "${platform.metrics.refresh-interval:15s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    public void refresh() {
        try (Connection connection = dataSource.getConnection()) {
            for (Registered registered : readings) {
                try {
                    registered.reading().read(connection);
                } catch (SQLException e) {
                    LOG.debugf("A database gauge was not read: %s", e.getMessage());
                    registered.values().forEach(v -> v.set(Double.NaN));
                }
            }
        } catch (SQLException e) {
            LOG.debugf("Database gauges not read: %s", e.getMessage());
            readings.forEach(r -> r.values().forEach(v -> v.set(Double.NaN)));
        }
    }
}
