package nl.integrity.alumni.registry;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import nl.integrity.alumni.catalogue.FunctionRating;
import nl.integrity.alumni.catalogue.RiskLevel;

/**
 * The period after departure in which every new occupational activity must be declared before
 * it starts: from the departure date for the cooling-off period of the riskiest function held in
 * the five years before it (longest cooling-off first, then highest risk). It records which
 * version of which function profile it was computed with.
 */
record ObligationWindow(
        LocalDate start,
        LocalDate end,
        int coolingOffMonths,
        String functionCode,
        UUID functionProfileVersionId,
        RiskLevel riskLevel) {

    /** How far back functions count, as the UK Business Appointment Rules do. */
    public static final int LOOKBACK_YEARS = 5;

    /**
     * @param ratings the catalogue's current rating of every code in {@code held}
     * @return the window, or empty when no function held in the period asks for a cooling-off period
     */
    public static Optional<ObligationWindow> compute(
            LocalDate departureDate, List<HeldFunction> held, Map<String, FunctionRating> ratings) {
        LocalDate lookbackStart = departureDate.minusYears(LOOKBACK_YEARS);
        return held.stream()
                .filter(f -> !f.lastDay(departureDate).isBefore(lookbackStart)
                        && !f.from().isAfter(departureDate))
                .map(f -> ratings.get(f.functionCode()))
                .filter(r -> r != null && r.coolingOffMonths() > 0)
                .max(Comparator.comparingInt(FunctionRating::coolingOffMonths)
                        .thenComparing(FunctionRating::riskLevel)
                        .thenComparing(FunctionRating::code, Comparator.reverseOrder()))
                .map(r -> new ObligationWindow(
                        departureDate,
                        departureDate.plusMonths(r.coolingOffMonths()),
                        r.coolingOffMonths(),
                        r.code(),
                        r.versionId(),
                        r.riskLevel()));
    }

    /** Whether the obligation applies on this day (the end date is the first free day). */
    public boolean activeOn(LocalDate day) {
        return !day.isBefore(start) && day.isBefore(end);
    }
}
