package nl.integrity.declaration.review;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/** A condition of a decision, from the library, in force from {@code startsOn} until {@code endsOn}. */
@Entity
@Table(name = "imposed_condition")
public class ImposedCondition extends PanacheEntityBase {

    /** PROPOSED while its decision awaits confirmation; VOID when that was returned or replaced before it began. */
    public enum Status {
        PROPOSED,
        ACTIVE,
        ENDED,
        VOID
    }

    /** Why a condition ended: its end date passed, the declaration was withdrawn, or a new decision replaced it. */
    public enum EndReason {
        EXPIRED,
        WITHDRAWN,
        SUPERSEDED
    }

    @Id
    private UUID id;

    @Column(name = "decision_id", nullable = false)
    private UUID decisionId;

    @Column(name = "declaration_id", nullable = false)
    private UUID declarationId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ConditionType type;

    private String details;

    @Column(name = "starts_on", nullable = false)
    private LocalDate startsOn;

    /** The condition applies up to and including this day. */
    @Column(name = "ends_on", nullable = false)
    private LocalDate endsOn;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status;

    @Column(name = "ended_on")
    private LocalDate endedOn;

    @Enumerated(EnumType.STRING)
    @Column(name = "end_reason")
    private EndReason endReason;

    protected ImposedCondition() {}

    /** The condition of a new decision, proposed with it or active at once. */
    static ImposedCondition of(Decision decision, ConditionSpec spec, LocalDate today, boolean proposed) {
        var c = new ImposedCondition();
        c.id = UUID.randomUUID();
        c.decisionId = decision.id();
        c.declarationId = decision.declarationId();
        c.type = spec.type();
        c.details = spec.details();
        c.startsOn = spec.startsOn(today);
        c.endsOn = spec.endsOn();
        c.status = proposed ? Status.PROPOSED : Status.ACTIVE;
        return c;
    }

    /** Its decision took force. */
    void activate() {
        if (status == Status.PROPOSED) {
            status = Status.ACTIVE;
        }
    }

    /** Its decision was returned before it applied. */
    void annul() {
        status = Status.VOID;
    }

    /** The conditions of one decision. */
    public static List<ImposedCondition> ofDecision(UUID decisionId) {
        return list("decisionId", decisionId);
    }

    public void end(LocalDate on, EndReason reason) {
        status = Status.ENDED;
        endedOn = on;
        endReason = reason;
    }

    public static List<ImposedCondition> of(UUID declarationId) {
        return list("declarationId = ?1 order by startsOn, type", declarationId);
    }

    /** The conditions on several declarations in one query. */
    public static List<ImposedCondition> ofAll(Collection<UUID> declarationIds) {
        return declarationIds.isEmpty()
                ? List.of()
                : list("declarationId in ?1 order by declarationId, startsOn, type", declarationIds);
    }

    public UUID id() {
        return id;
    }

    public UUID decisionId() {
        return decisionId;
    }

    public UUID declarationId() {
        return declarationId;
    }

    public ConditionType type() {
        return type;
    }

    public String details() {
        return details;
    }

    public LocalDate startsOn() {
        return startsOn;
    }

    public LocalDate endsOn() {
        return endsOn;
    }

    public Status status() {
        return status;
    }

    public LocalDate endedOn() {
        return endedOn;
    }

    public EndReason endReason() {
        return endReason;
    }
}
