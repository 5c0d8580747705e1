package nl.integrity.alumni.registry;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import nl.integrity.alumni.catalogue.Organisation;
import nl.integrity.platform.problem.Forbidden;
import nl.integrity.platform.security.Caller;
import nl.integrity.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.hibernate.exception.ConstraintViolationException;

/**
 * The HR system's entry point: departures, authenticated with client credentials (role
 * {@code hr-system}). Each organisation's HR system has a client of its own, whose token names the
 * organisation; it registers that organisation's departures only.
 */
@Path("/api/departures")
@Tag(name = "Departures (HR system)")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class DepartureResource {

    private final Registry registry;
    private final Clock clock;
    private final Caller caller;

    DepartureResource(Registry registry, Clock clock, Caller caller) {
        this.caller = caller;
        this.registry = registry;
        this.clock = clock;
    }

    public record DepartureRequest(
            @NotNull Organisation organisation,

            @NotBlank @Size(max = 32) @Pattern(regexp = "[A-Za-z0-9-]+", message = "letters, digits and dashes only")
            String personnelNumber,

            @NotBlank @Size(max = 200) String fullName,
            @Email @Size(max = 254) String email,
            @Size(max = 200) String unit,
            @Size(max = 50) List<@Valid @NotNull FunctionHeld> functions,
            @NotNull LocalDate departureDate,
            @NotNull DepartureReason departureReason) {

        public Departure toDeparture() {
            return new Departure(
                    organisation,
                    personnelNumber.trim(),
                    fullName.trim(),
                    email,
                    unit,
                    functions == null
                            ? List.of()
                            : functions.stream()
                                    .map(FunctionHeld::toHeldFunction)
                                    .toList(),
                    departureDate,
                    departureReason);
        }
    }

    /** A function held in the last five years; {@code until} empty for the function held at departure. */
    public record FunctionHeld(
            @NotBlank @Size(max = 40) String functionCode,
            @NotNull LocalDate from,
            LocalDate until) {

        @AssertTrue(message = "must not end before it starts")
        public boolean isPeriod() {
            return from == null || until == null || !until.isBefore(from);
        }

        HeldFunction toHeldFunction() {
            return new HeldFunction(functionCode.trim(), from, until);
        }
    }

    @POST
    @RolesAllowed(Roles.HR_SYSTEM)
    @Operation(
            summary = "Register a departure",
            description =
                    "Creates the alumnus record with its obligation window (201) or returns the existing one (200): idempotent on organisation + personnel number. Function codes must be in the organisation's catalogue (else 422).")
    public Response register(@Valid @NotNull DepartureRequest request) {
        if (request.organisation() != null && !request.organisation().name().equals(caller.organisation())) {
            throw new Forbidden("This client registers the departures of " + caller.organisation() + " only");
        }
        Registry.Registration registration;
        try {
            registration = registry.registerDeparture(request.toDeparture());
        } catch (ConstraintViolationException concurrentTwin) {
            // Two identical registrations raced and the unique key stopped this one: it now finds the other.
            registration = registry.registerDeparture(request.toDeparture());
        }
        var body = AlumnusResponse.from(registration.alumnus(), LocalDate.now(clock));
        return registration.created()
                ? Response.created(URI.create("/api/alumni/" + body.id()))
                        .entity(body)
                        .build()
                : Response.ok(body).build();
    }
}
