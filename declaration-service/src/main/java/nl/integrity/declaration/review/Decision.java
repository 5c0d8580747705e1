package nl.integrity.declaration.review;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import nl.integrity.platform.problem.InvalidField;
import nl.integrity.platform.web.Problem;

/**
 * A decision on one version of a declaration, with its conditions: proposed (four eyes) and then
 * returned or put in force, in force until a newer decision supersedes it or the declaration is
 * withdrawn. Its conditions follow it: proposed with it, active while it is in force, void when it
 * is returned, ended when it ends. The methods take the decision's own conditions, so the rules
 * need no database.
 */
@Entity
@Table(name = "decision")
public class Decision extends PanacheEntityBase {

    public enum Status {
        PROPOSED,
        RETURNED,
        IN_FORCE,
        SUPERSEDED,
        WITHDRAWN
    }

    @Id
    private UUID id;

    @Column(name = "declaration_id", nullable = false)
    private UUID declarationId;

    @Column(name = "version_number", nullable = false)
    private int versionNumber;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Outcome outcome;

    @Column(nullable = false)
    private String rationale;

    @Column(name = "decided_by", nullable = false)
    private String decidedBy;

    @Column(name = "decided_at", nullable = false)
    private Instant decidedAt;

    @Column(name = "confirmed_by")
    private String confirmedBy;

    @Column(name = "confirmed_at")
    private Instant confirmedAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status;

    protected Decision() {}

    /** A new decision and its conditions (neither stored yet). */
    public record Made(Decision decision, List<ImposedCondition> conditions) {}

    /**
     * Decides on a version: in force at once, or only proposed when a second officer must confirm
     * it. The outcome and the conditions must fit together, and each condition must be sound.
     */
    public static Made make(
            UUID declarationId,
            int versionNumber,
            Outcome outcome,
            String rationale,
            String officer,
            boolean fourEyes,
            Instant now,
            LocalDate today,
            List<ConditionSpec> conditions) {
        if (outcome == Outcome.ALLOWED_WITH_CONDITIONS && conditions.isEmpty()) {
            throw new DecisionRejected(
                    "conditions-required",
                    "An activity allowed with conditions needs at least one condition from the library");
        }
        if (outcome != Outcome.ALLOWED_WITH_CONDITIONS && !conditions.isEmpty()) {
            throw new DecisionRejected(
                    "conditions-not-allowed",
                    "Only an activity allowed with conditions has conditions; " + outcome + " has none");
        }
        var errors = new ArrayList<Problem.FieldError>();
        for (int i = 0; i < conditions.size(); i++) {
            errors.addAll(conditions.get(i).problems("conditions[" + i + "]", today));
        }
        if (!errors.isEmpty()) {
            throw new InvalidField(errors);
        }
        var decision = new Decision();
        decision.id = UUID.randomUUID();
        decision.declarationId = declarationId;
        decision.versionNumber = versionNumber;
        decision.outcome = outcome;
        decision.rationale = rationale;
        decision.decidedBy = officer;
        decision.decidedAt = now;
        decision.status = fourEyes ? Status.PROPOSED : Status.IN_FORCE;
        return new Made(
                decision,
                conditions.stream()
                        .map(spec -> ImposedCondition.of(decision, spec, today, fourEyes))
                        .toList());
    }

    /** A second officer confirmed the proposal; it is not in force until {@link #takeForce} (which supersedes the one before). */
    public void confirm(String officer, Instant at) {
        require(Status.PROPOSED);
        confirmedBy = officer;
        confirmedAt = at;
    }

    /** The decision applies from now, and so do its conditions. */
    public void takeForce(List<ImposedCondition> own) {
        if (status != Status.PROPOSED && status != Status.IN_FORCE) {
            throw new IllegalStateException("a " + status + " decision cannot take force");
        }
        status = Status.IN_FORCE;
        own.forEach(ImposedCondition::activate);
    }

    /** The proposal goes back to review: neither it nor its conditions ever apply. */
    public void returnToReview(List<ImposedCondition> own) {
        require(Status.PROPOSED);
        status = Status.RETURNED;
        own.forEach(ImposedCondition::annul);
    }

    /** A newer decision took force: this one ends, and its active conditions end today; returns those. */
    public List<ImposedCondition> supersede(LocalDate today, List<ImposedCondition> own) {
        require(Status.IN_FORCE);
        status = Status.SUPERSEDED;
        return endActive(own, today, ImposedCondition.EndReason.SUPERSEDED);
    }

    /**
     * The declaration was withdrawn: a proposal goes back (nothing ends, nothing had begun); a
     * decision in force ends with its active conditions, which are returned. Others stay as they are.
     */
    public List<ImposedCondition> withdraw(LocalDate today, List<ImposedCondition> own) {
        if (status == Status.PROPOSED) {
            returnToReview(own);
            return List.of();
        }
        if (status != Status.IN_FORCE) {
            return List.of();
        }
        status = Status.WITHDRAWN;
        return endActive(own, today, ImposedCondition.EndReason.WITHDRAWN);
    }

    private static List<ImposedCondition> endActive(
            List<ImposedCondition> own, LocalDate today, ImposedCondition.EndReason reason) {
        List<ImposedCondition> active = own.stream()
                .filter(c -> c.status() == ImposedCondition.Status.ACTIVE)
                .toList();
        active.forEach(c -> c.end(today, reason));
        return active;
    }

    private void require(Status expected) {
        if (status != expected) {
            throw new IllegalStateException("the decision is " + status + ", not " + expected);
        }
    }

    public static List<Decision> of(UUID declarationId) {
        return list("declarationId = ?1 order by decidedAt", declarationId);
    }

    /** The decisions on several declarations in one query, each declaration's oldest first. */
    public static List<Decision> ofAll(Collection<UUID> declarationIds) {
        return declarationIds.isEmpty()
                ? List.of()
                : list("declarationId in ?1 order by declarationId, decidedAt", declarationIds);
    }

    /** The decisions in force on the declaration other than the given one (there is at most one). */
    public static List<Decision> inForceBesides(UUID declarationId, UUID decisionId) {
        return list("declarationId = ?1 and status = ?2 and id <> ?3", declarationId, Status.IN_FORCE, decisionId);
    }

    public static Optional<Decision> withStatus(UUID declarationId, Status status) {
        return find("declarationId = ?1 and status = ?2", declarationId, status).firstResultOptional();
    }

    public UUID id() {
        return id;
    }

    public UUID declarationId() {
        return declarationId;
    }

    public int versionNumber() {
        return versionNumber;
    }

    public Outcome outcome() {
        return outcome;
    }

    public String rationale() {
        return rationale;
    }

    public String decidedBy() {
        return decidedBy;
    }

    public Instant decidedAt() {
        return decidedAt;
    }

    public String confirmedBy() {
        return confirmedBy;
    }

    public Instant confirmedAt() {
        return confirmedAt;
    }

    public Status status() {
        return status;
    }
}
