package nl.integrity.alumni.imports;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import nl.integrity.alumni.audit.AuditLog;
import nl.integrity.alumni.catalogue.Organisation;
import nl.integrity.platform.problem.NotFound;
import nl.integrity.platform.security.Caller;
import nl.integrity.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Bulk import of existing alumni from CSV, its progress and the rows rejected. An organisation's
 * HR system, and its integrity administrators (the register kept before this platform), import the
 * alumni of that organisation and see only its imports.
 */
@Path("/api/departures/imports")
@Tag(name = "Departures (HR system)")
@Produces(MediaType.APPLICATION_JSON)
public class DepartureImportResource {

    /** An import of departures was uploaded: one entry about the import, by who uploaded it. */
    static final String IMPORT = "IMPORT_DEPARTURES";

    private final DepartureImports imports;
    private final Caller caller;
    private final AuditLog auditLog;

    DepartureImportResource(DepartureImports imports, Caller caller, AuditLog auditLog) {
        this.imports = imports;
        this.caller = caller;
        this.auditLog = auditLog;
    }

    public record ImportResponse(
            UUID id,
            DepartureImport.Status status,
            Organisation organisation,
            String submittedBy,
            Instant submittedAt,
            Integer rowsTotal,
            int rowsRead,
            int imported,
            int alreadyRegistered,
            int rejected,
            Instant finishedAt,
            String failure,
            List<RowError> errors) {

        public record RowError(int row, String field, String message) {}

        static ImportResponse from(DepartureImport j, List<ImportError> errors) {
            return new ImportResponse(
                    j.id(),
                    j.status(),
                    j.organisation(),
                    j.submittedBy(),
                    j.submittedAt(),
                    j.rowsTotal(),
                    j.rowsRead(),
                    j.imported(),
                    j.alreadyRegistered(),
                    j.rejected(),
                    j.finishedAt(),
                    j.failure(),
                    errors.stream()
                            .map(e -> new RowError(e.rowNumber(), e.field(), e.message()))
                            .toList());
        }
    }

    @POST
    @Consumes({"text/csv", MediaType.TEXT_PLAIN})
    @RolesAllowed({Roles.HR_SYSTEM, Roles.ADMIN})
    @Operation(
            summary = "Import existing alumni from CSV",
            description =
                    "Header row with organisation, personnelNumber, fullName, email, unit, departureDate, departureReason, functions (CODE:from:until;...). Answers 202 at once; follow the Location for progress (rowsRead of rowsTotal, known once counted) and the rows rejected, with their reasons. Rows already registered are counted, not changed. The upload is in the audit trail with its uploader. An import takes only rows of the caller's organisation (an administrator's, or the organisation of the HR system's client) and rejects the others at their organisation field.")
    public Response upload(InputStream csv) {
        var job = imports.receive(csv, caller.username(), scope());
        auditLog.changed(IMPORT, "departure-import", job.id(), scope().name(), "CSV upload");
        return Response.accepted(ImportResponse.from(job, List.of()))
                .location(URI.create("/api/departures/imports/" + job.id()))
                .build();
    }

    @GET
    @RolesAllowed({Roles.HR_SYSTEM, Roles.ADMIN})
    @Operation(
            summary = "The 20 most recent imports, newest first, without their rejected rows",
            description = "Those of the caller's organisation.")
    public List<ImportResponse> recent() {
        return DepartureImport.recent(scope(), 20).stream()
                .map(j -> ImportResponse.from(j, List.of()))
                .toList();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.HR_SYSTEM, Roles.ADMIN})
    @Operation(summary = "Progress of an import, with the rows it rejected (the first 1000)")
    public ImportResponse progress(@PathParam("id") UUID id) {
        Organisation scope = scope();
        DepartureImport job = DepartureImport.<DepartureImport>findByIdOptional(id)
                .filter(j -> scope == null || j.organisation() == scope)
                .orElseThrow(() -> new NotFound("Import", id));
        return ImportResponse.from(job, ImportError.ofImport(id));
    }

    /** The organisation the caller imports for: their own, for an administrator and for an organisation's HR system alike. */
    private Organisation scope() {
        return Organisation.fromClaim(caller.organisation());
    }
}
