package nl.integrity.alumni.privacy;

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
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import nl.integrity.alumni.catalogue.Organisation;
import nl.integrity.platform.problem.InvalidField;
import nl.integrity.platform.problem.ProblemException;

/**
 * An alumnus' request under the AVG/GDPR: to correct their record (art. 16) or objecting to a
 * processing (art. 21). Open until the office of their organisation answers it, which it must do
 * within a month of receipt (art. 12(3)); answered once, with an outcome and a text the alumnus reads.
 */
@Entity
@Table(name = "data_subject_request")
class DataSubjectRequest extends PanacheEntityBase {

    /** Which right the alumnus invokes. */
    enum Kind {
        /** Art. 16: a part of the record is wrong or incomplete. */
        RECTIFICATION,
        /** Art. 21: the alumnus objects to a processing of their data. */
        OBJECTION
    }

    /** The part of the record a correction is about (what the registry holds; no date of birth is held). */
    enum RecordField {
        FULL_NAME,
        PERSONNEL_NUMBER,
        FUNCTIONS,
        DEPARTURE_DATE,
        DEPARTURE_REASON,
        UNIT,
        CONTACT,
        OTHER
    }

    enum Status {
        OPEN,
        ANSWERED
    }

    /** What the office decided. */
    enum Outcome {
        GRANTED,
        PARTLY_GRANTED,
        REFUSED
    }

    /** The longest text an alumnus writes, and an officer answers. */
    static final int MAX_TEXT = 2000;

    static final int MAX_ANSWER = 4000;

    @Id
    private UUID id;

    @Column(name = "alumnus_id", nullable = false)
    private UUID alumnusId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Organisation organisation;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Kind kind;

    @Enumerated(EnumType.STRING)
    private RecordField field;

    /** What is wrong and what it should be, or what is objected to and why; null once anonymised. */
    private String text;

    @Column(name = "submitted_at", nullable = false)
    private Instant submittedAt;

    @Column(name = "due_on", nullable = false)
    private LocalDate dueOn;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status;

    @Enumerated(EnumType.STRING)
    private Outcome outcome;

    /** The office's answer, for the alumnus; null once anonymised. */
    private String answer;

    @Column(name = "answered_by")
    private String answeredBy;

    @Column(name = "answered_at")
    private Instant answeredAt;

    @Version
    private long version;

    protected DataSubjectRequest() {}

    /**
     * A new request, due a month after the day it came in. A correction names the part of the
     * record it is about; an objection may.
     */
    static DataSubjectRequest submit(
            UUID alumnusId,
            Organisation organisation,
            Kind kind,
            RecordField field,
            String text,
            Instant now,
            LocalDate today) {
        if (kind == Kind.RECTIFICATION && field == null) {
            throw new InvalidField(
                    "field",
                    "name the part of your record to correct: one of " + Arrays.toString(RecordField.values()));
        }
        var request = new DataSubjectRequest();
        request.id = UUID.randomUUID();
        request.alumnusId = alumnusId;
        request.organisation = organisation;
        request.kind = kind;
        request.field = field;
        request.text = text;
        request.submittedAt = now;
        request.dueOn = today.plusMonths(1);
        request.status = Status.OPEN;
        return request;
    }

    /** The office answers; a request is answered once (409 the second time). */
    void answer(Outcome how, String text, String by, Instant at) {
        if (status == Status.ANSWERED) {
            throw new AlreadyAnswered(id);
        }
        status = Status.ANSWERED;
        outcome = how;
        answer = text;
        answeredBy = by;
        answeredAt = at;
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

    Kind kind() {
        return kind;
    }

    RecordField field() {
        return field;
    }

    String text() {
        return text;
    }

    Instant submittedAt() {
        return submittedAt;
    }

    LocalDate dueOn() {
        return dueOn;
    }

    Status status() {
        return status;
    }

    Outcome outcome() {
        return outcome;
    }

    String answer() {
        return answer;
    }

    String answeredBy() {
        return answeredBy;
    }

    Instant answeredAt() {
        return answeredAt;
    }

    long version() {
        return version;
    }

    /** Open and past its statutory date. */
    boolean overdueOn(LocalDate today) {
        return status == Status.OPEN && today.isAfter(dueOn);
    }

    /** The alumnus' requests, newest first. */
    static List<DataSubjectRequest> of(UUID alumnusId) {
        return list("alumnusId = ?1 order by submittedAt desc", alumnusId);
    }

    /** A request of the organisation; another organisation's requests do not exist for its officers. */
    static Optional<DataSubjectRequest> of(Organisation organisation, UUID id) {
        return DataSubjectRequest.<DataSubjectRequest>findByIdOptional(id).filter(r -> r.organisation == organisation);
    }

    /** How many of the organisation's requests wait for an answer, and how many of those are overdue. */
    static long[] openCount(Organisation organisation, LocalDate today) {
        long open = count("organisation = ?1 and status = ?2", organisation, Status.OPEN);
        long overdue = count("organisation = ?1 and status = ?2 and dueOn < ?3", organisation, Status.OPEN, today);
        return new long[] {open, overdue};
    }

    /** The record was anonymised: what the alumnus and the office wrote goes; kind, field, dates and outcome stay. */
    static void anonymiseAllOf(UUID alumnusId) {
        update("text = null, answer = null where alumnusId = ?1", alumnusId);
    }

    /** 409: the request was answered already. */
    static final class AlreadyAnswered extends ProblemException {
        AlreadyAnswered(UUID id) {
            super(409, "already-answered", "Already answered", "Request " + id + " has been answered already");
        }
    }
}
