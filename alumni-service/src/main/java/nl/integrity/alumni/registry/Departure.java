package nl.integrity.alumni.registry;

import java.time.LocalDate;
import java.util.Objects;

/** The facts of a departure as the HR system reports them. */
public record Departure(Organisation organisation, String personnelNumber, String fullName, String email,
                        String lastFunction, LocalDate departureDate, DepartureReason departureReason) {

    public Departure {
        Objects.requireNonNull(organisation, "organisation");
        Objects.requireNonNull(personnelNumber, "personnelNumber");
        Objects.requireNonNull(fullName, "fullName");
        Objects.requireNonNull(departureDate, "departureDate");
        Objects.requireNonNull(departureReason, "departureReason");
    }
}
