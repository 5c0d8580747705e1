package nl.integrity.declaration.deadline;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import nl.integrity.platform.schedule.PeriodicJob;
import org.jboss.logging.Logger;

/**
 * {@code declarations_overdue} per organisation: declarations in review whose decision is past its
 * due date today (the office's day, as {@link Deadlines} counts it). Read from the table at each
 * scrape; a count, never which declarations.
 */
@ApplicationScoped
@Startup
class OverdueMetrics {

    private static final Logger LOG = Logger.getLogger(OverdueMetrics.class);
    private static final List<String> ORGANISATIONS = List.of("POLITIE", "KMAR");

    private final AgroalDataSource dataSource;
    private final Clock clock;

    OverdueMetrics(AgroalDataSource dataSource, Clock clock, MeterRegistry registry) {
        this.dataSource = dataSource;
        this.clock = clock;
        for (String organisation : ORGANISATIONS) {
            Gauge.builder("declarations.overdue", () -> overdue(organisation))
                    .description("Declarations in review whose decision is past its due date")
                    .tag("organisation", organisation)
                    .register(registry);
        }
    }

    private double overdue(String organisation) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement count = connection.prepareStatement(
                        "select count(*) from declaration where in_review and due_date < ? and organisation = ?")) {
            count.setDate(1, Date.valueOf(PeriodicJob.dayOf(clock.instant())));
            count.setString(2, organisation);
            try (ResultSet row = count.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        } catch (SQLException e) {
            LOG.debugf("Overdue declarations not counted: %s", e.getMessage());
            return Double.NaN;
        }
    }
}
