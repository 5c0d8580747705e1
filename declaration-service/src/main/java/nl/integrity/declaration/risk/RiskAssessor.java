package nl.integrity.declaration.risk;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Applies an organisation's risk rules to the facts of one declaration version. Deterministic:
 * the same rules and facts give the same level and reasons, in the same order (highest level
 * first, then by code). Texts may name facts with placeholders such as {@code {sector}}.
 */
public final class RiskAssessor {

    private RiskAssessor() {
    }

    public static RiskAssessment assess(List<RiskRule> rules, AssessmentFacts facts) {
        var placeholders = placeholders(facts);
        List<RiskReason> reasons = rules.stream()
                .filter(r -> r.matches(facts))
                .map(r -> new RiskReason(r.code, r.level, fill(r.textNl, placeholders), fill(r.textEn, placeholders),
                        r.revision))
                .sorted(Comparator.comparing(RiskReason::level).reversed().thenComparing(RiskReason::code))
                .toList();
        RiskLevel level = reasons.stream().map(RiskReason::level).reduce(RiskLevel.LOW, RiskLevel::max);
        return new RiskAssessment(level, reasons);
    }

    private static Map<String, String> placeholders(AssessmentFacts f) {
        return Map.of(
                "{sector}", f.sector().name(),
                "{functionCode}", orDash(f.functionCode()),
                "{functionRisk}", f.functionRisk() == null ? "-" : f.functionRisk().name(),
                "{functionGroup}", orDash(f.functionGroup()),
                "{windowEnd}", orDash(f.windowEnd()),
                "{startDate}", orDash(f.startDate()),
                "{departureReason}", orDash(f.departureReason()),
                "{versionNumber}", Integer.toString(f.versionNumber()));
    }

    private static String fill(String text, Map<String, String> placeholders) {
        String result = text;
        for (var p : placeholders.entrySet()) {
            result = result.replace(p.getKey(), p.getValue());
        }
        return result;
    }

    private static String orDash(Object value) {
        return value == null ? "-" : value instanceof LocalDate d ? d.toString() : value.toString();
    }
}
