package nl.integrity.declaration.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.util.Set;

/**
 * The days the Algemene termijnenwet (General Time Limits Act, art. 3) puts on a par with a
 * Sunday, so that a time limit in working days skips them: New Year's Day, Easter Monday,
 * Ascension Day, Whit Monday, King's Day (27 April, or 26 April when that is a Sunday), 5 May
 * (Liberation Day) and Christmas Day and Boxing Day. Easter is the Gregorian computus.
 */
final class DutchHolidays {

    private DutchHolidays() {}

    static Set<LocalDate> of(int year) {
        LocalDate easter = easterSunday(year);
        LocalDate kingsDay = LocalDate.of(year, Month.APRIL, 27);
        if (kingsDay.getDayOfWeek() == DayOfWeek.SUNDAY) {
            kingsDay = kingsDay.minusDays(1);
        }
        return Set.of(
                LocalDate.of(year, Month.JANUARY, 1),
                easter.plusDays(1),
                kingsDay,
                LocalDate.of(year, Month.MAY, 5),
                easter.plusDays(39),
                easter.plusDays(50),
                LocalDate.of(year, Month.DECEMBER, 25),
                LocalDate.of(year, Month.DECEMBER, 26));
    }

    /** Easter Sunday by the anonymous Gregorian algorithm (Meeus/Jones/Butcher). */
    static LocalDate easterSunday(int year) {
        int a = year % 19;
        int b = year / 100;
        int c = year % 100;
        int d = b / 4;
        int e = b % 4;
        int f = (b + 8) / 25;
        int g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4;
        int k = c % 4;
        int l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31;
        int day = ((h + l - 7 * m + 114) % 31) + 1;
        return LocalDate.of(year, month, day);
    }
}
