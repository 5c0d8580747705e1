package nl.integrity.declaration.declaration;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
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
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import nl.integrity.declaration.alumni.KnownAlumnus;
import nl.integrity.declaration.audit.AuditTrail;
import nl.integrity.declaration.audit.Purpose;
import nl.integrity.declaration.risk.RiskLevel;
import nl.integrity.platform.problem.InvalidField;
import nl.integrity.platform.security.Caller;
import nl.integrity.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Declarations of new activities. An alumnus creates, changes, submits and withdraws their own
 * and reads only those; integrity officers read those of their own organisation, stating why (each
 * read is audited with its purpose), and work through them in the review queue (each page they get
 * is audited too). Someone else's declaration answers 404,
 * never 403, so its existence is not revealed.
 *
 * <p>A change and the view it answers with are read and written in one transaction: nothing touches the
 * database after the commit, so a request that fails (the database went away: 503) has changed nothing,
 * short of a commit that the database carried out as the connection broke.
 */
@Path("/api/declarations")
@Tag(name = "Declarations")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class DeclarationResource {

    private final Declarations declarations;
    private final DeclarationQueue queue;
    private final DeclarationReads reads;
    private final Caller caller;
    private final AuditTrail audit;

    DeclarationResource(
            Declarations declarations,
            DeclarationQueue queue,
            DeclarationReads reads,
            Caller caller,
            AuditTrail audit) {
        this.declarations = declarations;
        this.queue = queue;
        this.reads = reads;
        this.caller = caller;
        this.audit = audit;
    }

    @POST
    @RolesAllowed(Roles.ALUMNUS)
    @Operation(
            summary = "Declare a new activity",
            description =
                    "Submitted for review at once and assessed, unless draft=true keeps it as a draft to submit later.")
    @Transactional
    public Response create(
            @Valid @NotNull ActivityRequest request, @QueryParam("draft") @DefaultValue("false") boolean draft) {
        var declaration =
                declarations.create(caller.organisation(), caller.personnelNumber(), request.toActivity(), draft);
        return Response.created(URI.create("/api/declarations/" + declaration.id()))
                .entity(DeclarationViews.Detail.ofNew(declaration))
                .build();
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed(Roles.ALUMNUS)
    @Operation(
            summary = "Change a declaration",
            description =
                    "A new version, assessed again; a decided declaration goes back to review. A draft is edited in place.")
    @Transactional
    public DeclarationViews.Detail update(@PathParam("id") UUID id, @Valid @NotNull ActivityRequest request) {
        declarations.update(caller.organisation(), caller.personnelNumber(), id, request.toActivity());
        return reads.detail(id);
    }

    @POST
    @Path("/{id}/submission")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(Roles.ALUMNUS)
    @Operation(summary = "Submit a draft for review")
    @Transactional
    public DeclarationViews.Detail submit(@PathParam("id") UUID id) {
        declarations.submit(caller.organisation(), caller.personnelNumber(), id);
        return reads.detail(id);
    }

    @POST
    @Path("/{id}/withdrawal")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(Roles.ALUMNUS)
    @Operation(summary = "Withdraw a declaration", description = "Conditions in force end with it.")
    @Transactional
    public DeclarationViews.Detail withdraw(@PathParam("id") UUID id) {
        declarations.withdraw(caller.organisation(), caller.personnelNumber(), id);
        return reads.detail(id);
    }

    @GET
    @RolesAllowed({Roles.ALUMNUS, Roles.OFFICER})
    @Transactional
    @Operation(
            summary = "List declarations; for officers, the review queue",
            description =
                    "An alumnus gets their own, newest first. An officer gets their organisation's: by default the open "
                            + "ones (a decision is owed), filtered by status, risk, due date, assignee (`me`, `none` or a username) "
                            + "and lateness, sorted by `dueDate` (default), `-dueDate`, `risk` (highest first), `submittedAt` or "
                            + "`-submittedAt`, a page at a time. `total` counts up to 1000; `totalCapped` says there are more. "
                            + "Each page an officer gets is audited: one entry naming every declaration on it, with the filter.")
    public DeclarationViews.Page<DeclarationViews.Summary> list(
            @QueryParam("status") List<String> status,
            @QueryParam("risk") List<String> risk,
            @QueryParam("dueBefore") LocalDate dueBefore,
            @QueryParam("assignee") String assignee,
            @QueryParam("late") Boolean late,
            @QueryParam("sort") String sort,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        Set<DeclarationStatus> statuses = InvalidField.enumValues("status", DeclarationStatus.class, status);
        DeclarationQueue.Found found;
        if (caller.hasRole(Roles.OFFICER)) {
            found = queue.ofOffice(
                    caller.organisation(),
                    caller.username(),
                    filter(statuses, risk, dueBefore, late, assignee),
                    sort,
                    page,
                    size);
            audit.recordList(
                    found.items().stream().map(Declaration::id).toList(),
                    caller.organisation(),
                    describe(status, risk, dueBefore, assignee, late, sort, page, size));
        } else {
            var alumnus = KnownAlumnus.findByPersonnelNumber(caller.organisation(), caller.personnelNumber());
            if (alumnus.isEmpty()) {
                // No departure registered yet: nothing declared.
                return new DeclarationViews.Page<>(List.of(), page, size, 0, false);
            }
            found = queue.ofAlumnus(
                    alumnus.get().alumnusId(),
                    caller.username(),
                    filter(statuses, risk, dueBefore, late, assignee),
                    sort,
                    page,
                    size);
        }
        return new DeclarationViews.Page<>(
                found.items().stream().map(DeclarationViews.Summary::from).toList(), page, size, found.total());
    }

    /** The request's filter in a few words, for the audit entry of a queue page (at most 200 characters). */
    static String describe(
            List<String> status,
            List<String> risk,
            LocalDate dueBefore,
            String assignee,
            Boolean late,
            String sort,
            int page,
            int size) {
        var words = new StringBuilder();
        if (status != null && !status.isEmpty()) {
            words.append("status=").append(String.join(",", status)).append(' ');
        }
        if (risk != null && !risk.isEmpty()) {
            words.append("risk=").append(String.join(",", risk)).append(' ');
        }
        if (dueBefore != null) {
            words.append("dueBefore=").append(dueBefore).append(' ');
        }
        if (late != null) {
            words.append("late=").append(late).append(' ');
        }
        if (sort != null) {
            words.append("sort=").append(sort).append(' ');
        }
        if (assignee != null) {
            words.append("assignee=").append(assignee).append(' ');
        }
        words.append("page=").append(page).append(" size=").append(size);
        return words.length() <= 200 ? words.toString() : words.substring(0, 199) + "\u2026";
    }

    private static DeclarationQueue.Filter filter(
            Set<DeclarationStatus> statuses, List<String> risk, LocalDate dueBefore, Boolean late, String assignee) {
        return new DeclarationQueue.Filter(
                statuses, InvalidField.enumValues("risk", RiskLevel.class, risk), dueBefore, late, assignee);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.ALUMNUS, Roles.OFFICER})
    @Operation(
            summary = "One declaration: current version, risk reasons, questions and answers, decisions and conditions",
            description =
                    "Visible to its alumnus and to officers of the same organisation. An officer states why with `purpose` "
                            + "(DECLARATION_REVIEW, ALERT_FOLLOW_UP, EXIT_INTERVIEW, OBLIGATION_MONITORING, DATA_SUBJECT_REQUEST "
                            + "or AUDIT; missing or unknown: 400) and the read is audited with it; the alumnus needs none.")
    public DeclarationViews.Detail byId(@PathParam("id") UUID id, @QueryParam("purpose") String purpose) {
        Purpose why = officersPurpose(purpose);
        var d = reads.visible(id);
        if (why != null) {
            audit.record(AuditTrail.READ, d.id(), d.organisation(), why, null);
        }
        return reads.detail(id);
    }

    /** An officer must state why they open a declaration (purpose limitation); an alumnus reads their own. */
    private Purpose officersPurpose(String purpose) {
        return caller.hasRole(Roles.OFFICER) ? Purpose.of(purpose) : null;
    }

    @GET
    @Path("/{id}/versions")
    @RolesAllowed({Roles.ALUMNUS, Roles.OFFICER})
    @Transactional
    @Operation(
            summary = "Every version of a declaration with its assessment, oldest first",
            description = "An officer states why with `purpose`, as for the declaration itself.")
    public List<DeclarationViews.VersionView> versions(
            @PathParam("id") UUID id, @QueryParam("purpose") String purpose) {
        Purpose why = officersPurpose(purpose);
        var d = reads.visible(id);
        if (why != null) {
            audit.record(AuditTrail.READ_VERSIONS, d.id(), d.organisation(), why, null);
        }
        return DeclarationVersion.of(id).stream()
                .map(DeclarationViews.VersionView::from)
                .toList();
    }
}
