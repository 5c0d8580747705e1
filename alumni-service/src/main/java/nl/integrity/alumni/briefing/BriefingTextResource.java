package nl.integrity.alumni.briefing;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import nl.integrity.alumni.catalogue.Organisation;
import nl.integrity.platform.security.Caller;
import nl.integrity.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The general texts of the departure briefing, per language, maintained by the administrators of
 * the organisation; every change is a new revision, and all revisions can be read back.
 */
@Path("/api/briefing-texts")
@Tag(name = "Departure briefing texts")
@Produces(MediaType.APPLICATION_JSON)
public class BriefingTextResource {

    private static final String LANGUAGE = "nl|en";

    private final Briefings briefings;
    private final Caller caller;

    BriefingTextResource(Briefings briefings, Caller caller) {
        this.briefings = briefings;
        this.caller = caller;
    }

    public record RevisionResponse(
            UUID id,
            Organisation organisation,
            String language,
            int revision,
            String introduction,
            String whatToDeclare,
            String howToDeclare,
            String contact,
            String changedBy,
            Instant changedAt) {

        static RevisionResponse of(BriefingText t) {
            var p = t.parts();
            return new RevisionResponse(
                    t.id(),
                    t.organisation(),
                    t.language(),
                    t.revision(),
                    p.introduction(),
                    p.whatToDeclare(),
                    p.howToDeclare(),
                    p.contact(),
                    t.changedBy(),
                    t.changedAt());
        }
    }

    public record ChangeRequest(
            @NotNull @Min(1) Integer expectedRevision,
            @NotBlank @Size(max = 4000) String introduction,
            @NotBlank @Size(max = 4000) String whatToDeclare,
            @NotBlank @Size(max = 4000) String howToDeclare,
            @NotBlank @Size(max = 2000) String contact) {}

    @GET
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "The current briefing text of my organisation, in every language")
    public List<RevisionResponse> current() {
        return List.of("nl", "en").stream()
                .flatMap(language -> BriefingText.current(organisation(), language).stream())
                .map(RevisionResponse::of)
                .toList();
    }

    @GET
    @Path("/{language}/revisions")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Every revision of my organisation's briefing text in one language, newest first")
    public List<RevisionResponse> history(@PathParam("language") @Pattern(regexp = LANGUAGE) String language) {
        return BriefingText.history(organisation(), language).stream()
                .map(RevisionResponse::of)
                .toList();
    }

    @PUT
    @Path("/{language}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(
            summary = "Change my organisation's briefing text in one language",
            description =
                    "Adds a revision, on the revision I read (409 when another change came first); the same text adds nothing. Leavers read the newest revision; what each acknowledged stays readable.")
    public RevisionResponse change(
            @PathParam("language") @Pattern(regexp = LANGUAGE) String language, @Valid @NotNull ChangeRequest request) {
        var parts = new BriefingText.Parts(
                request.introduction().strip(),
                request.whatToDeclare().strip(),
                request.howToDeclare().strip(),
                request.contact().strip());
        return RevisionResponse.of(
                briefings.changeText(organisation(), language, request.expectedRevision(), parts, caller.username()));
    }

    private Organisation organisation() {
        return Organisation.fromClaim(caller.organisation());
    }
}
