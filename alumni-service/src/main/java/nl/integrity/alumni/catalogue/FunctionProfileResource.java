package nl.integrity.alumni.catalogue;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import nl.integrity.platform.security.Caller;
import nl.integrity.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The function risk catalogue of the caller's organisation: officers and administrators read
 * it, administrators maintain it. Profiles of another organisation answer 404.
 */
@Path("/api/function-profiles")
@Tag(name = "Function risk catalogue")
@Produces(MediaType.APPLICATION_JSON)
public class FunctionProfileResource {

    private final Catalogue catalogue;
    private final Caller caller;

    FunctionProfileResource(Catalogue catalogue, Caller caller) {
        this.catalogue = catalogue;
        this.caller = caller;
    }

    /** The fields of a version, as an administrator writes them. */
    public record DefinitionRequest(
            @NotBlank @Size(max = 200) String title,
            @NotNull FunctionGroup functionGroup,
            @NotNull RiskLevel riskLevel,

            @NotNull @Min(0) @Max(FunctionDefinition.MAX_COOLING_OFF_MONTHS)
            Integer coolingOffMonths,

            Set<@NotNull Sector> sensitiveSectors,
            @Size(max = 2000) String rationale) {

        FunctionDefinition toDefinition() {
            return new FunctionDefinition(
                    title.trim(),
                    functionGroup,
                    riskLevel,
                    coolingOffMonths,
                    sensitiveSectors,
                    rationale == null || rationale.isBlank() ? null : rationale.trim());
        }
    }

    public record CreateRequest(
            @NotBlank
            @Size(max = 40)
            @Pattern(regexp = "[A-Z0-9][A-Z0-9-]*", message = "upper-case letters, digits and dashes")
            String code,

            @NotNull @Valid DefinitionRequest definition) {}

    public record ChangeRequest(
            @NotNull @Min(1) Integer expectedVersion,
            @NotNull @Valid DefinitionRequest definition) {}

    @GET
    @RolesAllowed({Roles.OFFICER, Roles.ADMIN})
    @Operation(
            summary = "The catalogue of my organisation",
            description = "Current version of each profile, by code; retired ones only on request.")
    public List<FunctionProfileResponse> list(
            @QueryParam("includeRetired") @DefaultValue("false") boolean includeRetired,
            @QueryParam("functionGroup") FunctionGroup functionGroup) {
        var organisation = organisation();
        return FunctionProfile.<FunctionProfile>list("organisation = ?1 order by code", organisation).stream()
                .filter(p -> includeRetired || !p.isRetired())
                .filter(p -> functionGroup == null || p.current().functionGroup() == functionGroup)
                .map(FunctionProfileResponse::summary)
                .toList();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.OFFICER, Roles.ADMIN})
    @Operation(summary = "One profile with its full version history")
    public FunctionProfileResponse byId(@PathParam("id") UUID id) {
        return FunctionProfileResponse.withHistory(catalogue.find(organisation(), id));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Add a function profile to my organisation's catalogue")
    public Response create(@Valid @NotNull CreateRequest request) {
        var profile = catalogue.create(
                organisation(), request.code(), request.definition().toDefinition(), caller.username());
        return Response.created(URI.create("/api/function-profiles/" + profile.id()))
                .entity(FunctionProfileResponse.withHistory(profile))
                .build();
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(
            summary = "Change a profile: adds a version",
            description =
                    "expectedVersion is the version the change was made on; another change in between answers 409. An unchanged definition adds no version.")
    public FunctionProfileResponse change(@PathParam("id") UUID id, @Valid @NotNull ChangeRequest request) {
        return FunctionProfileResponse.withHistory(catalogue.change(
                organisation(),
                id,
                request.expectedVersion(),
                request.definition().toDefinition(),
                caller.username()));
    }

    @POST
    @Path("/{id}/retire")
    @RolesAllowed(Roles.ADMIN)
    @Operation(
            summary = "Retire a profile",
            description = "It keeps its history; records and decisions that used it keep pointing at their version.")
    public FunctionProfileResponse retire(@PathParam("id") UUID id) {
        return FunctionProfileResponse.withHistory(catalogue.retire(organisation(), id));
    }

    private Organisation organisation() {
        return Organisation.fromClaim(caller.organisation());
    }
}
