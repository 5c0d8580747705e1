package nl.integrity.declaration.alumni;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.LocalDate;
import java.util.UUID;

/** This service's reading of {@code nl.integrity.alumni.registered.v1}; unknown fields are ignored. */
@JsonIgnoreProperties(ignoreUnknown = true)
record AlumnusRegistered(UUID alumnusId, String organisation, String personnelNumber, String fullName,
                         LocalDate departureDate, String departureReason, String status) {

    static final String TYPE = "nl.integrity.alumni.registered.v1";
}
