package nl.integrity.alumni.briefing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** The events of departure briefings, on {@code alumni.events}: facts only, no text. See docs/events.md. */
final class BriefingEvents {

    static final String TOPIC = "alumni.events";

    private BriefingEvents() {}

    /**
     * {@code nl.integrity.alumni.briefing-issued.v1}: the leaver has a briefing to read in the
     * portal; notification-service mails them that it is there.
     */
    record Issued(UUID alumnusId, String organisation, LocalDate departureDate, LocalDate windowEnd, Instant issuedAt) {
        static final String TYPE = "nl.integrity.alumni.briefing-issued.v1";
    }

    /** {@code nl.integrity.alumni.briefing-acknowledged.v1}: the alumnus read the briefing and said so. */
    record Acknowledged(UUID alumnusId, String organisation, int textRevision, Instant acknowledgedAt) {
        static final String TYPE = "nl.integrity.alumni.briefing-acknowledged.v1";
    }

    /**
     * {@code nl.integrity.alumni.briefing-reminder-due.v1}: the departure date came and the briefing
     * is not acknowledged; notification-service mails a reminder. Once per alumnus.
     */
    record ReminderDue(UUID alumnusId, String organisation, LocalDate departureDate, LocalDate windowEnd) {
        static final String TYPE = "nl.integrity.alumni.briefing-reminder-due.v1";
    }
}
