package nl.integrity.notification.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import nl.integrity.platform.problem.InvalidField;
import nl.integrity.platform.web.Problem;
import org.junit.jupiter.api.Test;

/** What a mailing must say, without a database. */
class NetworkMailingTest {

    @Test
    void english_isBothSubjectAndText_orNeither() {
        var e = assertThrows(InvalidField.class, () -> new NetworkMailing.Content("Nieuws", "Tekst", "News", " "));
        assertEquals(
                List.of("textEn"),
                e.errors().stream().map(Problem.FieldError::field).toList());
        var f = assertThrows(InvalidField.class, () -> new NetworkMailing.Content("Nieuws", "Tekst", null, "Text"));
        assertEquals(
                List.of("subjectEn"),
                f.errors().stream().map(Problem.FieldError::field).toList());
    }

    @Test
    void subjectsAreTrimmed_textsKeptAsWritten() {
        var m = NetworkMailing.write(
                "POLITIE",
                new NetworkMailing.Content(" Nieuws ", " Tekst\n", " News ", " Text\n"),
                "officer.politie",
                Instant.now());
        assertEquals("Nieuws", m.subjectNl());
        assertEquals(" Tekst\n", m.textNl());
        assertEquals("News", m.subjectEn());
        assertEquals(" Text\n", m.textEn());
        assertTrue(m.hasEnglish());
        var dutchOnly = NetworkMailing.write(
                "POLITIE", new NetworkMailing.Content("Nieuws", "Tekst", "", null), "officer.politie", Instant.now());
        assertNull(dutchOnly.subjectEn());
        assertFalse(dutchOnly.hasEnglish());
    }
}
