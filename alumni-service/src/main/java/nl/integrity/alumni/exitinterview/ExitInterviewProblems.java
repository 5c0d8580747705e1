package nl.integrity.alumni.exitinterview;

import java.time.LocalDate;
import java.util.UUID;
import nl.integrity.platform.problem.ProblemException;

/** An interview cannot be recorded before it was held. */
class InterviewInTheFuture extends ProblemException {
    InterviewInTheFuture(LocalDate heldOn) {
        super(
                422,
                "exit-interview-in-future",
                "Interview date in the future",
                "An exit interview held on " + heldOn + " cannot be recorded yet");
    }
}

/** The interview did not brief the obligations, so there is no briefing to acknowledge. */
class NothingToAcknowledge extends ProblemException {
    NothingToAcknowledge(UUID id) {
        super(
                409,
                "nothing-to-acknowledge",
                "No briefing to acknowledge",
                "Exit interview " + id + " did not brief the obligations; ask the integrity office for a briefing");
    }
}
