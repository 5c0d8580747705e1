package nl.integrity.declaration.declaration;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import nl.integrity.declaration.alumni.KnownAlumnus;
import nl.integrity.platform.problem.NotFound;
import nl.integrity.platform.security.Caller;
import nl.integrity.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Declarations of new activities. An alumnus submits and reads their own; an integrity officer
 * reads those of their own organisation. Others' declarations answer 404, never 403, so their
 * existence is not revealed.
 */
@Path("/api/declarations")
@Tag(name = "Declarations")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class DeclarationResource {

    private final Declarations declarations;
    private final Caller caller;

    DeclarationResource(Declarations declarations, Caller caller) {
        this.declarations = declarations;
        this.caller = caller;
    }

    public record SubmitRequest(
            @NotBlank @Size(max = 200) String employerName,
            @NotBlank @Size(max = 100) String sector,
            @NotBlank @Size(max = 200) String role,
            @NotNull LocalDate startDate) {
    }

    @POST
    @RolesAllowed(Roles.ALUMNUS)
    @Operation(summary = "Submit a declaration of a new activity")
    public Response submit(@Valid @NotNull SubmitRequest request) {
        var activity = new Activity(request.employerName().trim(), request.sector().trim(), request.role().trim(),
                request.startDate());
        var declaration = declarations.submit(caller.organisation(), caller.personnelNumber(), activity);
        return Response.created(URI.create("/api/declarations/" + declaration.id))
                .entity(DeclarationResponse.from(declaration))
                .build();
    }

    @GET
    @RolesAllowed({Roles.ALUMNUS, Roles.OFFICER})
    @Operation(summary = "List declarations", description = "An alumnus gets their own; an officer those of their organisation, newest first.")
    public List<DeclarationResponse> list() {
        List<Declaration> found;
        if (caller.hasRole(Roles.OFFICER)) {
            found = Declaration.list("organisation = ?1 order by submittedAt desc", caller.organisation());
        } else {
            found = ownAlumnus()
                    .map(a -> Declaration.<Declaration>list("alumnusId = ?1 order by submittedAt desc", a.alumnusId))
                    .orElse(List.of());
        }
        return found.stream().map(DeclarationResponse::from).toList();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.ALUMNUS, Roles.OFFICER})
    @Operation(summary = "One declaration", description = "Visible to its alumnus and to officers of the same organisation.")
    public DeclarationResponse byId(@PathParam("id") UUID id) {
        return Declaration.<Declaration>findByIdOptional(id)
                .filter(this::visibleToCaller)
                .map(DeclarationResponse::from)
                .orElseThrow(() -> new NotFound("Declaration", id));
    }

    private boolean visibleToCaller(Declaration d) {
        if (caller.hasRole(Roles.OFFICER) && d.organisation.equals(caller.organisation())) {
            return true;
        }
        return caller.hasRole(Roles.ALUMNUS) && ownAlumnus().map(a -> a.alumnusId.equals(d.alumnusId)).orElse(false);
    }

    private java.util.Optional<KnownAlumnus> ownAlumnus() {
        return KnownAlumnus.findByPersonnelNumber(caller.organisation(), caller.personnelNumber());
    }
}
