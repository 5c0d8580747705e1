package nl.integrity.declaration.deadline;

import io.micrometer.core.instrument.Tags;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.integrity.platform.metrics.DatabaseGauges;
import nl.integrity.platform.schedule.PeriodicJob;

/**
 * {@code declarations_overdue} per organisation: declarations in review whose decision is past its
 * due date today (the office's day, as {@link Deadlines} counts it). Read from the table by
 * {@link DatabaseGauges}; a count, never which declarations.
 */
@ApplicationScoped
@Startup
class OverdueMetrics {

    private static final List<String> ORGANISATIONS = List.of("POLITIE", "KMAR");

    OverdueMetrics(DatabaseGauges gauges, Clock clock) {
        Map<String, DatabaseGauges.Value> overdue = new LinkedHashMap<>();
        for (String organisation : ORGANISATIONS) {
            overdue.put(
                    organisation,
                    gauges.gauge(
                            "declarations.overdue",
                            "Declarations in review whose decision is past its due date",
                            null,
                            Tags.of("organisation", organisation)));
        }
        gauges.reading(
                connection -> {
                    try (PreparedStatement count = connection.prepareStatement(
                            "select organisation, count(*) from declaration where in_review and due_date < ?"
                                    + " group by organisation")) {
                        count.setDate(1, Date.valueOf(PeriodicJob.dayOf(clock.instant())));
                        Map<String, Long> counted = new LinkedHashMap<>();
                        try (ResultSet rows = count.executeQuery()) {
                            while (rows.next()) {
                                counted.put(rows.getString(1), rows.getLong(2));
                            }
                        }
                        overdue.forEach((organisation, value) -> value.set(counted.getOrDefault(organisation, 0L)));
                    }
                },
                overdue.values().toArray(DatabaseGauges.Value[]::new));
    }
}
