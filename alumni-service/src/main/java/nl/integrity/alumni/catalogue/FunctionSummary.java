package nl.integrity.alumni.catalogue;

import java.util.Set;

/** What a leaver is told about a function they held: the catalogue's current words and rating of it. */
public record FunctionSummary(
        String code, String title, RiskLevel riskLevel, int coolingOffMonths, Set<Sector> sensitiveSectors) {

    public FunctionSummary {
        sensitiveSectors = Set.copyOf(sensitiveSectors);
    }
}
