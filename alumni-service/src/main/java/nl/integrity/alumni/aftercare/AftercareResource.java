package nl.integrity.alumni.aftercare;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
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
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.UUID;
import nl.integrity.alumni.audit.AuditLog;
import nl.integrity.alumni.audit.Purpose;
import nl.integrity.alumni.registry.Alumnus;
import nl.integrity.platform.security.Caller;
import nl.integrity.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Aftercare: officers of the alumnus' organisation see the plan (reads audited), make one where
 * none was made, and record each contact moment; the alumnus sees when the next contact is.
 */
@Path("/api/alumni")
@Tag(name = "Aftercare")
@Produces(MediaType.APPLICATION_JSON)
public class AftercareResource {

    public static final String READ_AFTERCARE = "READ_AFTERCARE";

    private final Aftercare aftercare;
    private final Caller caller;
    private final AuditLog auditLog;
    private final Clock clock;

    AftercareResource(Aftercare aftercare, Caller caller, AuditLog auditLog, Clock clock) {
        this.aftercare = aftercare;
        this.caller = caller;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    /** A contact moment: {@code state} PLANNED, DUE (its day came), OVERDUE (missed) or DONE. */
    public record ContactResponse(
            UUID id,
            int sequence,
            LocalDate dueOn,
            String state,
            LocalDate doneOn,
            AftercareOutcome outcome,
            String notes,
            String plannedBy,
            String recordedBy,
            Instant recordedAt) {

        static ContactResponse of(AftercareContact c, LocalDate today, Period grace) {
            String state = c.status() == AftercareContact.Status.DONE
                    ? "DONE"
                    : c.missedOn(today, grace) ? "OVERDUE" : c.dueOn().isAfter(today) ? "PLANNED" : "DUE";
            return new ContactResponse(
                    c.id(),
                    c.sequence(),
                    c.dueOn(),
                    state,
                    c.doneOn(),
                    c.outcome(),
                    c.notes(),
                    c.plannedBy(),
                    c.recordedBy(),
                    c.recordedAt());
        }
    }

    /** What the alumnus sees: only when the office will be in touch next. */
    public record NextContact(LocalDate nextContactOn) {}

    public record ContactRecord(
            @NotNull LocalDate doneOn,
            @NotNull AftercareOutcome outcome,
            @Size(max = 10_000) String notes) {}

    @GET
    @Path("/{id}/aftercare")
    @RolesAllowed(Roles.OFFICER)
    @Operation(
            summary = "The aftercare plan of an alumnus of my organisation",
            description = "Empty when there is none. The read is audited with its purpose.")
    public List<ContactResponse> plan(@PathParam("id") UUID alumnusId, @QueryParam("purpose") String purpose) {
        Purpose why = Purpose.of(purpose);
        var alumnus = Alumnus.inOrganisationOf(caller, alumnusId);
        auditLog.record(READ_AFTERCARE, alumnus.id(), alumnus.organisation().name(), why);
        return AftercareContact.of(alumnus.id()).stream().map(this::response).toList();
    }

    @POST
    @Path("/{id}/aftercare")
    @RolesAllowed(Roles.OFFICER)
    @Operation(
            summary = "Make the aftercare plan of an alumnus of my organisation",
            description =
                    "Contact moments at the configured months after the departure date (alumni.aftercare.months); 409 when there is a plan already. Forced departures get one when registered.")
    public Response make(@PathParam("id") UUID alumnusId) {
        var alumnus = Alumnus.inOrganisationOf(caller, alumnusId);
        var plan = aftercare.plan(alumnus.id(), caller.username()).stream()
                .map(this::response)
                .toList();
        return Response.created(URI.create("/api/alumni/" + alumnusId + "/aftercare"))
                .entity(plan)
                .build();
    }

    @PUT
    @Path("/{id}/aftercare/{contactId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.OFFICER)
    @Operation(summary = "Record how a contact moment went (again, to correct it)")
    public ContactResponse record(
            @PathParam("id") UUID alumnusId,
            @PathParam("contactId") UUID contactId,
            @Valid @NotNull ContactRecord request) {
        var alumnus = Alumnus.inOrganisationOf(caller, alumnusId);
        return response(aftercare.record(
                alumnus.id(),
                contactId,
                request.doneOn(),
                request.outcome(),
                request.notes() == null || request.notes().isBlank()
                        ? null
                        : request.notes().strip(),
                caller.username()));
    }

    @GET
    @Path("/me/aftercare")
    @RolesAllowed(Roles.ALUMNUS)
    @Operation(summary = "When the integrity office will be in touch next (null: no contact planned)")
    public NextContact mine() {
        LocalDate today = LocalDate.now(clock);
        return new NextContact(AftercareContact.of(Alumnus.ofCaller(caller).id()).stream()
                .filter(c -> c.status() == AftercareContact.Status.PLANNED
                        && !c.dueOn().isBefore(today))
                .map(AftercareContact::dueOn)
                .findFirst()
                .orElse(null));
    }

    private ContactResponse response(AftercareContact c) {
        return ContactResponse.of(c, LocalDate.now(clock), aftercare.grace());
    }

    /** The alumnus' aftercare plan as the office keeps it, notes included (for the download of their data). */
    public static List<ContactResponse> planOf(UUID alumnusId, LocalDate today, Period grace) {
        return AftercareContact.of(alumnusId).stream()
                .map(c -> ContactResponse.of(c, today, grace))
                .toList();
    }
}
