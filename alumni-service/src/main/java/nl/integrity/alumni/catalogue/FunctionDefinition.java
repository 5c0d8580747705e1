package nl.integrity.alumni.catalogue;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * What a function profile says in one version. Valid by construction: the cooling-off period
 * lies between 0 and 24 months (the longest precedent: EU and Dutch ex-ministers, 2 years).
 */
record FunctionDefinition(
        String title,
        FunctionGroup functionGroup,
        RiskLevel riskLevel,
        int coolingOffMonths,
        Set<Sector> sensitiveSectors,
        String rationale) {

    public static final int MAX_COOLING_OFF_MONTHS = 24;

    public FunctionDefinition {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(functionGroup, "functionGroup");
        Objects.requireNonNull(riskLevel, "riskLevel");
        if (coolingOffMonths < 0 || coolingOffMonths > MAX_COOLING_OFF_MONTHS) {
            throw new IllegalArgumentException("coolingOffMonths must lie between 0 and " + MAX_COOLING_OFF_MONTHS);
        }
        sensitiveSectors = sensitiveSectors == null || sensitiveSectors.isEmpty()
                ? EnumSet.noneOf(Sector.class)
                : EnumSet.copyOf(sensitiveSectors);
    }
}
