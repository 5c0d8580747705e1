package nl.integrity.declaration.declaration;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import nl.integrity.declaration.audit.AuditTrail;
import nl.integrity.declaration.audit.Purpose;
import nl.integrity.declaration.review.ConditionSpec;
import nl.integrity.declaration.review.ConditionType;
import nl.integrity.declaration.review.Message;
import nl.integrity.declaration.review.Outcome;
import nl.integrity.platform.security.Caller;
import nl.integrity.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The review of a declaration: officers of its organisation claim it, ask questions, decide
 * (a second officer confirms where four eyes apply); the alumnus answers questions. The thread
 * and the audit trail are read here too.
 */
@Path("/api/declarations/{id}")
@Tag(name = "Review")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class ReviewResource {

    private final Reviews reviews;
    private final Caller caller;
    private final AuditTrail audit;
    private final DeclarationReads reads;

    ReviewResource(Reviews reviews, Caller caller, AuditTrail audit, DeclarationReads reads) {
        this.reviews = reviews;
        this.caller = caller;
        this.audit = audit;
        this.reads = reads;
    }

    public record AssignmentRequest(
            @NotBlank
            @Pattern(regexp = Caller.USERNAME, message = "a username: letters, digits and . _ - @, at most 100")
            String officer) {}

    public record QuestionRequest(
            @NotBlank @Size(max = 4000) String question) {}

    public record AnswerRequest(@NotBlank @Size(max = 4000) String answer) {}

    public record ConditionRequest(
            @NotNull ConditionType type, @Size(max = 2000) String details, LocalDate startsOn, LocalDate endsOn) {}

    public record DecisionRequest(
            @NotNull Outcome outcome,
            @NotBlank @Size(max = 4000) String rationale,
            @Size(max = 20) List<@Valid @NotNull ConditionRequest> conditions) {}

    public record ConfirmationRequest(@NotNull Boolean approve) {}

    public record AuditView(
            Instant occurredAt,
            String actor,
            String action,
            String purpose,
            boolean listed,
            String detail,
            String requestId) {}

    @POST
    @Path("/claim")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(Roles.OFFICER)
    @Operation(summary = "Take the review", description = "Also takes it over from another officer.")
    @Transactional
    public DeclarationViews.Detail claim(@PathParam("id") UUID id) {
        officerCase(id);
        reviews.claim(id, caller.username());
        return reads.detail(id);
    }

    @POST
    @Path("/assignment")
    @RolesAllowed(Roles.OFFICER)
    @Operation(summary = "Assign the review to an officer of the office (by username)")
    @Transactional
    public DeclarationViews.Detail assign(@PathParam("id") UUID id, @Valid @NotNull AssignmentRequest request) {
        officerCase(id);
        reviews.assign(id, request.officer().trim());
        return reads.detail(id);
    }

    @POST
    @Path("/information-requests")
    @RolesAllowed(Roles.OFFICER)
    @Operation(summary = "Ask the alumnus for information", description = "Claims the review if nobody has it.")
    @Transactional
    public DeclarationViews.MessageView requestInformation(
            @PathParam("id") UUID id, @Valid @NotNull QuestionRequest request) {
        officerCase(id);
        return DeclarationViews.MessageView.from(reviews.requestInformation(
                id, caller.username(), request.question().trim()));
    }

    @POST
    @Path("/information")
    @RolesAllowed(Roles.ALUMNUS)
    @Operation(summary = "Answer the office's question")
    @Transactional
    public DeclarationViews.MessageView provideInformation(
            @PathParam("id") UUID id, @Valid @NotNull AnswerRequest request) {
        return DeclarationViews.MessageView.from(reviews.provideInformation(
                caller.organisation(),
                caller.personnelNumber(),
                id,
                request.answer().trim()));
    }

    @GET
    @Path("/messages")
    @RolesAllowed({Roles.ALUMNUS, Roles.OFFICER})
    @Transactional
    @Operation(
            summary = "The thread of questions and answers, oldest first",
            description = "An officer states why with `purpose`, as for the declaration itself; the read is audited.")
    public List<DeclarationViews.MessageView> messages(
            @PathParam("id") UUID id, @QueryParam("purpose") String purpose) {
        Purpose why = caller.hasRole(Roles.OFFICER) ? Purpose.of(purpose) : null;
        var d = reads.visible(id);
        if (why != null) {
            audit.record(AuditTrail.READ_MESSAGES, d.id(), d.organisation(), why, null);
        }
        return Message.thread(id).stream()
                .map(DeclarationViews.MessageView::from)
                .toList();
    }

    @POST
    @Path("/decision")
    @RolesAllowed(Roles.OFFICER)
    @Operation(
            summary = "Decide on the current version",
            description =
                    "NO_OBJECTION, ALLOWED_WITH_CONDITIONS (with conditions from the library, each with an end date) or "
                            + "OBJECTION, with a rationale. At a risk level that needs four eyes the decision is proposed and waits "
                            + "for a second officer.")
    @Transactional
    public DeclarationViews.Detail decide(@PathParam("id") UUID id, @Valid @NotNull DecisionRequest request) {
        officerCase(id);
        var conditions = request.conditions() == null
                ? List.<ConditionSpec>of()
                : request.conditions().stream()
                        .map(c -> new ConditionSpec(
                                c.type(),
                                c.details() == null ? null : c.details().trim(),
                                c.startsOn(),
                                c.endsOn()))
                        .toList();
        reviews.decide(
                id, caller.username(), request.outcome(), request.rationale().trim(), conditions);
        return reads.detail(id);
    }

    @POST
    @Path("/decision/confirmation")
    @RolesAllowed(Roles.OFFICER)
    @Operation(
            summary = "Confirm (approve=true) or return (approve=false) a proposed decision",
            description = "Only an officer other than the one who proposed it.")
    @Transactional
    public DeclarationViews.Detail confirm(@PathParam("id") UUID id, @Valid @NotNull ConfirmationRequest request) {
        officerCase(id);
        reviews.confirm(id, caller.username(), request.approve());
        return reads.detail(id);
    }

    @GET
    @Path("/audit")
    @RolesAllowed({Roles.OFFICER, Roles.ADMIN})
    @Operation(
            summary = "Who read, listed, acted on or decided on this declaration, when, and for which purpose",
            description = "`listed` marks a queue page that showed it among others.")
    public List<AuditView> auditTrail(@PathParam("id") UUID id) {
        var d = reads.ofCallersOrganisation(id);
        return audit.of(d.id()).stream()
                .map(a -> new AuditView(
                        a.occurredAt(), a.actor(), a.action(), a.purpose(), a.listed(), a.detail(), a.requestId()))
                .toList();
    }

    /** The declaration must be one of the officer's organisation; otherwise it does not exist for them. */
    private void officerCase(UUID id) {
        reads.ofCallersOrganisation(id);
    }
}
