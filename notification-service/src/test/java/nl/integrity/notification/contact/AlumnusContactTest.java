package nl.integrity.notification.contact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Which record version and which consent change win, without a database. */
class AlumnusContactTest {

    static final Instant T0 = Instant.parse("2026-11-01T10:00:00Z");

    @Test
    void anOlderRecordVersion_neverOverwritesANewerOne() {
        var contact = AlumnusContact.unknown(UUID.randomUUID(), "POLITIE");
        assertTrue(contact.updateRecord(" new@example.nl ", "en", 2L, T0));
        assertFalse(contact.updateRecord("old@example.nl", "nl", 1L, T0));
        assertFalse(contact.updateRecord("same@example.nl", "nl", 2L, T0));
        assertEquals("new@example.nl", contact.email());
        assertEquals("en", contact.language());
        assertTrue(contact.updateRecord("next@example.nl", "fr", null, T0), "no version: the one after the known one");
        assertEquals(3, contact.recordVersion());
        assertEquals("en", contact.language(), "an unknown language leaves it as it is");
    }

    @Test
    void afterAnonymisation_theAddressIsGoneForGood() {
        var contact = AlumnusContact.unknown(UUID.randomUUID(), "POLITIE");
        contact.updateRecord("a@example.nl", "nl", 0L, T0);
        contact.changeConsent(true, T0, T0);
        assertTrue(contact.wantsNetworkMail());
        contact.anonymise(T0);
        assertFalse(contact.updateRecord("b@example.nl", "nl", 5L, T0));
        assertNull(contact.email());
        assertFalse(contact.wantsNetworkMail());
    }

    @Test
    void theNewestConsentChangeWins() {
        var contact = AlumnusContact.unknown(UUID.randomUUID(), "POLITIE");
        assertTrue(contact.changeConsent(false, T0.plusSeconds(60), T0));
        assertFalse(contact.changeConsent(true, T0, T0), "older");
        assertFalse(contact.changeConsent(true, T0.plusSeconds(60), T0), "the same change again");
        assertFalse(contact.networkConsent());
        assertTrue(contact.changeConsent(true, T0.plusSeconds(61), T0));
        assertTrue(contact.networkConsent());
    }
}
