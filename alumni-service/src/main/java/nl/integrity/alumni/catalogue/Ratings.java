package nl.integrity.alumni.catalogue;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.Map;
import java.util.stream.Collectors;

/** The catalogue's current rating of function codes (retired profiles still rate what was held). */
@ApplicationScoped
public class Ratings {

    /** Ratings of every function in the organisation's catalogue, by code. */
    public Map<String, FunctionRating> all(Organisation organisation) {
        return FunctionProfile.<FunctionProfile>list("organisation", organisation).stream()
                .map(p -> p.current().rating())
                .collect(Collectors.toMap(FunctionRating::code, r -> r));
    }

    /**
     * The current titles of those codes the organisation's catalogue knows (retired ones too, as
     * they name what was held); unknown codes are absent.
     */
    public static Map<String, String> titles(Organisation organisation, Collection<String> codes) {
        if (codes.isEmpty()) {
            return Map.of();
        }
        return FunctionProfile.<FunctionProfile>list("organisation = ?1 and code in ?2", organisation, codes).stream()
                .collect(
                        Collectors.toMap(FunctionProfile::code, p -> p.current().title()));
    }

    /** How the organisation's catalogue describes those codes now (retired ones too); unknown codes are absent. */
    public static Map<String, FunctionSummary> summaries(Organisation organisation, Collection<String> codes) {
        if (codes.isEmpty()) {
            return Map.of();
        }
        return FunctionProfile.<FunctionProfile>list("organisation = ?1 and code in ?2", organisation, codes).stream()
                .collect(Collectors.toMap(FunctionProfile::code, p -> {
                    var v = p.current();
                    return new FunctionSummary(
                            p.code(), v.title(), v.riskLevel(), v.coolingOffMonths(), v.sensitiveSectors());
                }));
    }

    /** Ratings of those codes the organisation's catalogue knows; unknown codes are absent. */
    public Map<String, FunctionRating> of(Organisation organisation, Collection<String> codes) {
        if (codes.isEmpty()) {
            return Map.of();
        }
        return FunctionProfile.<FunctionProfile>list("organisation = ?1 and code in ?2", organisation, codes).stream()
                .map(p -> p.current().rating())
                .collect(Collectors.toMap(FunctionRating::code, r -> r));
    }
}
