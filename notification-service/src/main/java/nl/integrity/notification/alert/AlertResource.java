package nl.integrity.notification.alert;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import nl.integrity.notification.audit.AuditTrail;
import nl.integrity.platform.problem.InvalidField;
import nl.integrity.platform.problem.NotFound;
import nl.integrity.platform.security.Caller;
import nl.integrity.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The alert inbox of the caller's own organisation: filter, sort, page; acknowledge, resolve,
 * assign. Other organisations' alerts do not exist for the caller (404).
 */
@Path("/api/alerts")
@Tag(name = "Alerts")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AlertResource {

    private final Caller caller;
    private final Clock clock;
    private final AlertInbox inbox;
    private final AuditTrail audit;

    AlertResource(Caller caller, Clock clock, AlertInbox inbox, AuditTrail audit) {
        this.caller = caller;
        this.clock = clock;
        this.inbox = inbox;
        this.audit = audit;
    }

    public record AssignmentRequest(
            @NotBlank
            @Pattern(regexp = Caller.USERNAME, message = "a username: letters, digits and . _ - @, at most 100")
            String officer) {}

    public record ResolutionRequest(@Size(max = 1000) String note) {}

    @GET
    @RolesAllowed(Roles.OFFICER)
    @Operation(
            summary = "My organisation's alert inbox",
            description =
                    "Filtered by status (default NEW and ACKNOWLEDGED), kind, assignee (`me`, `none` or a username), "
                            + "declaration or alumnus; sorted by `-raisedAt` (default, newest first), `raisedAt` or `dueDate`; a page "
                            + "at a time. The audit trail records which alumni the page showed.")
    public AlertResponse.Page inbox(
            @QueryParam("status") List<String> status,
            @QueryParam("kind") List<String> kind,
            @QueryParam("assignee") String assignee,
            @QueryParam("declarationId") UUID declarationId,
            @QueryParam("alumnusId") UUID alumnusId,
            @QueryParam("sort") String sort,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(200) int size) {
        String organisation = caller.organisation();
        var filter = new AlertInbox.Filter(
                InvalidField.enumValues("status", AlertStatus.class, status),
                InvalidField.enumValues("kind", AlertKind.class, kind),
                assignee,
                declarationId,
                alumnusId);
        var found = inbox.page(filter, organisation, caller.username(), AlertInbox.sort(sort), page, size);
        audit.listedAlumni(
                AuditTrail.LIST_ALERTS,
                found.alerts().stream()
                        .map(Alert::alumnusId)
                        .filter(Objects::nonNull)
                        .toList(),
                organisation,
                (filter.describe() + " page=" + page).trim());
        return new AlertResponse.Page(
                found.alerts().stream().map(AlertResponse::from).toList(), page, size, found.total());
    }

    @GET
    @Path("/{id}")
    @RolesAllowed(Roles.OFFICER)
    @Operation(summary = "One alert of my organisation")
    public AlertResponse byId(@PathParam("id") UUID id) {
        var alert = own(id);
        audit.record(AuditTrail.READ_ALERT, AuditTrail.ALERT, id, alert.organisation(), null);
        return AlertResponse.from(alert);
    }

    @POST
    @Path("/{id}/acknowledgement")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(Roles.OFFICER)
    @Transactional
    @Operation(summary = "Acknowledge a new alert", description = "The caller becomes its assignee if it has none.")
    public AlertResponse acknowledge(@PathParam("id") UUID id) {
        var alert = own(id);
        alert.acknowledge(caller.username(), clock.instant());
        audit.record(AuditTrail.ALERT_ACKNOWLEDGED, AuditTrail.ALERT, id, alert.organisation(), null);
        return AlertResponse.from(alert);
    }

    @POST
    @Path("/{id}/resolution")
    @RolesAllowed(Roles.OFFICER)
    @Transactional
    @Operation(summary = "Resolve an alert, with a note on what was done")
    public AlertResponse resolve(@PathParam("id") UUID id, @Valid ResolutionRequest request) {
        var alert = own(id);
        String note =
                request == null || request.note() == null || request.note().isBlank()
                        ? null
                        : request.note().trim();
        alert.resolve(caller.username(), note, clock.instant());
        // The note is free text: the trail says that one was written, not what.
        audit.record(
                AuditTrail.ALERT_RESOLVED,
                AuditTrail.ALERT,
                id,
                alert.organisation(),
                note == null ? null : "with a note");
        return AlertResponse.from(alert);
    }

    @POST
    @Path("/{id}/assignment")
    @RolesAllowed(Roles.OFFICER)
    @Transactional
    @Operation(summary = "Assign an open alert to an officer of the office (by username)")
    public AlertResponse assign(@PathParam("id") UUID id, @Valid @NotNull AssignmentRequest request) {
        var alert = own(id);
        alert.assignTo(request.officer().trim());
        audit.record(AuditTrail.ALERT_ASSIGNED, AuditTrail.ALERT, id, alert.organisation(), "to " + alert.assignee());
        return AlertResponse.from(alert);
    }

    @DELETE
    @Path("/{id}/assignment")
    @RolesAllowed(Roles.OFFICER)
    @Transactional
    @Operation(
            summary = "Take the assignment off an open alert",
            description = "It goes back to the office's unassigned alerts.")
    public AlertResponse unassign(@PathParam("id") UUID id) {
        var alert = own(id);
        alert.unassign();
        audit.record(AuditTrail.ALERT_UNASSIGNED, AuditTrail.ALERT, id, alert.organisation(), null);
        return AlertResponse.from(alert);
    }

    private Alert own(UUID id) {
        return Alert.<Alert>findByIdOptional(id)
                .filter(a -> a.organisation().equals(caller.organisation()))
                .orElseThrow(() -> new NotFound("Alert", id));
    }
}
