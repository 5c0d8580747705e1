package nl.integrity.alumni.registry;

import java.time.LocalDate;
import java.util.UUID;

/**
 * Event {@code nl.integrity.alumni.obligation-window-changed.v1} on {@code alumni.events}: an
 * alumnus' obligation window was computed again and moved (or ended, all fields but the ids
 * null). {@code version} is the record version after the move (flush first). See docs/events.md.
 */
public record ObligationWindowChanged(
        UUID alumnusId,
        String organisation,
        LocalDate windowStart,
        LocalDate windowEnd,
        Integer coolingOffMonths,
        String functionCode,
        UUID functionProfileVersionId,
        String riskLevel,
        String reason,
        long version) {

    static final String TYPE = "nl.integrity.alumni.obligation-window-changed.v1";

    static ObligationWindowChanged of(Alumnus a, String reason) {
        var w = a.obligationWindow();
        return new ObligationWindowChanged(
                a.id(),
                a.organisation().name(),
                w.map(ObligationWindow::start).orElse(null),
                w.map(ObligationWindow::end).orElse(null),
                w.map(ObligationWindow::coolingOffMonths).orElse(null),
                w.map(ObligationWindow::functionCode).orElse(null),
                w.map(ObligationWindow::functionProfileVersionId).orElse(null),
                w.map(x -> x.riskLevel().name()).orElse(null),
                reason,
                a.version());
    }
}
