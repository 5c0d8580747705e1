package nl.integrity.declaration.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Working days by the Dutch calendar of the Algemene termijnenwet. */
class WorkingDaysTest {

    final WorkingDays days = WorkingDays.withClosedDays(Set.of());

    @Test
    void easterFollowsTheGregorianComputus() {
        assertEquals(LocalDate.of(2025, 4, 20), DutchHolidays.easterSunday(2025));
        assertEquals(LocalDate.of(2026, 4, 5), DutchHolidays.easterSunday(2026));
        assertEquals(LocalDate.of(2027, 3, 28), DutchHolidays.easterSunday(2027));
        assertEquals(LocalDate.of(2038, 4, 25), DutchHolidays.easterSunday(2038));
    }

    @Test
    void holidaysOf2027() {
        assertEquals(
                Set.of(
                        LocalDate.of(2027, 1, 1),
                        LocalDate.of(2027, 3, 29),
                        LocalDate.of(2027, 4, 27),
                        LocalDate.of(2027, 5, 5),
                        LocalDate.of(2027, 5, 6),
                        LocalDate.of(2027, 5, 17),
                        LocalDate.of(2027, 12, 25),
                        LocalDate.of(2027, 12, 26)),
                DutchHolidays.of(2027));
    }

    @Test
    void kingsDayMovesToSaturdayWhenTheTwentySeventhIsASunday() {
        assertTrue(DutchHolidays.of(2025).contains(LocalDate.of(2025, 4, 26)));
        assertFalse(DutchHolidays.of(2025).contains(LocalDate.of(2025, 4, 27)));
    }

    @Test
    void weekendsAndHolidaysDoNotCount() {
        assertFalse(days.isWorkingDay(LocalDate.of(2026, 12, 5)), "Saturday");
        assertFalse(days.isWorkingDay(LocalDate.of(2026, 12, 25)), "Christmas Day, a Friday");
        assertTrue(days.isWorkingDay(LocalDate.of(2026, 12, 24)));
    }

    @Test
    void thirtyWorkingDaysOverChristmasAndNewYear() {
        // From Tuesday 1 December 2026: December has 22 working days after the 1st less Christmas
        // (Fri 25th; Boxing Day is a Saturday), New Year's Day is a Friday.
        assertEquals(LocalDate.of(2027, 1, 14), days.plus(LocalDate.of(2026, 12, 1), 30));
    }

    @Test
    void thirtyWorkingDaysOverEasterKingsDayLiberationAndAscension() {
        // Monday 19 April 2027: King's Day (Tue 27 Apr), 5 May (Wed) and Ascension (Thu 6 May) fall inside.
        assertEquals(LocalDate.of(2027, 6, 4), days.plus(LocalDate.of(2027, 4, 19), 30));
    }

    @Test
    void configuredClosedDaysDoNotCountEither() {
        var withBridgeDay = WorkingDays.withClosedDays(Set.of(LocalDate.of(2027, 5, 7)));
        // Friday 7 May closed: the due date moves one working day, from Friday 4 June to Monday 7 June.
        assertEquals(LocalDate.of(2027, 6, 7), withBridgeDay.plus(LocalDate.of(2027, 4, 19), 30));
    }

    @Test
    void betweenCountsTheWorkingDaysLeft() {
        assertEquals(0, days.between(LocalDate.of(2027, 1, 14), LocalDate.of(2027, 1, 14)));
        assertEquals(1, days.between(LocalDate.of(2027, 1, 14), LocalDate.of(2027, 1, 15)));
        assertEquals(1, days.between(LocalDate.of(2027, 1, 15), LocalDate.of(2027, 1, 18)), "over a weekend");
        assertEquals(30, days.between(LocalDate.of(2026, 12, 1), days.plus(LocalDate.of(2026, 12, 1), 30)));
    }
}
