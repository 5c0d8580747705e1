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
import java.util.UUID;

/** Something one organisation's integrity office must look at, raised from an event. */
@Entity
@Table(name = "alert")
public class Alert extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String organisation;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public AlertKind kind;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public AlertStatus status;

    /** What happened, in English (API clients and webhooks read this one). */
    @Column(nullable = false)
    public String summary;

    /** What happened, in Dutch; null on alerts raised before summaries were kept in Dutch too. */
    @Column(name = "summary_nl")
    public String summaryNl;

    @Column(name = "declaration_id")
    public UUID declarationId;

    @Column(name = "alumnus_id")
    public UUID alumnusId;

    @Column(name = "source_event_id", nullable = false)
    public UUID sourceEventId;

    @Column(name = "raised_at", nullable = false)
    public Instant raisedAt;

    /** Username of the officer who handles it. */
    public String assignee;

    /** The risk level, for alerts about an assessment. */
    @Column(name = "risk_level")
    public String riskLevel;

    /** The decision's due date, for deadline alerts. */
    @Column(name = "due_date")
    public LocalDate dueDate;

    @Column(name = "acknowledged_at")
    public Instant acknowledgedAt;

    @Column(name = "acknowledged_by")
    public String acknowledgedBy;

    @Column(name = "resolved_at")
    public Instant resolvedAt;

    @Column(name = "resolved_by")
    public String resolvedBy;

    /** What the officer did about it. */
    public String resolution;

    @Version
    public long version;

    protected Alert() {
    }

    /** Someone is on it. Only a new alert can be acknowledged. */
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

    void assign(String officer) {
        if (status == AlertStatus.RESOLVED) {
            throw new AlertConflict("assigned", status);
        }
        assignee = officer;
    }

    /** The summary in Dutch or English; the English one where no Dutch one was kept. */
    public String summaryIn(boolean dutch) {
        return dutch && summaryNl != null ? summaryNl : summary;
    }

    public static Alert raise(String organisation, AlertKind kind, AlertText summary, UUID sourceEventId, Instant now) {
        var alert = new Alert();
        alert.id = UUID.randomUUID();
        alert.organisation = organisation;
        alert.kind = kind;
        alert.status = AlertStatus.NEW;
        alert.summary = summary.en();
        alert.summaryNl = summary.nl();
        alert.sourceEventId = sourceEventId;
        alert.raisedAt = now;
        return alert;
    }
}
