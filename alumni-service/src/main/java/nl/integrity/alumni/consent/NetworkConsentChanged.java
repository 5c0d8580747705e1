package nl.integrity.alumni.consent;

import java.time.Instant;
import java.util.UUID;

/**
 * Event {@code nl.integrity.alumni.network-consent-changed.v1} on {@code alumni.events}: the
 * alumnus gave or withdrew consent for alumni-network mail. See docs/events.md.
 */
public record NetworkConsentChanged(UUID alumnusId, String organisation, boolean given, Instant changedAt) {

    static final String TYPE = "nl.integrity.alumni.network-consent-changed.v1";
    static final String TOPIC = "alumni.events";
}
