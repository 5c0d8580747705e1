package nl.integrity.declaration.risk;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Applies an organisation's risk rules to the facts of one declaration version. Deterministic:
 * the same rules and facts give the same level and reasons, in the same order (highest level
 * first, then by code). Texts may name facts with placeholders such as {@code {sector}}, filled
 * in with the words of the text's language ({@link Wording}).
 */
public final class RiskAssessor {

    private RiskAssessor() {}

    public static RiskAssessment assess(List<RiskRule> rules, AssessmentFacts facts) {
        var dutch = placeholders(facts, true);
        var english = placeholders(facts, false);
        List<RiskReason> reasons = rules.stream()
                .filter(r -> r.matches(facts))
                .map(r -> new RiskReason(
                        r.code(), r.level(), fill(r.textNl(), dutch), fill(r.textEn(), english), r.revision()))
                .sorted(Comparator.comparing(RiskReason::level).reversed().thenComparing(RiskReason::code))
                .toList();
        RiskLevel level = reasons.stream().map(RiskReason::level).reduce(RiskLevel.LOW, RiskLevel::max);
        return new RiskAssessment(level, reasons);
    }

    private static Map<String, String> placeholders(AssessmentFacts f, boolean dutch) {
        return Map.of(
                "{sector}", Wording.of(f.sector(), dutch),
                "{functionCode}", f.functionCode() == null ? "-" : f.functionCode(),
                "{functionRisk}", Wording.of(f.functionRisk(), dutch),
                "{functionGroup}", Wording.of(f.functionGroup(), dutch),
                "{windowEnd}", Wording.of(f.windowEnd(), dutch),
                "{startDate}", Wording.of(f.startDate(), dutch),
                "{departureReason}", Wording.of(f.departureReason(), dutch),
                "{versionNumber}", Integer.toString(f.versionNumber()));
    }

    private static String fill(String text, Map<String, String> placeholders) {
        String result = text;
        for (var p : placeholders.entrySet()) {
            result = result.replace(p.getKey(), p.getValue());
        }
        return result;
    }
}
