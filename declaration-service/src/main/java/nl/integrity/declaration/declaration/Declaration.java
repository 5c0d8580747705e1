package nl.integrity.declaration.declaration;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import nl.integrity.declaration.alumni.KnownAlumnus;
import nl.integrity.declaration.review.Outcome;
import nl.integrity.declaration.risk.RiskLevel;

/**
 * An alumnus' declaration of a new occupational activity: the current version's content and
 * where its review stands. Every version is kept as a {@link DeclarationVersion}. The methods
 * here are the state machine; each refuses an action its state does not allow.
 */
@Entity
@Table(name = "declaration")
public class Declaration extends PanacheEntityBase {

    @Id
    private UUID id;

    @Column(name = "alumnus_id", nullable = false)
    private UUID alumnusId;

    /** Copied from the alumnus so an office's queries never need the read model. */
    @Column(nullable = false)
    private String organisation;

    @Embedded
    private Activity activity;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private DeclarationStatus status;

    @Column(name = "current_version", nullable = false)
    private int currentVersion;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    /** When the version under review was submitted; null for a draft. */
    @Column(name = "submitted_at")
    private Instant submittedAt;

    /** The current version declares an activity that had already started. */
    @Column(nullable = false)
    private boolean late;

    @Enumerated(EnumType.STRING)
    @Column(name = "risk_level")
    private RiskLevel riskLevel;

    /** {@link RiskLevel#ordinal()} of {@link #riskLevel}, for sorting the queue by risk. */
    @Column(name = "risk_rank")
    private Short riskRank;

    /** Function group of the function the assessment rested on (statistics; not personal). */
    @Column(name = "function_group")
    private String functionGroup;

    /** Username of the officer reviewing it. */
    private String assignee;

    /** The decision is due by the end of this day. */
    @Column(name = "due_date")
    private LocalDate dueDate;

    @Column(name = "due_soon_announced", nullable = false)
    private boolean dueSoonAnnounced;

    @Column(name = "overdue_announced", nullable = false)
    private boolean overdueAnnounced;

    @Enumerated(EnumType.STRING)
    private Outcome outcome;

    @Column(name = "decided_at")
    private Instant decidedAt;

    @Column(name = "withdrawn_at")
    private Instant withdrawnAt;

    /** Computed by the database from the status ({@link DeclarationStatus#OPEN}); for queries only. */
    @Column(name = "in_review", insertable = false, updatable = false)
    private boolean inReview;

    @Version
    private long version;

    protected Declaration() {}

    /** A new draft of the registered alumnus (not stored yet). */
    static Declaration draft(KnownAlumnus alumnus, Activity activity, Instant now) {
        return draft(alumnus.alumnusId(), alumnus.organisation(), activity, now);
    }

    static Declaration draft(UUID alumnusId, String organisation, Activity activity, Instant now) {
        var d = new Declaration();
        d.id = UUID.randomUUID();
        d.alumnusId = alumnusId;
        d.organisation = organisation;
        d.activity = activity;
        d.status = DeclarationStatus.DRAFT;
        d.currentVersion = 1;
        d.createdAt = now;
        return d;
    }

    private void check(Action action) {
        if (!status.allows(action)) {
            throw new IllegalTransition(action, status);
        }
    }

    /** Sends the draft to the office; the decision is due on {@code dueDate}. */
    void submit(Instant now, LocalDate dueDate) {
        check(Action.SUBMIT);
        status = DeclarationStatus.SUBMITTED;
        startReviewPeriod(now, dueDate);
    }

    /**
     * Replaces the content. A draft is edited in place; otherwise the change is a new version,
     * and a change to a decided declaration (or one awaiting confirmation) goes back to review
     * with a new due date.
     *
     * @return {@code true} when this made a new version
     */
    boolean revise(Activity changed, Instant now, LocalDate dueDateIfReopened) {
        check(Action.UPDATE);
        activity = changed;
        if (status == DeclarationStatus.DRAFT) {
            return false;
        }
        currentVersion++;
        if (status == DeclarationStatus.DECIDED || status == DeclarationStatus.AWAITING_CONFIRMATION) {
            status = assignee == null ? DeclarationStatus.SUBMITTED : DeclarationStatus.UNDER_REVIEW;
            outcome = null;
            decidedAt = null;
            startReviewPeriod(now, dueDateIfReopened);
        }
        return true;
    }

    void withdraw(Instant now) {
        check(Action.WITHDRAW);
        status = DeclarationStatus.WITHDRAWN;
        withdrawnAt = now;
    }

    /** The officer takes the review (or takes it over). */
    void claim(String officer) {
        check(Action.CLAIM);
        assignee = officer;
        if (status == DeclarationStatus.SUBMITTED) {
            status = DeclarationStatus.UNDER_REVIEW;
        }
    }

    void requestInformation(String officer) {
        check(Action.REQUEST_INFORMATION);
        takeIfFree(officer);
        status = DeclarationStatus.INFORMATION_REQUESTED;
    }

    void provideInformation() {
        check(Action.PROVIDE_INFORMATION);
        status = DeclarationStatus.UNDER_REVIEW;
    }

    /**
     * The officer decides; with {@code needsSecondOfficer} the decision is only proposed and
     * waits for another officer's confirmation.
     */
    void decide(String officer, Outcome decided, boolean needsSecondOfficer, Instant now) {
        check(Action.DECIDE);
        takeIfFree(officer);
        if (needsSecondOfficer) {
            status = DeclarationStatus.AWAITING_CONFIRMATION;
        } else {
            settle(decided, now);
        }
    }

    /** A second officer confirms the proposed decision, or returns it to review. */
    void confirm(String officer, String proposer, boolean approved, Outcome proposed, Instant now) {
        check(Action.CONFIRM_DECISION);
        if (officer.equals(proposer)) {
            throw ReviewConflict.sameOfficer();
        }
        if (approved) {
            settle(proposed, now);
        } else {
            status = DeclarationStatus.UNDER_REVIEW;
        }
    }

    private void settle(Outcome decided, Instant now) {
        status = DeclarationStatus.DECIDED;
        outcome = decided;
        decidedAt = now;
    }

    private void takeIfFree(String officer) {
        if (assignee != null && !assignee.equals(officer)) {
            throw ReviewConflict.claimedByOther(assignee);
        }
        assignee = officer;
    }

    private void startReviewPeriod(Instant now, LocalDate due) {
        submittedAt = now;
        dueDate = due;
        dueSoonAnnounced = false;
        overdueAnnounced = false;
    }

    void assessed(RiskLevel level, String group, boolean lateDeclaration) {
        riskLevel = level;
        riskRank = (short) level.ordinal();
        functionGroup = group;
        late = lateDeclaration;
    }

    /**
     * On {@code today} the decision is overdue and that was not announced yet in this review period:
     * marks it announced (a due-soon warning is then too late) and says {@code true}, once.
     */
    public boolean announceOverdue(LocalDate today) {
        if (!dueDate.isBefore(today) || overdueAnnounced) {
            return false;
        }
        overdueAnnounced = true;
        dueSoonAnnounced = true;
        return true;
    }

    /**
     * With {@code workingDaysLeft} to the due date, at most {@code warnWithin}, and no warning yet in
     * this review period: marks it warned and says {@code true}, once.
     */
    public boolean announceDueSoon(int workingDaysLeft, int warnWithin) {
        if (dueSoonAnnounced || workingDaysLeft > warnWithin) {
            return false;
        }
        dueSoonAnnounced = true;
        return true;
    }

    public UUID id() {
        return id;
    }

    public UUID alumnusId() {
        return alumnusId;
    }

    public String organisation() {
        return organisation;
    }

    public Activity activity() {
        return activity;
    }

    DeclarationStatus status() {
        return status;
    }

    int currentVersion() {
        return currentVersion;
    }

    Instant createdAt() {
        return createdAt;
    }

    public Instant submittedAt() {
        return submittedAt;
    }

    boolean late() {
        return late;
    }

    RiskLevel riskLevel() {
        return riskLevel;
    }

    public String assignee() {
        return assignee;
    }

    public LocalDate dueDate() {
        return dueDate;
    }

    Outcome outcome() {
        return outcome;
    }

    Instant decidedAt() {
        return decidedAt;
    }

    Instant withdrawnAt() {
        return withdrawnAt;
    }

    long version() {
        return version;
    }
}
