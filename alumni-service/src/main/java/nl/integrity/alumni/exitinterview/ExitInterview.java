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
    public UUID id;

    @Column(name = "alumnus_id", nullable = false)
    public UUID alumnusId;

    @Column(name = "held_on", nullable = false)
    public LocalDate heldOn;

    @Column(nullable = false)
    public String interviewer;

    @Column(name = "obligations_briefed", nullable = false)
    public boolean obligationsBriefed;

    @Column(columnDefinition = "text")
    public String notes;

    @Column(name = "recorded_by", nullable = false)
    public String recordedBy;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;

    @Column(name = "acknowledged_at")
    public Instant acknowledgedAt;

    @Version
    public long version;

    protected ExitInterview() {
    }

    static ExitInterview record(UUID alumnusId, LocalDate heldOn, String interviewer, boolean obligationsBriefed,
                                String notes, String recordedBy, Clock clock) {
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

    public static List<ExitInterview> of(UUID alumnusId) {
        return list("alumnusId = ?1 order by heldOn, recordedAt", alumnusId);
    }
}
