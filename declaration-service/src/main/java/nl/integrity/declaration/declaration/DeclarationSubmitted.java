package nl.integrity.declaration.declaration;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Event {@code nl.integrity.declaration.submitted.v1} on topic {@code declaration.events}.
 * Facts only; see docs/events.md.
 */
public record DeclarationSubmitted(UUID declarationId, UUID alumnusId, String organisation, String employerName,
                                   String sector, String role, LocalDate startDate, Instant submittedAt) {

    static final String TYPE = "nl.integrity.declaration.submitted.v1";
    static final String TOPIC = "declaration.events";

    static DeclarationSubmitted of(Declaration d) {
        return new DeclarationSubmitted(d.id, d.alumnusId, d.organisation, d.employerName, d.sector, d.role,
                d.startDate, d.submittedAt);
    }
}
