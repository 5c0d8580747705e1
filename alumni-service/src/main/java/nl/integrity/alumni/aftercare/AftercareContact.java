package nl.integrity.alumni.aftercare;

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
import java.time.Period;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import nl.integrity.alumni.catalogue.Organisation;
import nl.integrity.platform.problem.InvalidField;
import nl.integrity.platform.problem.ProblemException;

/**
 * One contact moment of an aftercare plan: due on a day after the departure, done when the
 * officer records how it went, missed (overdue) when not recorded within the grace period.
 */
@Entity
@Table(name = "aftercare_contact")
class AftercareContact extends PanacheEntityBase {

    enum Status {
        PLANNED,
        DONE
    }

    @Id
    private UUID id;

    @Column(name = "alumnus_id", nullable = false)
    private UUID alumnusId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Organisation organisation;

    @Column(nullable = false)
    private int sequence;

    @Column(name = "due_on", nullable = false)
    private LocalDate dueOn;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status;

    @Column(name = "due_announced_on")
    private LocalDate dueAnnouncedOn;

    @Column(name = "overdue_announced_on")
    private LocalDate overdueAnnouncedOn;

    @Column(name = "done_on")
    private LocalDate doneOn;

    @Enumerated(EnumType.STRING)
    private AftercareOutcome outcome;

    private String notes;

    @Column(name = "recorded_by")
    private String recordedBy;

    @Column(name = "recorded_at")
    private Instant recordedAt;

    @Column(name = "planned_by", nullable = false)
    private String plannedBy;

    @Version
    private long version;

    protected AftercareContact() {}

    static AftercareContact plan(
            UUID alumnusId, Organisation organisation, int sequence, LocalDate dueOn, String plannedBy) {
        var contact = new AftercareContact();
        contact.id = UUID.randomUUID();
        contact.alumnusId = alumnusId;
        contact.organisation = organisation;
        contact.sequence = sequence;
        contact.dueOn = dueOn;
        contact.status = Status.PLANNED;
        contact.plannedBy = plannedBy;
        return contact;
    }

    /** The officer records how the contact went; recording it again corrects it. */
    void record(LocalDate on, AftercareOutcome how, String text, String by, Instant at, LocalDate today) {
        if (on.isAfter(today)) {
            throw new InvalidField("doneOn", "must not be in the future");
        }
        status = Status.DONE;
        doneOn = on;
        outcome = how;
        notes = text;
        recordedBy = by;
        recordedAt = at;
    }

    /** @return true the first time it is announced as due */
    boolean announceDue(LocalDate today) {
        if (status != Status.PLANNED || dueOn.isAfter(today) || dueAnnouncedOn != null) {
            return false;
        }
        dueAnnouncedOn = today;
        return true;
    }

    /** @return true the first time it is announced as missed */
    boolean announceMissed(LocalDate today, Period grace) {
        if (!missedOn(today, grace) || overdueAnnouncedOn != null) {
            return false;
        }
        overdueAnnouncedOn = today;
        return true;
    }

    /** Not recorded, and its grace period is over. */
    boolean missedOn(LocalDate today, Period grace) {
        return status == Status.PLANNED && !today.isBefore(dueOn.plus(grace));
    }

    UUID id() {
        return id;
    }

    UUID alumnusId() {
        return alumnusId;
    }

    Organisation organisation() {
        return organisation;
    }

    int sequence() {
        return sequence;
    }

    LocalDate dueOn() {
        return dueOn;
    }

    Status status() {
        return status;
    }

    LocalDate doneOn() {
        return doneOn;
    }

    AftercareOutcome outcome() {
        return outcome;
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

    String plannedBy() {
        return plannedBy;
    }

    static List<AftercareContact> of(UUID alumnusId) {
        return list("alumnusId = ?1 order by sequence", alumnusId);
    }

    static Optional<AftercareContact> of(UUID alumnusId, UUID id) {
        return AftercareContact.<AftercareContact>findByIdOptional(id).filter(c -> c.alumnusId.equals(alumnusId));
    }

    /** Contacts still open whose date has come: the daily run's work. */
    static List<AftercareContact> openUntil(LocalDate today) {
        return list("status = ?1 and dueOn <= ?2 order by dueOn", Status.PLANNED, today);
    }

    /** The record was anonymised: what officers wrote about the person goes; the dates and outcomes stay. */
    static void anonymiseAllOf(UUID alumnusId) {
        update("notes = null where alumnusId = ?1", alumnusId);
    }

    /** 409: the plan exists already. */
    static final class PlanExists extends ProblemException {
        PlanExists() {
            super(409, "aftercare-planned", "Aftercare planned", "This alumnus has an aftercare plan already");
        }
    }
}
