package nl.integrity.declaration.statistics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which counts the statistics leave out, so that no count points at a person. */
class SmallCellsTest {

    static Map<String, Long> counts(Object... keysAndCounts) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (int i = 0; i < keysAndCounts.length; i += 2) {
            counts.put((String) keysAndCounts[i], ((Number) keysAndCounts[i + 1]).longValue());
        }
        return counts;
    }

    static Map<String, Long> withNulls(Object... keysAndCounts) {
        Map<String, Long> counts = new HashMap<>();
        for (int i = 0; i < keysAndCounts.length; i += 2) {
            counts.put((String) keysAndCounts[i], (Long) keysAndCounts[i + 1]);
        }
        return counts;
    }

    @Test
    void aSingleSmallCount_isHiddenWithTheSmallestShownOne_soTheTotalDoesNotGiveItAway() {
        var cells = new SmallCells(5);
        var shown = cells.dimension(counts("ICT", 1, "TELECOM", 10, "AVIATION", 7));
        assertEquals(withNulls("ICT", null, "TELECOM", 10L, "AVIATION", null), shown);
        assertEquals(2, cells.suppressedCells());
    }

    @Test
    void twoSmallCounts_areHiddenAndNothingElse() {
        var cells = new SmallCells(5);
        var shown = cells.dimension(counts("ICT", 1, "TELECOM", 4, "AVIATION", 10));
        assertEquals(withNulls("ICT", null, "TELECOM", null, "AVIATION", 10L), shown);
        assertEquals(2, cells.suppressedCells());
    }

    @Test
    void countsFromTheThreshold_areAllShown() {
        var cells = new SmallCells(5);
        assertEquals(counts("ICT", 5, "TELECOM", 6), cells.dimension(counts("ICT", 5, "TELECOM", 6)));
        assertEquals(0, cells.suppressedCells());
    }

    @Test
    void zeroPointsAtNobody_andAThresholdOfOneHidesNothing() {
        var cells = new SmallCells(5);
        assertEquals(0L, cells.single(0));
        assertNull(cells.single(3));
        assertEquals(1, cells.suppressedCells());
        var none = new SmallCells(1);
        assertEquals(counts("ICT", 1, "TELECOM", 2), none.dimension(counts("ICT", 1, "TELECOM", 2)));
        assertEquals(0, none.suppressedCells());
    }

    @Test
    void anOutcomeHiddenAmongTheDecided_isNotGivenAwayByTheNumberDecided() {
        var cells = new SmallCells(5);
        var shown = cells.dimension(
                counts(
                        "NO_OBJECTION",
                        10,
                        "OBJECTION",
                        2,
                        "ALLOWED_WITH_CONDITIONS",
                        7,
                        "UNDECIDED",
                        30,
                        "WITHDRAWN",
                        3),
                List.of(Set.of("NO_OBJECTION", "OBJECTION", "ALLOWED_WITH_CONDITIONS")));
        assertEquals(
                withNulls(
                        "NO_OBJECTION",
                        10L,
                        "OBJECTION",
                        null,
                        "ALLOWED_WITH_CONDITIONS",
                        null,
                        "UNDECIDED",
                        30L,
                        "WITHDRAWN",
                        null),
                shown);
        assertEquals(3, cells.suppressedCells());
    }
}
