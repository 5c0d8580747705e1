package nl.integrity.alumni.registry;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
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
import nl.integrity.alumni.catalogue.FunctionGroup;
import nl.integrity.alumni.catalogue.Organisation;
import nl.integrity.platform.problem.InvalidField;
import nl.integrity.platform.security.Caller;
import nl.integrity.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Alumnus records: an alumnus reads their own, an integrity officer those of their own organisation. */
@Path("/api/alumni")
@Tag(name = "Alumni")
@Produces(MediaType.APPLICATION_JSON)
public class AlumniResource {

    /** A page of search results was shown: one entry naming every record on it. */
    public static final String SEARCH_ALUMNI = "SEARCH_ALUMNI";

    private final Registry registry;
    private final Caller caller;
    private final AuditLog auditLog;
    private final Clock clock;

    AlumniResource(Registry registry, Caller caller, AuditLog auditLog, Clock clock) {
        this.registry = registry;
        this.caller = caller;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    @GET
    @RolesAllowed(Roles.OFFICER)
    @Operation(
            summary = "Search the alumni of my organisation",
            description =
                    "Criteria combine: name (part of it), personnelNumber, functionGroup (of the last function), status, windowActive. sort: name, departureDate or windowEnd, '-' before it for descending. Pages of up to 100; hasMore tells whether another page follows. Every page served is one entry in the audit trail naming the records it showed and which criteria were used (not their values).")
    public AlumniSearch.Result search(
            @QueryParam("name") @Size(max = 100) String name,
            @QueryParam("personnelNumber") @Size(max = 32) String personnelNumber,
            @QueryParam("functionGroup") String functionGroup,
            @QueryParam("status") String status,
            @QueryParam("windowActive") Boolean windowActive,
            @QueryParam("sort") String sort,
            @QueryParam("page") @DefaultValue("0") int page,
            @QueryParam("size") @DefaultValue("20") int size) {
        var search = new AlumniSearch(
                Organisation.fromClaim(caller.organisation()),
                name,
                personnelNumber,
                InvalidField.enumValue("functionGroup", FunctionGroup.class, functionGroup),
                InvalidField.enumValue("status", AlumnusStatus.class, status),
                windowActive,
                sort,
                page,
                size);
        var result = search.run(LocalDate.now(clock));
        auditLog.listed(
                SEARCH_ALUMNI,
                result.items().stream().map(AlumniSearch.Summary::id).toList(),
                search.organisation().name(),
                null,
                search.describe());
        return result;
    }

    @GET
    @Path("/me")
    @RolesAllowed(Roles.ALUMNUS)
    @Operation(
            summary = "My own record",
            description = "Found through the organisation and personnel number in my token.")
    public AlumnusResponse me() {
        return AlumnusResponse.from(Alumnus.ofCaller(caller), LocalDate.now(clock));
    }

    /** New contact details, made on the record version the alumnus saw. */
    public record ContactRequest(
            @NotNull @Min(0) Long expectedVersion,
            @Email @Size(max = 254) String email,

            @Pattern(regexp = "\\+?[0-9 ()-]{6,30}", message = "a telephone number")
            String phone,

            @Pattern(regexp = "nl|en", message = "nl or en") String language) {}

    @PUT
    @Path("/me/contact")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ALUMNUS)
    @Operation(
            summary = "Change my contact details",
            description =
                    "expectedVersion is the record version I saw; a change in between answers 409. An empty email "
                            + "or phone removes it; language (nl or en, for my mail) stays as it is when left out.")
    public AlumnusResponse changeContact(@Valid @NotNull ContactRequest request) {
        var organisation = Organisation.fromClaim(caller.organisation());
        var alumnus = registry.changeContact(
                organisation,
                caller.personnelNumber(),
                request.expectedVersion(),
                blankToNull(request.email()),
                blankToNull(request.phone()),
                request.language());
        return AlumnusResponse.from(alumnus, LocalDate.now(clock));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.OFFICER, Roles.HR_SYSTEM})
    @Operation(
            summary = "An alumnus record of my organisation",
            description =
                    "Every read is written to the record's audit trail with its purpose: an officer states it; the HR "
                            + "system's client reads back what it registered (the Location of its registration) as REGISTRATION_CHECK. "
                            + "Records of another organisation answer 404.")
    public AlumnusResponse byId(@PathParam("id") UUID id, @QueryParam("purpose") String purpose) {
        Purpose why = caller.hasRole(Roles.HR_SYSTEM) && !caller.hasRole(Roles.OFFICER)
                ? Purpose.REGISTRATION_CHECK
                : Purpose.of(purpose);
        var alumnus = Alumnus.inOrganisationOf(caller, id);
        auditLog.record(
                AuditLog.READ_RECORD, alumnus.id(), alumnus.organisation().name(), why);
        return AlumnusResponse.from(alumnus, LocalDate.now(clock));
    }
}
