package nl.integrity.notification.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import nl.integrity.platform.problem.InvalidField;
import nl.integrity.platform.web.Problem;
import org.junit.jupiter.api.Test;

/** A subscription's own rules, without a database. */
class WebhookSubscriptionTest {

    static final Instant NOW = Instant.parse("2026-11-30T10:00:00Z");
    static final String DECIDED = "nl.integrity.declaration.decided.v1";

    static WebhookSubscription subscription(List<String> types) {
        return WebhookSubscription.subscribe(
                "POLITIE",
                URI.create("https://hooks.example.nl/x"),
                types,
                " Zaaksysteem ",
                true,
                "whsec_old",
                "admin",
                NOW);
    }

    @Test
    void subscribe_trimsAndDeduplicatesTypes_andWantsOnlyThose() {
        var s = subscription(List.of(" " + DECIDED, DECIDED));
        assertEquals(List.of(DECIDED), s.eventTypes());
        assertEquals("Zaaksysteem", s.description());
        assertTrue(s.wants(DECIDED));
        assertFalse(s.wants("nl.integrity.declaration.submitted.v1"));
        assertTrue(subscription(List.of("*")).wants("nl.integrity.declaration.submitted.v1"));
    }

    @Test
    void unpublishedTypes_areRefusedEachAtItsIndex() {
        var e = assertThrows(InvalidField.class, () -> subscription(List.of(DECIDED, "nl.integrity.x.v1", "decided")));
        assertEquals(
                List.of("eventTypes[1]", "eventTypes[2]"),
                e.errors().stream().map(Problem.FieldError::field).toList());
    }

    @Test
    void disabledByAnAdministrator_wantsNothing_andEnabledAgainHasACleanRecord() {
        var s = subscription(List.of("*"));
        s.disable("admin");
        assertFalse(s.wants(DECIDED));
        assertEquals("Disabled by admin", s.disabledReason());
        s.enable();
        assertTrue(s.enabled());
        assertNull(s.disabledReason());
        assertNull(s.failingSince());
    }

    @Test
    void aRotatedSecret_signsBesideTheNewOne_untilTheOverlapEnds() {
        var s = subscription(List.of("*"));
        s.rotateSecret("whsec_new", NOW.plusSeconds(60));
        assertEquals(List.of("whsec_new", "whsec_old"), s.signingSecrets(NOW));
        assertEquals(List.of("whsec_new"), s.signingSecrets(NOW.plusSeconds(60)));
    }
}
