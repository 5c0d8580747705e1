package nl.integrity.alumni.registry;

import java.time.LocalDate;
import java.util.UUID;

/**
 * Event {@code nl.integrity.alumni.registered.v1} on topic {@code alumni.events}: HR registered
 * a departure and the registry now holds this alumnus. Facts only; see docs/events.md.
 */
public record AlumnusRegistered(UUID alumnusId, String organisation, String personnelNumber, String fullName,
                                LocalDate departureDate, String departureReason, String status) {

    static final String TYPE = "nl.integrity.alumni.registered.v1";
    static final String TOPIC = "alumni.events";

    static AlumnusRegistered of(Alumnus a) {
        return new AlumnusRegistered(a.id, a.organisation.name(), a.personnelNumber, a.fullName, a.departureDate,
                a.departureReason.name(), a.status.name());
    }
}
