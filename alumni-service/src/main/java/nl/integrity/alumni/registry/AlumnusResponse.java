package nl.integrity.alumni.registry;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

public record AlumnusResponse(UUID id, Organisation organisation, String personnelNumber, String fullName, String email,
                              String lastFunction, LocalDate departureDate, DepartureReason departureReason,
                              AlumnusStatus status, Instant registeredAt, long version) {

    static AlumnusResponse from(Alumnus a) {
        return new AlumnusResponse(a.id, a.organisation, a.personnelNumber, a.fullName, a.email, a.lastFunction,
                a.departureDate, a.departureReason, a.status, a.registeredAt, a.version);
    }
}
