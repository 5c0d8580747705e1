package nl.integrity.alumni.registry;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import nl.integrity.alumni.audit.AuditLog;
import nl.integrity.alumni.audit.Purpose;
import nl.integrity.platform.audit.StaffAudit;
import nl.integrity.platform.security.Caller;
import nl.integrity.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The audit trail of one person's record, for administrators of the same organisation. */
@Path("/api/alumni/{id}/audit-trail")
@Tag(name = "Audit")
@Produces(MediaType.APPLICATION_JSON)
public class AuditTrailResource {

    private final Caller caller;
    private final AuditLog auditLog;

    AuditTrailResource(Caller caller, AuditLog auditLog) {
        this.caller = caller;
        this.auditLog = auditLog;
    }

    /**
     * One entry: a read (with its purpose), a write (purpose null where none is stated) or, with
     * {@code listed}, a list the record was shown in (a page of search results).
     */
    public record AuditEntryResponse(
            Instant occurredAt,
            String actor,
            String actorRole,
            String action,
            Purpose purpose,
            String detail,
            boolean listed,
            String requestId) {

        static AuditEntryResponse from(StaffAudit.AuditRecord e) {
            return new AuditEntryResponse(
                    e.occurredAt(),
                    e.actor(),
                    e.actorRole(),
                    e.action(),
                    Purpose.ofEntry(e.purpose()),
                    e.detail(),
                    e.listed(),
                    e.requestId());
        }
    }

    @GET
    @RolesAllowed(Roles.ADMIN)
    @Operation(
            summary = "Who accessed this record, when and why, oldest first",
            description =
                    "Reads with their purpose, writes by staff and systems, and the lists (search pages) that showed the record. Alumni of another organisation answer 404.")
    public List<AuditEntryResponse> trail(@PathParam("id") UUID alumnusId) {
        Alumnus.inOrganisationOf(caller, alumnusId);
        return auditLog.trail(alumnusId).stream().map(AuditEntryResponse::from).toList();
    }
}
