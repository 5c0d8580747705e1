package nl.integrity.alumni.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.integrity.alumni.catalogue.FunctionGroup;
import nl.integrity.alumni.catalogue.FunctionRating;
import nl.integrity.alumni.catalogue.RiskLevel;
import org.junit.jupiter.api.Test;

class ObligationWindowTest {

    static final LocalDate DEPARTURE = LocalDate.of(2026, 6, 30);
    static final FunctionRating INTELLIGENCE =
            new FunctionRating("INT-CIE", UUID.randomUUID(), FunctionGroup.INVESTIGATION, RiskLevel.CRITICAL, 24);
    static final FunctionRating INVESTIGATOR =
            new FunctionRating("REC-TAC", UUID.randomUUID(), FunctionGroup.INVESTIGATION, RiskLevel.HIGH, 12);
    static final FunctionRating ICT =
            new FunctionRating("ICT-ARC", UUID.randomUUID(), FunctionGroup.INVESTIGATION, RiskLevel.MEDIUM, 12);
    static final FunctionRating CLERK =
            new FunctionRating("BED-ADM", UUID.randomUUID(), FunctionGroup.INVESTIGATION, RiskLevel.LOW, 0);
    static final Map<String, FunctionRating> CATALOGUE =
            Map.of("INT-CIE", INTELLIGENCE, "REC-TAC", INVESTIGATOR, "ICT-ARC", ICT, "BED-ADM", CLERK);

    static HeldFunction held(String code, String from, String until) {
        return new HeldFunction(code, LocalDate.parse(from), until == null ? null : LocalDate.parse(until));
    }

    @Test
    void riskiestFunctionOfTheLastFiveYearsSetsTheWindow() {
        var window = ObligationWindow.compute(
                        DEPARTURE,
                        List.of(
                                held("REC-TAC", "2018-01-01", "2023-12-31"),
                                held("INT-CIE", "2024-01-01", "2025-06-30"),
                                held("BED-ADM", "2025-07-01", null)),
                        CATALOGUE)
                .orElseThrow();

        assertEquals("INT-CIE", window.functionCode());
        assertEquals(INTELLIGENCE.versionId(), window.functionProfileVersionId());
        assertEquals(DEPARTURE, window.start());
        assertEquals(LocalDate.of(2028, 6, 30), window.end());
        assertEquals(24, window.coolingOffMonths());
        assertEquals(RiskLevel.CRITICAL, window.riskLevel());
    }

    @Test
    void functionsEndedMoreThanFiveYearsBeforeDepartureDoNotCount() {
        var window = ObligationWindow.compute(
                        DEPARTURE,
                        List.of(held("INT-CIE", "2010-01-01", "2021-06-29"), held("REC-TAC", "2021-06-30", null)),
                        CATALOGUE)
                .orElseThrow();

        assertEquals("REC-TAC", window.functionCode());
    }

    @Test
    void aFunctionEndingExactlyFiveYearsBeforeDepartureStillCounts() {
        var window = ObligationWindow.compute(
                        DEPARTURE,
                        List.of(held("INT-CIE", "2010-01-01", "2021-06-30"), held("REC-TAC", "2021-07-01", null)),
                        CATALOGUE)
                .orElseThrow();

        assertEquals("INT-CIE", window.functionCode());
    }

    @Test
    void equalCoolingOffGoesToTheHigherRisk() {
        var window = ObligationWindow.compute(
                        DEPARTURE,
                        List.of(held("ICT-ARC", "2020-01-01", "2022-12-31"), held("REC-TAC", "2023-01-01", null)),
                        CATALOGUE)
                .orElseThrow();

        assertEquals("REC-TAC", window.functionCode());
        assertEquals(RiskLevel.HIGH, window.riskLevel());
    }

    @Test
    void noWindowWhenNoFunctionAsksForCoolingOff() {
        assertTrue(ObligationWindow.compute(DEPARTURE, List.of(held("BED-ADM", "2000-01-01", null)), CATALOGUE)
                .isEmpty());
        assertTrue(ObligationWindow.compute(DEPARTURE, List.of(), CATALOGUE).isEmpty());
    }

    @Test
    void functionsStartingAfterDepartureAndUnratedCodesDoNotCount() {
        assertTrue(ObligationWindow.compute(
                        DEPARTURE,
                        List.of(held("INT-CIE", "2026-07-01", null), held("UNKNOWN", "2020-01-01", null)),
                        CATALOGUE)
                .isEmpty());
    }

    @Test
    void windowRunsFromDepartureUpToButNotIncludingItsEnd() {
        var window = ObligationWindow.compute(DEPARTURE, List.of(held("REC-TAC", "2020-01-01", null)), CATALOGUE)
                .orElseThrow();

        assertFalse(window.activeOn(DEPARTURE.minusDays(1)));
        assertTrue(window.activeOn(DEPARTURE));
        assertTrue(window.activeOn(LocalDate.of(2027, 6, 29)));
        assertFalse(window.activeOn(LocalDate.of(2027, 6, 30)));
    }

    @Test
    void monthArithmeticClampsToTheEndOfShortMonths() {
        var window = ObligationWindow.compute(
                        LocalDate.of(2027, 8, 31),
                        List.of(held("REC-TAC", "2020-01-01", null)),
                        Map.of(
                                "REC-TAC",
                                new FunctionRating(
                                        "REC-TAC", UUID.randomUUID(), FunctionGroup.INVESTIGATION, RiskLevel.HIGH, 6)))
                .orElseThrow();

        assertEquals(LocalDate.of(2028, 2, 29), window.end());
    }
}
