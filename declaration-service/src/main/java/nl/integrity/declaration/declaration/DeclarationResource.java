package nl.integrity.declaration.declaration;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import nl.integrity.declaration.alumni.KnownAlumnus;
import nl.integrity.declaration.audit.AuditTrail;
import nl.integrity.declaration.risk.RiskLevel;
import nl.integrity.platform.problem.InvalidField;
import nl.integrity.platform.problem.NotFound;
import nl.integrity.platform.security.Caller;
import nl.integrity.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Declarations of new activities. An alumnus creates, changes, submits and withdraws their own
 * and reads only those; integrity officers read those of their own organisation (each read is
 * audited) and work through them in the review queue. Someone else's declaration answers 404,
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

    static final int COUNT_CAP = 1000;

    private final Declarations declarations;
    private final Caller caller;
    private final AuditTrail audit;

    DeclarationResource(Declarations declarations, Caller caller, AuditTrail audit) {
        this.declarations = declarations;
        this.caller = caller;
        this.audit = audit;
    }

    @POST
    @RolesAllowed(Roles.ALUMNUS)
    @Operation(summary = "Declare a new activity",
            description = "Submitted for review at once and assessed, unless draft=true keeps it as a draft to submit later.")
    @Transactional
    public Response create(@Valid @NotNull ActivityRequest request, @QueryParam("draft") @DefaultValue("false") boolean draft) {
        var declaration = declarations.create(caller.organisation(), caller.personnelNumber(), request.toActivity(), draft);
        return Response.created(URI.create("/api/declarations/" + declaration.id))
                .entity(detail(declaration.id))
                .build();
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed(Roles.ALUMNUS)
    @Operation(summary = "Change a declaration",
            description = "A new version, assessed again; a decided declaration goes back to review. A draft is edited in place.")
    @Transactional
    public DeclarationViews.Detail update(@PathParam("id") UUID id, @Valid @NotNull ActivityRequest request) {
        declarations.update(caller.organisation(), caller.personnelNumber(), id, request.toActivity());
        return detail(id);
    }

    @POST
    @Path("/{id}/submission")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(Roles.ALUMNUS)
    @Operation(summary = "Submit a draft for review")
    @Transactional
    public DeclarationViews.Detail submit(@PathParam("id") UUID id) {
        declarations.submit(caller.organisation(), caller.personnelNumber(), id);
        return detail(id);
    }

    @POST
    @Path("/{id}/withdrawal")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(Roles.ALUMNUS)
    @Operation(summary = "Withdraw a declaration", description = "Conditions in force end with it.")
    @Transactional
    public DeclarationViews.Detail withdraw(@PathParam("id") UUID id) {
        declarations.withdraw(caller.organisation(), caller.personnelNumber(), id);
        return detail(id);
    }

    @GET
    @RolesAllowed({Roles.ALUMNUS, Roles.OFFICER})
    @Transactional
    @Operation(summary = "List declarations; for officers, the review queue",
            description = "An alumnus gets their own, newest first. An officer gets their organisation's: by default the open "
                    + "ones (a decision is owed), filtered by status, risk, due date, assignee (`me`, `none` or a username) "
                    + "and lateness, sorted by `dueDate` (default), `-dueDate`, `risk` (highest first), `submittedAt` or "
                    + "`-submittedAt`, a page at a time. `total` counts up to 1000; `totalCapped` says there are more.")
    public DeclarationViews.Page<DeclarationViews.Summary> list(
            @QueryParam("status") List<String> status, @QueryParam("risk") List<String> risk,
            @QueryParam("dueBefore") LocalDate dueBefore, @QueryParam("assignee") String assignee,
            @QueryParam("late") Boolean late, @QueryParam("sort") String sort,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        var where = new ArrayList<String>();
        Map<String, Object> params = new HashMap<>();
        Set<DeclarationStatus> statuses = InvalidField.enumValues("status", DeclarationStatus.class, status);
        if (caller.hasRole(Roles.OFFICER)) {
            where.add("organisation = :organisation");
            params.put("organisation", caller.organisation());
            if (statuses.isEmpty()) {
                statuses = DeclarationStatus.OPEN;
            }
        } else {
            var alumnus = KnownAlumnus.findByPersonnelNumber(caller.organisation(), caller.personnelNumber());
            if (alumnus.isEmpty()) {
                // No departure registered yet: nothing declared.
                return new DeclarationViews.Page<>(List.of(), page, size, new DeclarationViews.Total(0, false));
            }
            where.add("alumnusId = :alumnusId");
            params.put("alumnusId", alumnus.get().alumnusId);
        }
        if (statuses.equals(DeclarationStatus.OPEN)) {
            where.add("inReview = true");
        } else if (!statuses.isEmpty()) {
            where.add("status in :statuses");
            params.put("statuses", statuses);
        }
        Set<RiskLevel> levels = InvalidField.enumValues("risk", RiskLevel.class, risk);
        if (!levels.isEmpty()) {
            where.add("riskLevel in :levels");
            params.put("levels", levels);
        }
        if (dueBefore != null) {
            where.add("dueDate <= :dueBefore");
            params.put("dueBefore", dueBefore);
        }
        if (late != null) {
            where.add("late = :late");
            params.put("late", late);
        }
        if (assignee != null && !assignee.isBlank()) {
            if (assignee.equals("none")) {
                where.add("assignee is null");
            } else {
                where.add("assignee = :assignee");
                params.put("assignee", assignee.equals("me") ? caller.username() : assignee);
            }
        }
        Sort order = sort == null && !caller.hasRole(Roles.OFFICER) ? Sort.descending("createdAt", "id") : sortOf(sort);
        String condition = String.join(" and ", where);
        PanacheQuery<Declaration> query = Declaration.find(condition, order, params);
        var items = query.page(Page.of(page, size)).list().stream().map(DeclarationViews.Summary::from).toList();
        return new DeclarationViews.Page<>(items, page, size, countUpTo(condition, params));
    }

    /**
     * Counts the matches, but stops at {@link #COUNT_CAP}: an exact count of a large office's
     * open declarations with extra filters costs a heap visit per row, and beyond a thousand
     * "more than a thousand" is all a queue needs.
     */
    private static DeclarationViews.Total countUpTo(String condition, Map<String, Object> params) {
        var query = Declaration.getEntityManager()
                .createQuery("select d.id from Declaration d where " + condition, UUID.class)
                .setMaxResults(COUNT_CAP + 1);
        params.forEach(query::setParameter);
        int found = query.getResultList().size();
        return new DeclarationViews.Total(Math.min(found, COUNT_CAP), found > COUNT_CAP);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.ALUMNUS, Roles.OFFICER})
    @Operation(summary = "One declaration: current version, risk reasons, questions and answers, decisions and conditions",
            description = "Visible to its alumnus and to officers of the same organisation; an officer's read is audited.")
    public DeclarationViews.Detail byId(@PathParam("id") UUID id) {
        var d = visible(id);
        if (caller.hasRole(Roles.OFFICER)) {
            audit.record(AuditTrail.READ, d.id, d.organisation, null);
        }
        return detail(id);
    }

    @GET
    @Path("/{id}/versions")
    @RolesAllowed({Roles.ALUMNUS, Roles.OFFICER})
    @Transactional
    @Operation(summary = "Every version of a declaration with its assessment, oldest first")
    public List<DeclarationViews.VersionView> versions(@PathParam("id") UUID id) {
        var d = visible(id);
        if (caller.hasRole(Roles.OFFICER)) {
            audit.record(AuditTrail.READ_VERSIONS, d.id, d.organisation, null);
        }
        return DeclarationVersion.of(id).stream().map(DeclarationViews.VersionView::from).toList();
    }

    /** The declaration if the caller may see it: their own, or one of their organisation for an officer. */
    @Transactional
    public Declaration visible(UUID id) {
        return Declaration.<Declaration>findByIdOptional(id)
                .filter(this::visibleToCaller)
                .orElseThrow(() -> new NotFound("Declaration", id));
    }

    private boolean visibleToCaller(Declaration d) {
        if (caller.hasRole(Roles.OFFICER) && d.organisation.equals(caller.organisation())) {
            return true;
        }
        return caller.hasRole(Roles.ALUMNUS)
                && KnownAlumnus.findByPersonnelNumber(caller.organisation(), caller.personnelNumber())
                .map(a -> a.alumnusId.equals(d.alumnusId)).orElse(false);
    }

    @Transactional
    public DeclarationViews.Detail detail(UUID id) {
        return DeclarationViews.Detail.from(Declaration.findById(id));
    }

    private static Sort sortOf(String sort) {
        if (sort == null || sort.isBlank() || sort.equals("dueDate")) {
            return Sort.ascending("dueDate", "id");
        }
        return switch (sort) {
            case "-dueDate" -> Sort.descending("dueDate", "id");
            case "risk" -> Sort.descending("riskRank").and("dueDate").and("id");
            case "submittedAt" -> Sort.ascending("submittedAt", "id");
            case "-submittedAt" -> Sort.descending("submittedAt", "id");
            default -> throw new InvalidField("sort", "one of dueDate, -dueDate, risk, submittedAt, -submittedAt");
        };
    }
}
