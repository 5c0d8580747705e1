package nl.integrity.platform.input;

import java.time.LocalDate;
import java.util.Optional;

/**
 * The dates the platform takes: from 1900-01-01 up to and including 2199-12-31. Employment,
 * departures, activities, conditions and interviews all fall well inside; anything outside is a
 * typing error (or an attack) that would otherwise fail in date arithmetic or in the database.
 * Fields with a narrower meaning check more on top of this.
 */
public final class PlatformDates {

    public static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
    public static final LocalDate LATEST = LocalDate.of(2199, 12, 31);
    public static final String RANGE = "a date (yyyy-mm-dd) from " + EARLIEST + " up to " + LATEST;

    private PlatformDates() {}

    /** Why {@code date} is not taken, or empty when it is (null is). */
    public static Optional<String> problem(LocalDate date) {
        return date == null || !date.isBefore(EARLIEST) && !date.isAfter(LATEST)
                ? Optional.empty()
                : Optional.of("must be " + RANGE);
    }
}
