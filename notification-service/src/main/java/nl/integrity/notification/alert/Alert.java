package nl.integrity.notification.alert;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

/** Something one organisation's integrity office must look at, raised from an event. */
@Entity
@Table(name = "alert")
public class Alert extends PanacheEntityBase {

    @Id
    private UUID id;

    @Column(nullable = false)
    private String organisation;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private AlertKind kind;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private AlertStatus status;

    /** What happened, in English (API clients and webhooks read this one). */
    @Column(nullable = false)
    private String summary;

    /** What happened, in Dutch; null on alerts raised before summaries were kept in Dutch too. */
    @Column(name = "summary_nl")
    private String summaryNl;

    @Column(name = "declaration_id")
    private UUID declarationId;

    @Column(name = "alumnus_id")
    private UUID alumnusId;

    @Column(name = "source_event_id", nullable = false)
    private UUID sourceEventId;

    @Column(name = "raised_at", nullable = false)
    private Instant raisedAt;

    /** Username of the officer who handles it. */
    private String assignee;

    /** The risk level, for alerts about an assessment. */
    @Column(name = "risk_level")
    private String riskLevel;

    /** The decision's due date, for deadline alerts. */
    @Column(name = "due_date")
    private LocalDate dueDate;

    @Column(name = "acknowledged_at")
    private Instant acknowledgedAt;

    @Column(name = "acknowledged_by")
    private String acknowledgedBy;

    @Column(name = "resolved_at")
    private Instant resolvedAt;

    @Column(name = "resolved_by")
    private String resolvedBy;

    /** What the officer did about it. */
    private String resolution;

    @Version
    private long version;

    protected Alert() {}

    /**
     * What an alert is about (a declaration, an alumnus) and the facts its kind shows (a risk
     * level, a due date, who handles it); each may be absent.
     */
    public record About(UUID declarationId, UUID alumnusId, String riskLevel, LocalDate dueDate, String assignee) {

        /** About nothing in particular (a webhook subscription, for instance). */
        public static final About NOTHING = new About(null, null, null, null, null);

        public static About declaration(UUID declarationId, UUID alumnusId) {
            return new About(declarationId, alumnusId, null, null, null);
        }

        public static About alumnus(UUID alumnusId) {
            return new About(null, alumnusId, null, null, null);
        }

        public About withRiskLevel(String level) {
            return new About(declarationId, alumnusId, level, dueDate, assignee);
        }

        public About withDueDate(LocalDate date) {
            return new About(declarationId, alumnusId, riskLevel, date, assignee);
        }

        /** Handled by this officer from the start (the one the declaration is assigned to). */
        public About withAssignee(String officer) {
            return new About(declarationId, alumnusId, riskLevel, dueDate, officer);
        }
    }

    /** A new alert for the office of {@code organisation}, raised by the event {@code sourceEventId}. */
    public static Alert raise(
            String organisation, AlertKind kind, AlertText summary, About about, UUID sourceEventId, Instant now) {
        var alert = new Alert();
        alert.id = UUID.randomUUID();
        alert.organisation = Objects.requireNonNull(organisation, "organisation");
        alert.kind = Objects.requireNonNull(kind, "kind");
        alert.status = AlertStatus.NEW;
        alert.summary = Objects.requireNonNull(summary.en(), "summary");
        alert.summaryNl = summary.nl();
        alert.declarationId = about.declarationId();
        alert.alumnusId = about.alumnusId();
        alert.riskLevel = about.riskLevel();
        alert.dueDate = about.dueDate();
        alert.assignee = about.assignee();
        alert.sourceEventId = Objects.requireNonNull(sourceEventId, "sourceEventId");
        alert.raisedAt = Objects.requireNonNull(now, "now");
        return alert;
    }

    /** Someone is on it. Only a new alert can be acknowledged; the officer becomes its assignee if it has none. */
    void acknowledge(String officer, Instant now) {
        if (status != AlertStatus.NEW) {
            throw new AlertConflict("acknowledged", status);
        }
        status = AlertStatus.ACKNOWLEDGED;
        acknowledgedAt = now;
        acknowledgedBy = officer;
        if (assignee == null) {
            assignee = officer;
        }
    }

    /** Nothing left to do; a new alert can be resolved at once. */
    void resolve(String officer, String note, Instant now) {
        if (status == AlertStatus.RESOLVED) {
            throw new AlertConflict("resolved", status);
        }
        status = AlertStatus.RESOLVED;
        resolvedAt = now;
        resolvedBy = officer;
        resolution = note;
    }

    /** Handled by this officer from now on; not once it is resolved. */
    void assignTo(String officer) {
        if (status == AlertStatus.RESOLVED) {
            throw new AlertConflict("assigned", status);
        }
        assignee = officer;
    }

    /** Nobody handles the alert any more (it goes back to the office's unassigned ones); not once resolved. */
    void unassign() {
        if (status == AlertStatus.RESOLVED) {
            throw new AlertConflict("unassigned", status);
        }
        assignee = null;
    }

    /**
     * The alumnus was anonymised: every alert about them, or about one of their declarations, loses
     * what it said ({@code removed} instead of the summary) and the officer's resolution note; kind,
     * status, dates, risk level and who handled it stay, for the statistics. How many alerts.
     */
    public static int anonymiseAllAbout(UUID alumnusId, AlertText removed) {
        return update("""
                summary = ?1, summaryNl = ?2, resolution = null, alumnusId = ?3, version = version + 1
                where alumnusId = ?3 or declarationId in (select a.declarationId from Alert a where a.alumnusId = ?3)""", removed.en(), removed.nl(), alumnusId);
    }

    /** Whether the alert is critical (a critical risk, an overdue decision): mailed at once, or first in the digest. */
    public boolean critical() {
        return kind == AlertKind.DECISION_OVERDUE || kind == AlertKind.HIGH_RISK && "CRITICAL".equals(riskLevel);
    }

    /** The summary in Dutch or English; the English one where no Dutch one was kept. */
    public String summaryIn(boolean dutch) {
        return dutch && summaryNl != null ? summaryNl : summary;
    }

    public UUID id() {
        return id;
    }

    public String organisation() {
        return organisation;
    }

    public AlertKind kind() {
        return kind;
    }

    public AlertStatus status() {
        return status;
    }

    public String summary() {
        return summary;
    }

    public String summaryNl() {
        return summaryNl;
    }

    UUID declarationId() {
        return declarationId;
    }

    public UUID alumnusId() {
        return alumnusId;
    }

    public UUID sourceEventId() {
        return sourceEventId;
    }

    public Instant raisedAt() {
        return raisedAt;
    }

    String assignee() {
        return assignee;
    }

    String riskLevel() {
        return riskLevel;
    }

    LocalDate dueDate() {
        return dueDate;
    }

    Instant acknowledgedAt() {
        return acknowledgedAt;
    }

    String acknowledgedBy() {
        return acknowledgedBy;
    }

    public Instant resolvedAt() {
        return resolvedAt;
    }

    String resolvedBy() {
        return resolvedBy;
    }

    String resolution() {
        return resolution;
    }

    long version() {
        return version;
    }
}
