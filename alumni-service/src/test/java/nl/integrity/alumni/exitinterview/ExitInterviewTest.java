package nl.integrity.alumni.exitinterview;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import nl.integrity.platform.problem.InvalidField;
import org.junit.jupiter.api.Test;

class ExitInterviewTest {

    private final Clock clock = Clock.fixed(Instant.parse("2026-11-10T09:00:00Z"), ZoneOffset.UTC);

    private static ExitInterview.Held held(LocalDate on, boolean briefed, String summary) {
        return new ExitInterview.Held(
                on, "Olga Bakker", briefed, List.of(InterviewTopic.OBLIGATION_TO_DECLARE), summary, null);
    }

    private ExitInterview briefed() {
        return ExitInterview.record(UUID.randomUUID(), held(LocalDate.of(2026, 11, 10), true, null), "officer", clock);
    }

    @Test
    void record_refusesAnInterviewThatHasNotBeenHeldYet() {
        assertThrows(
                InterviewInTheFuture.class,
                () -> ExitInterview.record(
                        UUID.randomUUID(), held(LocalDate.of(2026, 11, 11), true, null), "officer", clock));
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
    void acknowledge_needsABriefingOrASummary() {
        var nothing =
                ExitInterview.record(UUID.randomUUID(), held(LocalDate.of(2026, 11, 1), false, null), "officer", clock);
        assertThrows(NothingToAcknowledge.class, () -> nothing.acknowledge(clock));
        var summarised = ExitInterview.record(
                UUID.randomUUID(), held(LocalDate.of(2026, 11, 1), false, "We spraken af..."), "officer", clock);
        assertTrue(summarised.acknowledge(clock));
    }

    @Test
    void aScheduledInterview_isHeldLater_andCannotBeAcknowledgedBefore() {
        var interview =
                ExitInterview.schedule(UUID.randomUUID(), LocalDate.of(2026, 11, 20), "Olga Bakker", "officer", clock);
        assertEquals(ExitInterview.Status.SCHEDULED, interview.status());
        assertThrows(NothingToAcknowledge.class, () -> interview.acknowledge(clock));
        assertThrows(
                InvalidField.class,
                () -> ExitInterview.schedule(
                        UUID.randomUUID(), LocalDate.of(2026, 11, 9), "Olga Bakker", "officer", clock));

        Clock later = Clock.offset(clock, java.time.Duration.ofDays(10));
        interview.hold(held(LocalDate.of(2026, 11, 20), true, "Afkoelperiode besproken."), "officer", later);
        assertEquals(ExitInterview.Status.HELD, interview.status());
        assertTrue(interview.acknowledge(later));
        // Acknowledged: the summary stays as the alumnus agreed to it.
        assertThrows(
                AlreadyAcknowledged.class,
                () -> interview.hold(held(LocalDate.of(2026, 11, 20), true, "Iets anders."), "officer", later));
    }
}
