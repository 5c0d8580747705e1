package nl.integrity.alumni.consent;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import nl.integrity.alumni.registry.Alumnus;
import nl.integrity.platform.security.Caller;
import nl.integrity.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The alumnus gives or withdraws consent for the alumni network, at any time, and sees its history. */
@Path("/api/alumni/me/network-consent")
@Tag(name = "Alumni network consent")
@Produces(MediaType.APPLICATION_JSON)
public class ConsentResource {

    private final Caller caller;
    private final NetworkConsents consents;

    ConsentResource(Caller caller, NetworkConsents consents) {
        this.caller = caller;
        this.consents = consents;
    }

    public record ConsentRequest(@NotNull Boolean given) {}

    public record ConsentResponse(boolean given, List<Change> history) {

        public record Change(boolean given, Instant changedAt, String channel) {}

        public static ConsentResponse of(List<NetworkConsent> history) {
            return new ConsentResponse(
                    NetworkConsent.current(history),
                    history.stream()
                            .map(c -> new Change(c.given(), c.changedAt(), c.channel()))
                            .toList());
        }
    }

    @GET
    @RolesAllowed(Roles.ALUMNUS)
    @Operation(summary = "My consent for the alumni network, with its history")
    public ConsentResponse mine() {
        return ConsentResponse.of(
                NetworkConsent.history(Alumnus.ofCaller(caller).id()));
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ALUMNUS)
    @Operation(summary = "Give or withdraw my consent", description = "Saying what already holds changes nothing.")
    public ConsentResponse change(@Valid @NotNull ConsentRequest request) {
        return ConsentResponse.of(consents.change(Alumnus.ofCaller(caller), request.given()));
    }
}
