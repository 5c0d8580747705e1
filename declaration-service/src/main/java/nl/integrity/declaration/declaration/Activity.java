package nl.integrity.declaration.declaration;

import java.time.LocalDate;
import java.util.Objects;

/** The new occupational activity being declared. */
public record Activity(String employerName, String sector, String role, LocalDate startDate) {

    public Activity {
        Objects.requireNonNull(employerName, "employerName");
        Objects.requireNonNull(sector, "sector");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(startDate, "startDate");
    }
}
