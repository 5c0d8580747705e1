package nl.integrity.alumni.exitinterview;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** The events of exit interviews, on {@code alumni.events}; no notes (facts only). See docs/events.md. */
final class ExitInterviewEvents {

    static final String TOPIC = "alumni.events";

    private ExitInterviewEvents() {}

    /** {@code nl.integrity.alumni.exit-interview-recorded.v1} */
    record Recorded(
            UUID interviewId, UUID alumnusId, String organisation, LocalDate heldOn, boolean obligationsBriefed) {
        static final String TYPE = "nl.integrity.alumni.exit-interview-recorded.v1";
    }

    /** {@code nl.integrity.alumni.exit-interview-acknowledged.v1} */
    record Acknowledged(UUID interviewId, UUID alumnusId, String organisation, Instant acknowledgedAt) {
        static final String TYPE = "nl.integrity.alumni.exit-interview-acknowledged.v1";
    }
}
