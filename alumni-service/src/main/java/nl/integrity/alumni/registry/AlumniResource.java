package nl.integrity.alumni.registry;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;
import nl.integrity.alumni.audit.AuditLog;
import nl.integrity.alumni.audit.Purpose;
import nl.integrity.platform.problem.NotFound;
import nl.integrity.platform.security.Caller;
import nl.integrity.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Alumnus records: an alumnus reads their own, an integrity officer those of their own organisation. */
@Path("/api/alumni")
@Tag(name = "Alumni")
@Produces(MediaType.APPLICATION_JSON)
public class AlumniResource {

    private final Caller caller;
    private final AuditLog auditLog;
    private final Clock clock;

    AlumniResource(Caller caller, AuditLog auditLog, Clock clock) {
        this.caller = caller;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    @GET
    @Path("/me")
    @RolesAllowed(Roles.ALUMNUS)
    @Operation(summary = "My own record", description = "Found through the organisation and personnel number in my token.")
    public AlumnusResponse me() {
        var organisation = Organisation.fromClaim(caller.organisation());
        return Alumnus.findByPersonnelNumber(organisation, caller.personnelNumber())
                .map(a -> AlumnusResponse.from(a, LocalDate.now(clock)))
                .orElseThrow(() -> new NotFound("Alumnus record for personnel number", caller.personnelNumber()));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed(Roles.OFFICER)
    @Operation(summary = "An alumnus record of my organisation",
               description = "Every read is written to the record's audit trail with its purpose. Records of another organisation answer 404.")
    public AlumnusResponse byId(@PathParam("id") UUID id, @QueryParam("purpose") String purpose) {
        Purpose why = Purpose.of(purpose);
        var alumnus = Alumnus.<Alumnus>findByIdOptional(id)
                .filter(a -> a.organisation.name().equals(caller.organisation()))
                .orElseThrow(() -> new NotFound("Alumnus", id));
        auditLog.record(AuditLog.READ_RECORD, alumnus.id, alumnus.organisation.name(), why);
        return AlumnusResponse.from(alumnus, LocalDate.now(clock));
    }
}
