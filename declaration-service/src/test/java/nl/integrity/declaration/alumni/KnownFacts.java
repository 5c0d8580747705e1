package nl.integrity.declaration.alumni;

import io.quarkus.narayana.jta.QuarkusTransaction;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Chosen facts in the read model for tests, given the way a newer registry or catalogue event gives
 * them: through the read model's own methods, one version on from what is held.
 */
public final class KnownFacts {

    private KnownFacts() {}

    /** The alumnus' obligation window (all null for none), last function and departure reason. */
    public static void alumnus(
            UUID alumnusId,
            LocalDate windowStart,
            LocalDate windowEnd,
            String windowFunctionCode,
            String windowRiskLevel,
            String lastFunction,
            String departureReason) {
        QuarkusTransaction.requiringNew().run(() -> {
            KnownAlumnus a = KnownAlumnus.findById(alumnusId);
            boolean window = a.apply(
                    a.windowVersion() + 1,
                    new KnownAlumnus.Window(windowStart, windowEnd, windowFunctionCode, windowRiskLevel));
            boolean facts = a.apply(
                    a.recordVersion() + 1,
                    new KnownAlumnus.Snapshot(
                            a.personnelNumber(),
                            a.fullName(),
                            a.departureDate(),
                            departureReason,
                            a.status(),
                            a.unit(),
                            lastFunction));
            if (!window || !facts) {
                throw new IllegalStateException("alumnus " + alumnusId + " takes no facts (anonymised?)");
            }
        });
    }

    /** A function of the organisation's catalogue with these facts. */
    public static void function(
            String organisation,
            String code,
            String title,
            String functionGroup,
            String riskLevel,
            int coolingOffMonths,
            List<String> sensitiveSectors) {
        QuarkusTransaction.requiringNew().run(() -> {
            var profile = KnownFunctionProfile.findOrNew(organisation, code);
            profile.apply(
                    profile.version() + 1,
                    new KnownFunctionProfile.Facts(
                            title, functionGroup, riskLevel, coolingOffMonths, sensitiveSectors, false));
            profile.persist();
        });
    }
}
