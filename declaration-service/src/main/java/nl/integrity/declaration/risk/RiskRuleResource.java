package nl.integrity.declaration.risk;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import nl.integrity.declaration.audit.AuditTrail;
import nl.integrity.platform.cache.ChangeNotices;
import nl.integrity.platform.problem.InvalidField;
import nl.integrity.platform.problem.NotFound;
import nl.integrity.platform.security.Caller;
import nl.integrity.platform.security.Roles;
import nl.integrity.platform.web.Problem;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The risk rules of the caller's organisation. Officers read them (they explain assessments);
 * integrity administrators create and change them. A change applies to versions assessed from
 * then on; earlier assessments keep the rule revision they used. Every change is in the audit trail
 * (subject: the rule), with the administrator who made it.
 */
@Path("/api/risk-rules")
@Tag(name = "Risk rules")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class RiskRuleResource {

    private final Caller caller;
    private final Clock clock;
    private final AuditTrail audit;
    private final ChangeNotices changes;

    RiskRuleResource(Caller caller, Clock clock, AuditTrail audit, ChangeNotices changes) {
        this.caller = caller;
        this.clock = clock;
        this.audit = audit;
        this.changes = changes;
    }

    public record RuleRequest(
            @NotNull RiskLevel level,
            @NotEmpty @Size(max = 10) List<@NotNull RuleCondition> conditions,
            @NotBlank @Size(max = 1000) String textNl,
            @NotBlank @Size(max = 1000) String textEn,
            @NotNull Boolean enabled,
            @Min(0) Integer expectedRevision) {}

    public record RuleResponse(
            String code,
            String organisation,
            int revision,
            RiskLevel level,
            List<RuleCondition> conditions,
            String textNl,
            String textEn,
            boolean enabled,
            Instant updatedAt,
            String updatedBy) {

        static RuleResponse from(RiskRule r) {
            return new RuleResponse(
                    r.code(),
                    r.organisation(),
                    r.revision(),
                    r.level(),
                    r.conditions(),
                    r.textNl(),
                    r.textEn(),
                    r.enabled(),
                    r.updatedAt(),
                    r.updatedBy());
        }
    }

    @GET
    @RolesAllowed({Roles.OFFICER, Roles.ADMIN})
    @Operation(summary = "The organisation's risk rules", description = "Enabled and disabled, by code.")
    public List<RuleResponse> list() {
        return RiskRule.allOf(caller.organisation()).stream()
                .map(RuleResponse::from)
                .toList();
    }

    @GET
    @Path("/{code}")
    @RolesAllowed({Roles.OFFICER, Roles.ADMIN})
    @Operation(summary = "One risk rule")
    public RuleResponse byCode(@PathParam("code") String code) {
        return RuleResponse.from(find(code));
    }

    @PUT
    @Path("/{code}")
    @RolesAllowed(Roles.ADMIN)
    @Transactional
    @Operation(
            summary = "Create or change a risk rule",
            description =
                    "Codes are upper case with underscores. Disable a rule with enabled=false; rules are never deleted, "
                            + "because assessments refer to them. Texts may use {sector}, {functionCode}, {functionRisk}, "
                            + "{functionGroup}, {windowEnd}, {startDate}, {departureReason} and {versionNumber}. "
                            + "With expectedRevision (0 for a rule that should not exist yet) a change made on an outdated "
                            + "view of the rule answers 409 instead of overwriting the change in between.")
    public Response put(
            @PathParam("code")
                    @Pattern(
                            regexp = "[A-Z][A-Z0-9_]{2,59}",
                            message = "upper-case letters, digits and underscores, 3 to 60")
                    String code,
            @Valid @NotNull RuleRequest request) {
        var errors = new ArrayList<Problem.FieldError>();
        for (int i = 0; i < request.conditions().size(); i++) {
            errors.addAll(request.conditions().get(i).problems("conditions[" + i + "]"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidField(errors);
        }
        var existing = RiskRule.forChange(caller.organisation(), code);
        var rule = existing.orElseGet(() -> RiskRule.create(caller.organisation(), code));
        rule.change(
                request.expectedRevision(),
                request.level(),
                request.conditions(),
                request.textNl().trim(),
                request.textEn().trim(),
                request.enabled(),
                caller.username(),
                clock.instant());
        rule.persist();
        changes.afterThisTransaction(); // the next assessment here uses the change, before its notice is back
        audit.recordRuleChange(
                existing.isPresent() ? AuditTrail.RISK_RULE_CHANGED : AuditTrail.RISK_RULE_CREATED,
                rule.id(),
                rule.organisation(),
                code + " revision " + rule.revision() + (rule.enabled() ? "" : " (disabled)"));
        return Response.status(existing.isPresent() ? 200 : 201)
                .entity(RuleResponse.from(rule))
                .build();
    }

    private RiskRule find(String code) {
        return RiskRule.byCode(caller.organisation(), code).orElseThrow(() -> new NotFound("Risk rule", code));
    }
}
