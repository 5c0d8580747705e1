package nl.integrity.declaration.declaration;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import nl.integrity.declaration.review.Outcome;
import nl.integrity.declaration.risk.RiskLevel;
import nl.integrity.platform.outbox.Outbox;

/**
 * The events of {@code declaration.events}: facts only, no free text an alumnus or officer
 * wrote (that stays here). Key is the declaration id (the alumnus id for reminders). See
 * docs/events.md.
 */
public final class DeclarationEvents {

    public static final String TOPIC = "declaration.events";
    private static final String PREFIX = "nl.integrity.declaration.";

    private DeclarationEvents() {}

    /** A version was submitted for review: the first, or a change. */
    public record Submitted(
            UUID declarationId,
            UUID alumnusId,
            String organisation,
            int versionNumber,
            DeclarationKind kind,
            String employerName,
            String sector,
            String role,
            LocalDate startDate,
            boolean late,
            Instant submittedAt,
            LocalDate dueDate,
            Words sectorWords) {
        public static final String TYPE = PREFIX + "submitted.v1";
    }

    /**
     * A code in the words of each language, so that consumers write sentences without a copy of
     * this service's word lists.
     */
    public record Words(String nl, String en) {}

    /** The risk of a version was assessed. */
    public record Assessed(
            UUID declarationId,
            UUID alumnusId,
            String organisation,
            int versionNumber,
            RiskLevel riskLevel,
            List<ReasonCode> reasons,
            boolean late) {
        public static final String TYPE = PREFIX + "assessed.v1";
    }

    public record ReasonCode(String code, RiskLevel level) {}

    public record InformationRequested(
            UUID declarationId,
            UUID alumnusId,
            String organisation,
            UUID messageId,
            String requestedBy,
            Instant requestedAt) {
        public static final String TYPE = PREFIX + "information-requested.v1";
    }

    public record InformationProvided(
            UUID declarationId,
            UUID alumnusId,
            String organisation,
            UUID messageId,
            String assignee,
            Instant providedAt) {
        public static final String TYPE = PREFIX + "information-provided.v1";
    }

    public record Decided(
            UUID declarationId,
            UUID alumnusId,
            String organisation,
            int versionNumber,
            UUID decisionId,
            Outcome outcome,
            List<ConditionFact> conditions,
            String decidedBy,
            String confirmedBy,
            Instant decidedAt) {
        public static final String TYPE = PREFIX + "decided.v1";
    }

    public record ConditionFact(UUID conditionId, String type, LocalDate startsOn, LocalDate endsOn) {}

    public record Withdrawn(UUID declarationId, UUID alumnusId, String organisation, Instant withdrawnAt) {
        public static final String TYPE = PREFIX + "withdrawn.v1";
    }

    public record DecisionDueSoon(
            UUID declarationId,
            UUID alumnusId,
            String organisation,
            String assignee,
            LocalDate dueDate,
            int workingDaysLeft) {
        public static final String TYPE = PREFIX + "decision-due-soon.v1";
    }

    public record DecisionOverdue(
            UUID declarationId, UUID alumnusId, String organisation, String assignee, LocalDate dueDate) {
        public static final String TYPE = PREFIX + "decision-overdue.v1";
    }

    public record ConditionEnded(
            UUID declarationId,
            UUID alumnusId,
            String organisation,
            UUID conditionId,
            String type,
            LocalDate endedOn,
            String reason) {
        public static final String TYPE = PREFIX + "condition-ended.v1";
    }

    /** Subject {@code alumni/<alumnusId>}: an alumnus inside the obligation window has declared nothing. */
    public record ReminderDue(UUID alumnusId, String organisation, LocalDate windowEnd, LocalDate remindedOn) {
        public static final String TYPE = PREFIX + "reminder-due.v1";
    }

    /** The outbox entry of an event about declaration {@code id}. */
    public static Outbox.Pending about(UUID declarationId, String type, Object payload) {
        return new Outbox.Pending(TOPIC, declarationId.toString(), type, "declarations/" + declarationId, payload);
    }

    /**
     * The outbox entry of the one event of {@code type} about declaration {@code id} and
     * {@code what} (a due date, a condition): appended again, by a second run of a scheduled job
     * or another instance, it is the same event and is not published twice.
     */
    public static Outbox.Pending once(UUID declarationId, String type, Object payload, Object... what) {
        Object[] about = new Object[what.length + 1];
        about[0] = declarationId;
        System.arraycopy(what, 0, about, 1, what.length);
        return new Outbox.Pending(
                TOPIC,
                declarationId.toString(),
                type,
                "declarations/" + declarationId,
                payload,
                Outbox.eventId(type, about));
    }

    /** The reminder of {@code alumnusId} on {@code remindedOn}: one event per alumnus and day. */
    public static Outbox.Pending reminder(ReminderDue reminder) {
        return new Outbox.Pending(
                TOPIC,
                reminder.alumnusId().toString(),
                ReminderDue.TYPE,
                "alumni/" + reminder.alumnusId(),
                reminder,
                Outbox.eventId(ReminderDue.TYPE, reminder.alumnusId(), reminder.remindedOn()));
    }
}
