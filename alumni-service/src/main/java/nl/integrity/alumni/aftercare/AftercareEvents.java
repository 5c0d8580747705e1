package nl.integrity.alumni.aftercare;

import java.time.LocalDate;
import java.util.UUID;

/** The events of aftercare, on {@code alumni.events}: dates only, no notes. See docs/events.md. */
final class AftercareEvents {

    static final String TOPIC = "alumni.events";

    private AftercareEvents() {}

    /** {@code nl.integrity.alumni.aftercare-contact-due.v1}: a contact moment's day has come. */
    record ContactDue(UUID contactId, UUID alumnusId, String organisation, int sequence, LocalDate dueOn) {
        static final String TYPE = "nl.integrity.alumni.aftercare-contact-due.v1";
    }

    /** {@code nl.integrity.alumni.aftercare-contact-missed.v1}: its grace period passed without a record. */
    record ContactMissed(UUID contactId, UUID alumnusId, String organisation, int sequence, LocalDate dueOn) {
        static final String TYPE = "nl.integrity.alumni.aftercare-contact-missed.v1";
    }
}
