package nl.integrity.alumni.retention;

import java.util.UUID;

/**
 * Event {@code nl.integrity.alumni.anonymised.v1} on {@code alumni.events}: the retention period
 * of this alumnus ended and alumni-service removed what identified them; other services do the
 * same with their copies. See docs/events.md.
 */
public record AlumnusAnonymised(UUID alumnusId, String organisation) {

    static final String TYPE = "nl.integrity.alumni.anonymised.v1";
    static final String TOPIC = "alumni.events";
}
