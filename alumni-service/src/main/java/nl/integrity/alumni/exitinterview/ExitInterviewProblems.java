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

/** The leaver acknowledged the interview's summary; it stays as they agreed to it. */
class AlreadyAcknowledged extends ProblemException {
    AlreadyAcknowledged(UUID id) {
        super(
                409,
                "exit-interview-acknowledged",
                "Interview acknowledged",
                "Exit interview " + id + " was acknowledged by the alumnus and is no longer changed");
    }
}

/** The interview was not held, or briefed nothing and agreed no summary: there is nothing to acknowledge. */
class NothingToAcknowledge extends ProblemException {
    NothingToAcknowledge(UUID id) {
        super(
                409,
                "nothing-to-acknowledge",
                "Nothing to acknowledge",
                "Exit interview " + id + " has no briefing or summary to acknowledge (yet); ask the integrity office");
    }
}

/** The interview changed since the alumnus read it: they acknowledge only what they saw. */
class InterviewChanged extends ProblemException {
    InterviewChanged(UUID id) {
        super(
                409,
                "exit-interview-changed",
                "Interview changed",
                "Exit interview " + id + " was changed by the integrity office since you read it; read it again");
    }
}
