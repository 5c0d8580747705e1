package nl.integrity.alumni.registry;

import java.time.LocalDate;
import java.util.UUID;

/**
 * Event {@code nl.integrity.alumni.registered.v1} on topic {@code alumni.events}: HR registered
 * a departure and the registry now holds this alumnus, with the obligation window computed from
 * the functions held (window fields null when there is none), at record {@code version}. Facts
 * only; see docs/events.md.
 */
public record AlumnusRegistered(
        UUID alumnusId,
        String organisation,
        String personnelNumber,
        String fullName,
        LocalDate departureDate,
        String departureReason,
        String status,
        String unit,
        String lastFunction,
        LocalDate windowStart,
        LocalDate windowEnd,
        String windowFunctionCode,
        String windowRiskLevel,
        long version,
        String email,
        String language) {

    static final String TYPE = "nl.integrity.alumni.registered.v1";
    static final String TOPIC = "alumni.events";

    static AlumnusRegistered of(Alumnus a) {
        var w = a.obligationWindow();
        return new AlumnusRegistered(
                a.id(),
                a.organisation().name(),
                a.personnelNumber(),
                a.fullName(),
                a.departureDate(),
                a.departureReason().name(),
                a.status().name(),
                a.unit(),
                a.lastFunction(),
                w.map(ObligationWindow::start).orElse(null),
                w.map(ObligationWindow::end).orElse(null),
                w.map(ObligationWindow::functionCode).orElse(null),
                w.map(x -> x.riskLevel().name()).orElse(null),
                a.version(),
                a.email(),
                a.language());
    }
}
