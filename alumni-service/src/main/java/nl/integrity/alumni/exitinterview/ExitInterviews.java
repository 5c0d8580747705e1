package nl.integrity.alumni.exitinterview;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;
import nl.integrity.alumni.registry.Alumnus;
import nl.integrity.platform.outbox.Outbox;
import nl.integrity.platform.problem.NotFound;

/** Application service of exit interviews: the transaction boundary of recording and acknowledging. */
@ApplicationScoped
class ExitInterviews {

    private final Outbox outbox;
    private final Clock clock;

    ExitInterviews(Outbox outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    @Transactional
    public ExitInterview record(
            Alumnus alumnus,
            LocalDate heldOn,
            String interviewer,
            boolean obligationsBriefed,
            String notes,
            String recordedBy) {
        var interview =
                ExitInterview.record(alumnus.id(), heldOn, interviewer, obligationsBriefed, notes, recordedBy, clock);
        interview.persist();
        outbox.append(
                ExitInterviewEvents.TOPIC,
                alumnus.id().toString(),
                ExitInterviewEvents.Recorded.TYPE,
                "alumni/" + alumnus.id() + "/exit-interviews/" + interview.id(),
                new ExitInterviewEvents.Recorded(
                        interview.id(), alumnus.id(), alumnus.organisation().name(), heldOn, obligationsBriefed));
        return interview;
    }

    /** The alumnus acknowledges the briefing of one of their own interviews. */
    @Transactional
    public ExitInterview acknowledge(Alumnus alumnus, UUID interviewId) {
        var interview = ExitInterview.<ExitInterview>findByIdOptional(interviewId)
                .filter(i -> i.alumnusId().equals(alumnus.id()))
                .orElseThrow(() -> new NotFound("Exit interview", interviewId));
        if (interview.acknowledge(clock)) {
            outbox.append(
                    ExitInterviewEvents.TOPIC,
                    alumnus.id().toString(),
                    ExitInterviewEvents.Acknowledged.TYPE,
                    "alumni/" + alumnus.id() + "/exit-interviews/" + interview.id(),
                    new ExitInterviewEvents.Acknowledged(
                            interview.id(), alumnus.id(), alumnus.organisation().name(), interview.acknowledgedAt()));
        }
        return interview;
    }
}
