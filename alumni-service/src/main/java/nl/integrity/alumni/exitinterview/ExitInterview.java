package nl.integrity.alumni.exitinterview;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * An exit interview held at departure: the integrity office briefs the leaver on their
 * obligations (follow-up line 3, awareness at departure); the alumnus acknowledges the briefing.
 */
@Entity
@Table(name = "exit_interview")
public class ExitInterview extends PanacheEntityBase {

    @Id
    private UUID id;

    @Column(name = "alumnus_id", nullable = false)
    private UUID alumnusId;

    @Column(name = "held_on", nullable = false)
    private LocalDate heldOn;

    @Column(nullable = false)
    private String interviewer;

    @Column(name = "obligations_briefed", nullable = false)
    private boolean obligationsBriefed;

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

    protected ExitInterview() {}

    static ExitInterview record(
            UUID alumnusId,
            LocalDate heldOn,
            String interviewer,
            boolean obligationsBriefed,
            String notes,
            String recordedBy,
            Clock clock) {
        if (heldOn.isAfter(LocalDate.now(clock))) {
            throw new InterviewInTheFuture(heldOn);
        }
        var interview = new ExitInterview();
        interview.id = UUID.randomUUID();
        interview.alumnusId = alumnusId;
        interview.heldOn = heldOn;
        interview.interviewer = interviewer;
        interview.obligationsBriefed = obligationsBriefed;
        interview.notes = notes;
        interview.recordedBy = recordedBy;
        interview.recordedAt = clock.instant();
        return interview;
    }

    /**
     * The alumnus confirms they were briefed on their obligations.
     *
     * @return false when they had already acknowledged it (nothing changes)
     */
    boolean acknowledge(Clock clock) {
        if (!obligationsBriefed) {
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

    LocalDate heldOn() {
        return heldOn;
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
        return list("alumnusId = ?1 order by heldOn, recordedAt", alumnusId);
    }

    /**
     * Removes what identifies people from the alumnus' interviews (their record is anonymised): the
     * interviewer's name and the notes. When and whether obligations were briefed stay.
     */
    public static void anonymiseAllOf(UUID alumnusId) {
        update("interviewer = 'Geanonimiseerd', notes = null where alumnusId = ?1", alumnusId);
    }
}
