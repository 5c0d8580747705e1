package nl.integrity.notification.alert;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;
import nl.integrity.platform.problem.NotFound;
import nl.integrity.platform.security.Caller;
import nl.integrity.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The alert inbox of the caller's own organisation; other organisations' alerts do not exist for them. */
@Path("/api/alerts")
@Tag(name = "Alerts")
@Produces(MediaType.APPLICATION_JSON)
public class AlertResource {

    private final Caller caller;

    AlertResource(Caller caller) {
        this.caller = caller;
    }

    @GET
    @RolesAllowed(Roles.OFFICER)
    @Operation(summary = "My organisation's alerts, newest first")
    public List<AlertResponse> inbox(@QueryParam("declarationId") UUID declarationId,
                                     @QueryParam("size") @DefaultValue("50") @Min(1) @Max(200) int size) {
        var query = declarationId == null
                ? Alert.<Alert>find("organisation = ?1 order by raisedAt desc", caller.organisation())
                : Alert.<Alert>find("organisation = ?1 and declarationId = ?2 order by raisedAt desc",
                        caller.organisation(), declarationId);
        return query.page(0, size).stream().map(AlertResponse::from).toList();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed(Roles.OFFICER)
    @Operation(summary = "One alert of my organisation")
    public AlertResponse byId(@PathParam("id") UUID id) {
        return Alert.<Alert>findByIdOptional(id)
                .filter(a -> a.organisation.equals(caller.organisation()))
                .map(AlertResponse::from)
                .orElseThrow(() -> new NotFound("Alert", id));
    }
}
