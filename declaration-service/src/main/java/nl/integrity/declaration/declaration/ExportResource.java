package nl.integrity.declaration.declaration;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import nl.integrity.declaration.alumni.KnownAlumnus;
import nl.integrity.declaration.audit.AuditTrail;
import nl.integrity.declaration.review.Decision;
import nl.integrity.declaration.review.ImposedCondition;
import nl.integrity.declaration.review.Message;
import nl.integrity.declaration.review.Outcome;
import nl.integrity.declaration.risk.RiskLevel;
import nl.integrity.platform.security.Caller;
import nl.integrity.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Right of access (AVG/GDPR art. 15): everything declaration-service holds about the calling
 * alumnus, as one JSON document: each declaration with every version, the thread, the decisions
 * and their conditions, and who at the office read, acted on or listed them. The gateway puts it
 * beside the other services' parts in the one archive the alumnus downloads.
 *
 * <p>Read in a handful of queries whatever the number of declarations (one per kind of row, and
 * one per declaration for the trail), so an alumnus with many declarations waits no longer.
 */
@Path("/api/declarations/me/export")
@Tag(name = "Privacy")
@Produces(MediaType.APPLICATION_JSON)
public class ExportResource {

    private final Caller caller;
    private final Clock clock;
    private final AuditTrail audit;

    ExportResource(Caller caller, Clock clock, AuditTrail audit) {
        this.caller = caller;
        this.clock = clock;
        this.audit = audit;
    }

    /**
     * Who at the office looked at or acted on the declarations, by role, and why (staff names are
     * theirs to keep, CJEU C-579/21); {@code listed} when they appeared in a list the officer saw.
     */
    public record Access(
            Instant occurredAt,
            String actorRole,
            String action,
            String purpose,
            boolean listed,
            List<UUID> declarationIds) {}

    /** One declaration as held: its current content and state, every version, the thread and the decisions. */
    public record DeclarationExport(
            UUID id,
            DeclarationStatus status,
            int currentVersion,
            DeclarationViews.ActivityView activity,
            RiskLevel riskLevel,
            boolean late,
            Instant createdAt,
            Instant submittedAt,
            LocalDate dueDate,
            Outcome outcome,
            Instant decidedAt,
            Instant withdrawnAt,
            List<DeclarationViews.VersionView> versions,
            List<DeclarationViews.MessageView> messages,
            List<DeclarationViews.DecisionView> decisions) {}

    public record PersonalDataExport(
            Instant generatedAt, String controller, List<DeclarationExport> declarations, List<Access> accessLog) {}

    @GET
    @RolesAllowed(Roles.ALUMNUS)
    @Transactional
    @Operation(
            summary = "Download everything held about my declarations",
            description =
                    "My declarations with every version and its risk assessment, the questions and answers, the decisions "
                            + "with their conditions, and who at the office read, acted on or listed them, when, in which role "
                            + "and for which purpose.")
    public Response export() {
        var alumnus = KnownAlumnus.findByPersonnelNumber(caller.organisation(), caller.personnelNumber());
        List<Declaration> own = alumnus.isEmpty()
                ? List.of()
                : Declaration.list(
                        "alumnusId = ?1 order by createdAt, id", alumnus.get().alumnusId());
        List<UUID> ids = own.stream().map(Declaration::id).toList();
        Map<UUID, List<DeclarationVersion>> versions = DeclarationVersion.ofAll(ids).stream()
                .collect(Collectors.groupingBy(DeclarationVersion::declarationId));
        Map<UUID, List<Message>> messages =
                Message.threads(ids).stream().collect(Collectors.groupingBy(Message::declarationId));
        Map<UUID, List<Decision>> decisions =
                Decision.ofAll(ids).stream().collect(Collectors.groupingBy(Decision::declarationId));
        Map<UUID, List<ImposedCondition>> conditions =
                ImposedCondition.ofAll(ids).stream().collect(Collectors.groupingBy(ImposedCondition::declarationId));
        var declarations = own.stream()
                .map(d -> new DeclarationExport(
                        d.id(),
                        d.status(),
                        d.currentVersion(),
                        DeclarationViews.ActivityView.from(d.activity()),
                        d.riskLevel(),
                        d.late(),
                        d.createdAt(),
                        d.submittedAt(),
                        d.dueDate(),
                        d.outcome(),
                        d.decidedAt(),
                        d.withdrawnAt(),
                        versions.getOrDefault(d.id(), List.of()).stream()
                                .map(DeclarationViews.VersionView::from)
                                .toList(),
                        messages.getOrDefault(d.id(), List.of()).stream()
                                .map(DeclarationViews.MessageView::from)
                                .toList(),
                        decisions.getOrDefault(d.id(), List.of()).stream()
                                .map(x -> DeclarationViews.DecisionView.from(
                                        x, conditions.getOrDefault(d.id(), List.of())))
                                .toList()))
                .toList();
        var accessLog = audit.ofAll(ids).stream()
                .map(e -> new Access(
                        e.record().occurredAt(),
                        e.record().actorRole(),
                        e.record().action(),
                        e.record().purpose(),
                        e.record().listed(),
                        e.declarationIds()))
                .toList();
        String organisation = caller.organisation();
        var export =
                new PersonalDataExport(clock.instant(), "Integrity office of " + organisation, declarations, accessLog);
        return Response.ok(export)
                .header("Content-Disposition", "attachment; filename=\"my-data-declaration-service.json\"")
                .build();
    }
}
