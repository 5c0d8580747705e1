package nl.integrity.alumni.registry;

import java.util.List;
import java.util.UUID;

/**
 * Event {@code nl.integrity.alumni.record-updated.v1} on {@code alumni.events}: the alumnus'
 * record changed: HR reported the departure again with other facts, the departure date came
 * (status), or the alumnus changed their contact details. {@code changedFields} names what
 * changed; the contact fields carry the current values (the notification service needs the
 * address). See docs/events.md.
 */
public record AlumnusUpdated(UUID alumnusId, String organisation, List<String> changedFields, String email,
                             String phone, long version) {

    static final String TYPE = "nl.integrity.alumni.record-updated.v1";
}
