package nl.integrity.alumni.agreement;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** The events of post-employment agreements, on {@code alumni.events}. See docs/events.md. */
final class AgreementEvents {

    static final String TOPIC = "alumni.events";

    private AgreementEvents() {}

    /**
     * {@code nl.integrity.alumni.agreement-proposed.v1}: the office attached an agreement for the
     * leaver to accept; notification-service mails them that it waits in the portal.
     */
    record Proposed(
            UUID agreementId,
            UUID alumnusId,
            String organisation,
            AgreementKind kind,
            String code,
            LocalDate startsOn,
            LocalDate endsOn) {
        static final String TYPE = "nl.integrity.alumni.agreement-proposed.v1";
    }

    /**
     * {@code nl.integrity.alumni.agreement-accepted.v1}: the leaver accepted; declaration-service
     * weighs the agreement in the assessment of every declaration whose activity falls in its period.
     */
    record Accepted(
            UUID agreementId,
            UUID alumnusId,
            String organisation,
            AgreementKind kind,
            String code,
            String titleNl,
            String titleEn,
            String sector,
            LocalDate startsOn,
            LocalDate endsOn,
            Instant acceptedAt) {
        static final String TYPE = "nl.integrity.alumni.agreement-accepted.v1";
    }
}
