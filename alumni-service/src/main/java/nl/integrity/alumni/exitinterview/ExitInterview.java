package nl.integrity.alumni.exitinterview;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * An exit interview at departure: scheduled with the leaver, then held, when the integrity office
 * goes through its checklist with them and briefs them on their obligations (follow-up lines 3
 * and 5). The summary agreed with the leaver is theirs to see and acknowledge; the officer's notes
 * are the office's.
 */
@Entity
@Table(name = "exit_interview")
public class ExitInterview extends PanacheEntityBase {

    @Id
    private UUID id;

    @Column(name = "alumnus_id", nullable = false)
    private UUID alumnusId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status;

    @Column(name = "scheduled_for")
    private LocalDate scheduledFor;

    @Column(name = "held_on")
    private LocalDate heldOn;

    @Column(nullable = false)
    private String interviewer;

    @Column(name = "obligations_briefed", nullable = false)
    private boolean obligationsBriefed;

    /** What was discussed, from the checklist. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    private List<InterviewTopic> topics = new ArrayList<>();

    /** The summary agreed with the leaver, which they see and acknowledge. */
    @Column(columnDefinition = "text")
    private String summary;

    /** The officer's own notes; the leaver sees them only in the download of their data. */
    @Column(columnDefinition = "text")
    private String notes;

    @Column(name = "recorded_by", nullable = false)
    private String recordedBy;

    @Column(name = "recorded_at", nullable = false)
    private Instant recordedAt;

    @Column(name = "acknowledged_at")
    private Instant acknowledgedAt;

    @Version
    private long version;

    enum Status {
        /** Planned with the leaver, not held yet. */
        SCHEDULED,
        /** Held and recorded. */
        HELD
    }

    protected ExitInterview() {}

    /** What an officer records of an interview held. */
    record Held(
            LocalDate heldOn,
            String interviewer,
            boolean obligationsBriefed,
            List<InterviewTopic> topics,
            String summary,
            String notes) {}

    static ExitInterview record(UUID alumnusId, Held held, String recordedBy, Clock clock) {
        var interview = new ExitInterview();
        interview.id = UUID.randomUUID();
        interview.alumnusId = alumnusId;
        interview.hold(held, recordedBy, clock);
        return interview;
    }

    /** An interview planned with the leaver for a day to come (or today). */
    static ExitInterview schedule(UUID alumnusId, LocalDate scheduledFor, String interviewer, String by, Clock clock) {
        if (scheduledFor.isBefore(LocalDate.now(clock))) {
            throw new nl.integrity.platform.problem.InvalidField("scheduledFor", "must be today or later");
        }
        var interview = new ExitInterview();
        interview.id = UUID.randomUUID();
        interview.alumnusId = alumnusId;
        interview.status = Status.SCHEDULED;
        interview.scheduledFor = scheduledFor;
        interview.interviewer = interviewer;
        interview.recordedBy = by;
        interview.recordedAt = clock.instant();
        return interview;
    }

    /**
     * Records the interview as held: a scheduled one, or a held one corrected before the leaver
     * acknowledged it (after that its summary is what they agreed to, and stays).
     */
    void hold(Held held, String by, Clock clock) {
        if (held.heldOn().isAfter(LocalDate.now(clock))) {
            throw new InterviewInTheFuture(held.heldOn());
        }
        if (acknowledgedAt != null) {
            throw new AlreadyAcknowledged(id);
        }
        status = Status.HELD;
        heldOn = held.heldOn();
        interviewer = held.interviewer();
        obligationsBriefed = held.obligationsBriefed();
        topics = new ArrayList<>(held.topics());
        summary = held.summary();
        notes = held.notes();
        recordedBy = by;
        recordedAt = clock.instant();
    }

    /**
     * The alumnus confirms they were briefed on their obligations.
     *
     * @return false when they had already acknowledged it (nothing changes)
     */
    long version() {
        return version;
    }

    boolean acknowledge(Clock clock) {
        if (status != Status.HELD || (!obligationsBriefed && summary == null)) {
            throw new NothingToAcknowledge(id);
        }
        if (acknowledgedAt != null) {
            return false;
        }
        acknowledgedAt = clock.instant();
        return true;
    }

    UUID id() {
        return id;
    }

    UUID alumnusId() {
        return alumnusId;
    }

    Status status() {
        return status;
    }

    LocalDate scheduledFor() {
        return scheduledFor;
    }

    LocalDate heldOn() {
        return heldOn;
    }

    List<InterviewTopic> topics() {
        return List.copyOf(topics);
    }

    String summary() {
        return summary;
    }

    String interviewer() {
        return interviewer;
    }

    boolean obligationsBriefed() {
        return obligationsBriefed;
    }

    String notes() {
        return notes;
    }

    String recordedBy() {
        return recordedBy;
    }

    Instant recordedAt() {
        return recordedAt;
    }

    Instant acknowledgedAt() {
        return acknowledgedAt;
    }

    public static List<ExitInterview> of(UUID alumnusId) {
        return list("alumnusId = ?1 order by coalesce(heldOn, scheduledFor), recordedAt", alumnusId);
    }

    /**
     * Removes what identifies people from the alumnus' interviews (their record is anonymised): the
     * interviewer's name and the notes. When and whether obligations were briefed stay.
     */
    public static void anonymiseAllOf(UUID alumnusId) {
        update("interviewer = 'Geanonimiseerd', notes = null, summary = null where alumnusId = ?1", alumnusId);
    }
}
