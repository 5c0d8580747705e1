package nl.integrity.declaration.declaration;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import nl.integrity.declaration.review.ConditionType;
import nl.integrity.declaration.review.Decision;
import nl.integrity.declaration.review.ImposedCondition;
import nl.integrity.declaration.review.Message;
import nl.integrity.declaration.review.Outcome;
import nl.integrity.declaration.risk.RiskLevel;
import nl.integrity.declaration.risk.RiskReason;
import nl.integrity.platform.query.ListFilter;

/** What the API shows of declarations. */
public final class DeclarationViews {

    private DeclarationViews() {}

    /** One line of a list or the review queue. */
    public record Summary(
            UUID id,
            UUID alumnusId,
            String organisation,
            DeclarationStatus status,
            DeclarationKind kind,
            String employerName,
            String sector,
            String role,
            LocalDate startDate,
            int currentVersion,
            RiskLevel riskLevel,
            boolean late,
            String assignee,
            Instant submittedAt,
            LocalDate dueDate,
            Outcome outcome) {

        static Summary from(Declaration d) {
            Activity a = d.activity();
            return new Summary(
                    d.id(),
                    d.alumnusId(),
                    d.organisation(),
                    d.status(),
                    a.kind(),
                    a.employerName(),
                    a.sector().name(),
                    a.role(),
                    a.startDate(),
                    d.currentVersion(),
                    d.riskLevel(),
                    d.late(),
                    d.assignee(),
                    d.submittedAt(),
                    d.dueDate(),
                    d.outcome());
        }
    }

    /** A page of results; {@code total} is exact up to a cap, {@code totalCapped} says there are more. */
    public record Page<T>(List<T> items, int page, int size, long total, boolean totalCapped) {

        Page(List<T> items, int page, int size, ListFilter.Count total) {
            this(items, page, size, total.total(), total.capped());
        }
    }

    public record ActivityView(
            DeclarationKind kind,
            String employerName,
            String kvkNumber,
            String country,
            String sector,
            String role,
            String duties,
            LocalDate startDate,
            boolean paid,
            int hoursPerWeek,
            boolean selfEmployed,
            boolean expectsContact,
            String contactDetails,
            boolean usesKnowledge,
            String knowledgeDetails) {

        static ActivityView from(Activity a) {
            return new ActivityView(
                    a.kind(),
                    a.employerName(),
                    a.kvkNumber(),
                    a.country(),
                    a.sector().name(),
                    a.role(),
                    a.duties(),
                    a.startDate(),
                    a.paid(),
                    a.hoursPerWeek(),
                    a.selfEmployed(),
                    a.expectsContact(),
                    a.contactDetails(),
                    a.usesKnowledge(),
                    a.knowledgeDetails());
        }
    }

    public record Risk(RiskLevel level, List<RiskReason> reasons, Instant assessedAt) {}

    public record ConditionView(
            UUID id,
            ConditionType type,
            String textNl,
            String textEn,
            String details,
            LocalDate startsOn,
            LocalDate endsOn,
            ImposedCondition.Status status,
            LocalDate endedOn,
            ImposedCondition.EndReason endReason) {

        static ConditionView from(ImposedCondition c) {
            return new ConditionView(
                    c.id(),
                    c.type(),
                    c.type().textNl(),
                    c.type().textEn(),
                    c.details(),
                    c.startsOn(),
                    c.endsOn(),
                    c.status(),
                    c.endedOn(),
                    c.endReason());
        }
    }

    public record DecisionView(
            UUID id,
            int versionNumber,
            Outcome outcome,
            String rationale,
            String decidedBy,
            Instant decidedAt,
            String confirmedBy,
            Instant confirmedAt,
            Decision.Status status,
            List<ConditionView> conditions) {

        static DecisionView from(Decision d, List<ImposedCondition> all) {
            return new DecisionView(
                    d.id(),
                    d.versionNumber(),
                    d.outcome(),
                    d.rationale(),
                    d.decidedBy(),
                    d.decidedAt(),
                    d.confirmedBy(),
                    d.confirmedAt(),
                    d.status(),
                    all.stream()
                            .filter(c -> c.decisionId().equals(d.id()))
                            .map(ConditionView::from)
                            .toList());
        }
    }

    public record MessageView(UUID id, Message.Kind kind, String author, String body, Instant sentAt) {

        public static MessageView from(Message m) {
            return new MessageView(m.id(), m.kind(), m.author(), m.body(), m.sentAt());
        }
    }

    /** Everything about one declaration: the current version, its risk, the thread and the decisions. */
    public record Detail(
            UUID id,
            UUID alumnusId,
            String organisation,
            DeclarationStatus status,
            int currentVersion,
            ActivityView activity,
            Risk risk,
            boolean late,
            String assignee,
            Instant createdAt,
            Instant submittedAt,
            LocalDate dueDate,
            Outcome outcome,
            Instant decidedAt,
            Instant withdrawnAt,
            List<MessageView> messages,
            List<DecisionView> decisions,
            long version) {

        static Detail from(Declaration d) {
            var conditions = ImposedCondition.of(d.id());
            return of(
                    d,
                    Message.thread(d.id()).stream().map(MessageView::from).toList(),
                    Decision.of(d.id()).stream()
                            .map(x -> DecisionView.from(x, conditions))
                            .toList());
        }

        /**
         * A declaration created in this transaction: no thread, no decisions yet, and its version is
         * in the persistence context, so this asks the database nothing.
         */
        static Detail ofNew(Declaration d) {
            return of(d, List.of(), List.of());
        }

        private static Detail of(Declaration d, List<MessageView> messages, List<DecisionView> decisions) {
            var current = DeclarationVersion.current(d);
            Risk risk = current == null || current.riskLevel() == null
                    ? null
                    : new Risk(current.riskLevel(), current.riskReasons(), current.assessedAt());
            return new Detail(
                    d.id(),
                    d.alumnusId(),
                    d.organisation(),
                    d.status(),
                    d.currentVersion(),
                    ActivityView.from(d.activity()),
                    risk,
                    d.late(),
                    d.assignee(),
                    d.createdAt(),
                    d.submittedAt(),
                    d.dueDate(),
                    d.outcome(),
                    d.decidedAt(),
                    d.withdrawnAt(),
                    messages,
                    decisions,
                    d.version());
        }
    }

    public record VersionView(int number, ActivityView activity, Instant declaredAt, boolean late, Risk risk) {

        static VersionView from(DeclarationVersion v) {
            return new VersionView(
                    v.number(),
                    ActivityView.from(v.activity()),
                    v.declaredAt(),
                    v.late(),
                    v.riskLevel() == null ? null : new Risk(v.riskLevel(), v.riskReasons(), v.assessedAt()));
        }
    }
}
