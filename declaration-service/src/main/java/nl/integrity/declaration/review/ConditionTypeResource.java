package nl.integrity.declaration.review;

import io.smallrye.common.annotation.NonBlocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Arrays;
import java.util.List;
import nl.integrity.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The conditions library, for the decision form. */
@Path("/api/condition-types")
@Tag(name = "Review")
@Produces(MediaType.APPLICATION_JSON)
public class ConditionTypeResource {

    public record ConditionTypeView(ConditionType type, String textNl, String textEn, boolean needsDetails) {}

    /** No I/O: answered on the event loop that checked the token, without a hop to a worker thread. */
    @GET
    @NonBlocking
    @RolesAllowed({Roles.OFFICER, Roles.ADMIN, Roles.ALUMNUS})
    @Operation(summary = "The conditions an office can attach to a decision")
    public List<ConditionTypeView> list() {
        return Arrays.stream(ConditionType.values())
                .map(t -> new ConditionTypeView(t, t.textNl(), t.textEn(), t.needsDetails()))
                .toList();
    }
}
