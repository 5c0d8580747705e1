package nl.integrity.alumni.exitinterview;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ExitInterviewTest {

    private final Clock clock = Clock.fixed(Instant.parse("2026-11-10T09:00:00Z"), ZoneOffset.UTC);

    private ExitInterview briefed() {
        return ExitInterview.record(
                UUID.randomUUID(), LocalDate.of(2026, 11, 10), "Olga Bakker", true, null, "officer", clock);
    }

    @Test
    void record_refusesAnInterviewThatHasNotBeenHeldYet() {
        assertThrows(
                InterviewInTheFuture.class,
                () -> ExitInterview.record(
                        UUID.randomUUID(), LocalDate.of(2026, 11, 11), "Olga Bakker", true, null, "officer", clock));
    }

    @Test
    void acknowledge_isRecordedOnceAndRepeatingChangesNothing() {
        var interview = briefed();

        assertTrue(interview.acknowledge(clock));
        Instant first = interview.acknowledgedAt();
        assertFalse(interview.acknowledge(Clock.offset(clock, java.time.Duration.ofDays(1))));
        assertEquals(first, interview.acknowledgedAt());
    }

    @Test
    void acknowledge_needsABriefingOnObligations() {
        var notBriefed = ExitInterview.record(
                UUID.randomUUID(),
                LocalDate.of(2026, 11, 1),
                "Olga Bakker",
                false,
                "Alleen afscheid",
                "officer",
                clock);
        assertThrows(NothingToAcknowledge.class, () -> notBriefed.acknowledge(clock));
    }
}
