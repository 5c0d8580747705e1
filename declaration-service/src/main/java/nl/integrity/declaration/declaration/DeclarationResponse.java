package nl.integrity.declaration.declaration;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

public record DeclarationResponse(UUID id, UUID alumnusId, String organisation, String employerName, String sector,
                                  String role, LocalDate startDate, DeclarationStatus status, Instant submittedAt,
                                  long version) {

    static DeclarationResponse from(Declaration d) {
        return new DeclarationResponse(d.id, d.alumnusId, d.organisation, d.employerName, d.sector, d.role,
                d.startDate, d.status, d.submittedAt, d.version);
    }
}
