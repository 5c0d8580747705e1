package nl.integrity.alumni.registry;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import nl.integrity.alumni.catalogue.Organisation;

/** The facts of a departure as the HR system reports them, with the functions held before it. */
public record Departure(
        Organisation organisation,
        String personnelNumber,
        String fullName,
        String email,
        String unit,
        List<HeldFunction> functions,
        LocalDate departureDate,
        DepartureReason departureReason) {

    public Departure {
        Objects.requireNonNull(organisation, "organisation");
        Objects.requireNonNull(personnelNumber, "personnelNumber");
        Objects.requireNonNull(fullName, "fullName");
        Objects.requireNonNull(departureDate, "departureDate");
        Objects.requireNonNull(departureReason, "departureReason");
        functions = functions == null ? List.of() : List.copyOf(functions);
    }
}
