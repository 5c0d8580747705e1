package nl.integrity.alumni.registry;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Event {@code nl.integrity.alumni.record-updated.v1} on {@code alumni.events}: the alumnus'
 * record changed: HR reported the departure again with other facts, the departure date came
 * (status), or the alumnus changed their contact details or language. {@code changedFields}
 * names what changed; the other fields carry the current values, so a consumer that missed or reordered
 * updates still converges on the newest {@code version}. See docs/events.md.
 */
public record AlumnusUpdated(
        UUID alumnusId,
        String organisation,
        List<String> changedFields,
        String email,
        String phone,
        long version,
        String personnelNumber,
        String fullName,
        LocalDate departureDate,
        String departureReason,
        String status,
        String unit,
        String lastFunction,
        String language) {

    static final String TYPE = "nl.integrity.alumni.record-updated.v1";

    /** The update of this record (flushed, so {@code version} is the one after the change). */
    static AlumnusUpdated of(Alumnus a, List<String> changedFields) {
        return new AlumnusUpdated(
                a.id(),
                a.organisation().name(),
                changedFields,
                a.email(),
                a.phone(),
                a.version(),
                a.personnelNumber(),
                a.fullName(),
                a.departureDate(),
                a.departureReason().name(),
                a.status().name(),
                a.unit(),
                a.lastFunction(),
                a.language());
    }
}
