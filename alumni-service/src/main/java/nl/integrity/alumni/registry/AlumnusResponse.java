package nl.integrity.alumni.registry;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.integrity.alumni.catalogue.Organisation;
import nl.integrity.alumni.catalogue.Ratings;
import nl.integrity.alumni.catalogue.RiskLevel;

public record AlumnusResponse(
        UUID id,
        Organisation organisation,
        String personnelNumber,
        String fullName,
        String email,
        String phone,
        String language,
        String unit,
        String lastFunction,
        List<FunctionHeldResponse> functions,
        LocalDate departureDate,
        DepartureReason departureReason,
        AlumnusStatus status,
        WindowResponse obligationWindow,
        Instant registeredAt,
        long version,
        String lastFunctionTitle) {

    /** A function held; {@code title} as the catalogue names it now (null for a code it does not know). */
    public record FunctionHeldResponse(String functionCode, LocalDate from, LocalDate until, String title) {}

    /**
     * The obligation window: declare every new activity before it starts, from {@code start} up
     * to (not including) {@code end}. Null when no function held asks for a cooling-off period.
     */
    public record WindowResponse(
            LocalDate start,
            LocalDate end,
            int coolingOffMonths,
            String functionCode,
            UUID functionProfileVersionId,
            RiskLevel riskLevel,
            boolean active) {}

    public static AlumnusResponse from(Alumnus a, LocalDate today) {
        var window = a.obligationWindow()
                .map(w -> new WindowResponse(
                        w.start(),
                        w.end(),
                        w.coolingOffMonths(),
                        w.functionCode(),
                        w.functionProfileVersionId(),
                        w.riskLevel(),
                        w.activeOn(today)))
                .orElse(null);
        var codes = new HashSet<String>();
        a.functions().forEach(f -> codes.add(f.functionCode()));
        if (a.lastFunction() != null) {
            codes.add(a.lastFunction());
        }
        Map<String, String> titles = Ratings.titles(a.organisation(), codes);
        return new AlumnusResponse(
                a.id(),
                a.organisation(),
                a.personnelNumber(),
                a.fullName(),
                a.email(),
                a.phone(),
                a.language(),
                a.unit(),
                a.lastFunction(),
                a.functions().stream()
                        .map(f -> new FunctionHeldResponse(
                                f.functionCode(), f.from(), f.until(), titles.get(f.functionCode())))
                        .toList(),
                a.departureDate(),
                a.departureReason(),
                a.status(),
                window,
                a.registeredAt(),
                a.version(),
                a.lastFunction() == null ? null : titles.get(a.lastFunction()));
    }
}
