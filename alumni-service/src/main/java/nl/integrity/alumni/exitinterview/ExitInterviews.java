package nl.integrity.alumni.exitinterview;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;
import nl.integrity.alumni.audit.AuditLog;
import nl.integrity.alumni.audit.Purpose;
import nl.integrity.alumni.registry.Alumnus;
import nl.integrity.platform.outbox.Outbox;
import nl.integrity.platform.problem.NotFound;

/**
 * Application service of exit interviews: the transaction boundary of scheduling, recording and
 * acknowledging, each written to the audit trail in the same transaction.
 */
@ApplicationScoped
class ExitInterviews {

    static final String SCHEDULE = "SCHEDULE_EXIT_INTERVIEW";
    static final String RECORD = "RECORD_EXIT_INTERVIEW";
    static final String ACKNOWLEDGE = "ACKNOWLEDGE_EXIT_INTERVIEW";

    private final Outbox outbox;
    private final Clock clock;
    private final AuditLog auditLog;

    ExitInterviews(Outbox outbox, Clock clock, AuditLog auditLog) {
        this.outbox = outbox;
        this.clock = clock;
        this.auditLog = auditLog;
    }

    /** An interview held, recorded at once. */
    @Transactional
    public ExitInterview record(Alumnus alumnus, ExitInterview.Held held, String recordedBy) {
        var interview = ExitInterview.record(alumnus.id(), held, recordedBy, clock);
        interview.persist();
        recorded(alumnus, interview);
        return interview;
    }

    /** An interview planned with the leaver. */
    @Transactional
    public ExitInterview schedule(Alumnus alumnus, LocalDate scheduledFor, String interviewer, String by) {
        var interview = ExitInterview.schedule(alumnus.id(), scheduledFor, interviewer, by, clock);
        interview.persist();
        audit(SCHEDULE, alumnus);
        return interview;
    }

    /** A scheduled interview was held (or a held one is corrected before the leaver acknowledged it). */
    @Transactional
    public ExitInterview hold(Alumnus alumnus, UUID interviewId, ExitInterview.Held held, String by) {
        var interview = find(alumnus, interviewId);
        interview.hold(held, by, clock);
        recorded(alumnus, interview);
        return interview;
    }

    private void recorded(Alumnus alumnus, ExitInterview interview) {
        outbox.append(
                ExitInterviewEvents.TOPIC,
                alumnus.id().toString(),
                ExitInterviewEvents.Recorded.TYPE,
                "alumni/" + alumnus.id() + "/exit-interviews/" + interview.id(),
                new ExitInterviewEvents.Recorded(
                        interview.id(),
                        alumnus.id(),
                        alumnus.organisation().name(),
                        interview.heldOn(),
                        interview.obligationsBriefed()));
        audit(RECORD, alumnus);
    }

    /**
     * The alumnus acknowledges the briefing and summary of one of their own interviews, as they read
     * it: {@code versionRead} (when given) must still be the interview's version.
     */
    @Transactional
    public ExitInterview acknowledge(Alumnus alumnus, UUID interviewId, Long versionRead) {
        var interview = find(alumnus, interviewId);
        if (versionRead != null && versionRead != interview.version() && interview.acknowledgedAt() == null) {
            throw new InterviewChanged(interviewId);
        }
        if (interview.acknowledge(clock)) {
            outbox.append(
                    ExitInterviewEvents.TOPIC,
                    alumnus.id().toString(),
                    ExitInterviewEvents.Acknowledged.TYPE,
                    "alumni/" + alumnus.id() + "/exit-interviews/" + interview.id(),
                    new ExitInterviewEvents.Acknowledged(
                            interview.id(), alumnus.id(), alumnus.organisation().name(), interview.acknowledgedAt()));
            audit(ACKNOWLEDGE, alumnus);
        }
        return interview;
    }

    private static ExitInterview find(Alumnus alumnus, UUID interviewId) {
        return ExitInterview.<ExitInterview>findByIdOptional(interviewId)
                .filter(i -> i.alumnusId().equals(alumnus.id()))
                .orElseThrow(() -> new NotFound("Exit interview", interviewId));
    }

    private void audit(String action, Alumnus alumnus) {
        auditLog.record(action, alumnus.id(), alumnus.organisation().name(), Purpose.EXIT_INTERVIEW);
    }
}
