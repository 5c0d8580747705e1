package nl.integrity.alumni.agreement;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
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
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import nl.integrity.alumni.catalogue.Organisation;
import nl.integrity.platform.security.Caller;
import nl.integrity.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The library of post-employment agreements of the caller's organisation: administrators write
 * it, officers choose from it when they attach an agreement to a departure.
 */
@Path("/api/agreement-templates")
@Tag(name = "Agreement library")
@Produces(MediaType.APPLICATION_JSON)
public class AgreementTemplateResource {

    private final Agreements agreements;
    private final Caller caller;

    AgreementTemplateResource(Agreements agreements, Caller caller) {
        this.agreements = agreements;
        this.caller = caller;
    }

    public record TemplateResponse(
            UUID id,
            Organisation organisation,
            String code,
            AgreementKind kind,
            String titleNl,
            String titleEn,
            String textNl,
            String textEn,
            int defaultMonths,
            int revision,
            Instant retiredAt,
            String changedBy,
            Instant changedAt) {

        static TemplateResponse of(AgreementTemplate t) {
            var w = t.wording();
            return new TemplateResponse(
                    t.id(),
                    t.organisation(),
                    t.code(),
                    t.kind(),
                    w.titleNl(),
                    w.titleEn(),
                    w.textNl(),
                    w.textEn(),
                    w.defaultMonths(),
                    t.revision(),
                    t.retiredAt(),
                    t.changedBy(),
                    t.changedAt());
        }
    }

    /** The words of a template; {@code {sector}} or {@code {subject}} are filled in when it is attached. */
    public record WordingRequest(
            @NotBlank @Size(max = 200) String titleNl,
            @NotBlank @Size(max = 200) String titleEn,
            @NotBlank @Size(max = 4000) String textNl,
            @NotBlank @Size(max = 4000) String textEn,
            @NotNull @Min(1) @Max(60) Integer defaultMonths) {

        AgreementTemplate.Wording toWording() {
            return new AgreementTemplate.Wording(
                    titleNl.strip(), titleEn.strip(), textNl.strip(), textEn.strip(), defaultMonths);
        }
    }

    public record CreateRequest(
            @NotBlank @Size(max = 40) @Pattern(regexp = "[A-Z0-9-]+", message = "capitals, digits and dashes only")
            String code,

            @NotNull AgreementKind kind,
            @NotNull @Valid WordingRequest wording) {}

    public record ChangeRequest(
            @NotNull @Min(1) Integer expectedRevision,
            @NotNull @Valid WordingRequest wording) {}

    @GET
    @RolesAllowed({Roles.OFFICER, Roles.ADMIN})
    @Operation(summary = "My organisation's agreement library")
    public List<TemplateResponse> library(@QueryParam("includeRetired") boolean includeRetired) {
        return AgreementTemplate.library(organisation(), includeRetired).stream()
                .map(TemplateResponse::of)
                .toList();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Add an agreement to the library", description = "409 when the code is in use.")
    public Response create(@Valid @NotNull CreateRequest request) {
        var template = agreements.createTemplate(
                organisation(),
                request.code(),
                request.kind(),
                request.wording().toWording(),
                caller.username());
        return Response.created(URI.create("/api/agreement-templates/" + template.id()))
                .entity(TemplateResponse.of(template))
                .build();
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(
            summary = "Change an agreement's words",
            description =
                    "On the revision read (409 when stale). Agreements attached before keep the words they were proposed with.")
    public TemplateResponse change(@PathParam("id") UUID id, @Valid @NotNull ChangeRequest request) {
        return TemplateResponse.of(agreements.changeTemplate(
                organisation(),
                id,
                request.expectedRevision(),
                request.wording().toWording(),
                caller.username()));
    }

    @POST
    @Path("/{id}/retire")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Retire an agreement: it is attached no more; attached ones stay as they are")
    public TemplateResponse retire(@PathParam("id") UUID id) {
        return TemplateResponse.of(agreements.retireTemplate(organisation(), id, caller.username()));
    }

    private Organisation organisation() {
        return Organisation.fromClaim(caller.organisation());
    }
}
