package nl.integrity.notification.alert;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.LocalDate;
import java.util.UUID;

/** This service's reading of {@code nl.integrity.declaration.submitted.v1}; unknown fields are ignored. */
@JsonIgnoreProperties(ignoreUnknown = true)
record DeclarationSubmitted(UUID declarationId, UUID alumnusId, String organisation, String employerName,
                            String sector, String role, LocalDate startDate) {

    static final String TYPE = "nl.integrity.declaration.submitted.v1";
}
