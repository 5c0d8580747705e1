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
    public UUID id;

    @Column(name = "alumnus_id", nullable = false)
    public UUID alumnusId;

    /** Copied from the alumnus so an office's queries never need the read model. */
    @Column(nullable = false)
    public String organisation;

    @Embedded
    public Activity activity;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public DeclarationStatus status;

    @Column(name = "current_version", nullable = false)
    public int currentVersion;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** When the version under review was submitted; null for a draft. */
    @Column(name = "submitted_at")
    public Instant submittedAt;

    /** The current version declares an activity that had already started. */
    @Column(nullable = false)
    public boolean late;

    @Enumerated(EnumType.STRING)
    @Column(name = "risk_level")
    public RiskLevel riskLevel;

    /** {@link RiskLevel#ordinal()} of {@link #riskLevel}, for sorting the queue by risk. */
    @Column(name = "risk_rank")
    public Short riskRank;

    /** Function group of the function the assessment rested on (statistics; not personal). */
    @Column(name = "function_group")
    public String functionGroup;

    /** Username of the officer reviewing it. */
    public String assignee;

    /** The decision is due by the end of this day. */
    @Column(name = "due_date")
    public LocalDate dueDate;

    @Column(name = "due_soon_announced", nullable = false)
    public boolean dueSoonAnnounced;

    @Column(name = "overdue_announced", nullable = false)
    public boolean overdueAnnounced;

    @Enumerated(EnumType.STRING)
    public Outcome outcome;

    @Column(name = "decided_at")
    public Instant decidedAt;

    @Column(name = "withdrawn_at")
    public Instant withdrawnAt;

    /** Computed by the database from the status ({@link DeclarationStatus#OPEN}); for queries only. */
    @Column(name = "in_review", insertable = false, updatable = false)
    boolean inReview;

    @Version
    public long version;

    protected Declaration() {
    }

    public static Declaration draft(KnownAlumnus alumnus, Activity activity, Instant now) {
        var d = new Declaration();
        d.id = UUID.randomUUID();
        d.alumnusId = alumnus.alumnusId;
        d.organisation = alumnus.organisation;
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
    public void submit(Instant now, LocalDate dueDate) {
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
    public boolean revise(Activity changed, Instant now, LocalDate dueDateIfReopened) {
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

    public void withdraw(Instant now) {
        check(Action.WITHDRAW);
        status = DeclarationStatus.WITHDRAWN;
        withdrawnAt = now;
    }

    /** The officer takes the review (or takes it over). */
    public void claim(String officer) {
        check(Action.CLAIM);
        assignee = officer;
        if (status == DeclarationStatus.SUBMITTED) {
            status = DeclarationStatus.UNDER_REVIEW;
        }
    }

    public void requestInformation(String officer) {
        check(Action.REQUEST_INFORMATION);
        takeIfFree(officer);
        status = DeclarationStatus.INFORMATION_REQUESTED;
    }

    public void provideInformation() {
        check(Action.PROVIDE_INFORMATION);
        status = DeclarationStatus.UNDER_REVIEW;
    }

    /**
     * The officer decides; with {@code needsSecondOfficer} the decision is only proposed and
     * waits for another officer's confirmation.
     */
    public void decide(String officer, Outcome decided, boolean needsSecondOfficer, Instant now) {
        check(Action.DECIDE);
        takeIfFree(officer);
        if (needsSecondOfficer) {
            status = DeclarationStatus.AWAITING_CONFIRMATION;
        } else {
            settle(decided, now);
        }
    }

    /** A second officer confirms the proposed decision, or returns it to review. */
    public void confirm(String officer, String proposer, boolean approved, Outcome proposed, Instant now) {
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

    public void assessed(RiskLevel level, String group, boolean lateDeclaration) {
        riskLevel = level;
        riskRank = (short) level.ordinal();
        functionGroup = group;
        late = lateDeclaration;
    }
}
