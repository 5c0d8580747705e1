package nl.integrity.declaration.risk;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

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
        List<RiskReason> reasons = Stream.concat(
                        rules.stream()
                                .filter(r -> r.matches(facts))
                                .map(r -> new RiskReason(
                                        r.code(),
                                        r.level(),
                                        fill(r.textNl(), dutch),
                                        fill(r.textEn(), english),
                                        r.revision())),
                        agreementReasons(facts))
                .sorted(Comparator.comparing(RiskReason::level).reversed().thenComparing(RiskReason::code))
                .toList();
        RiskLevel level = reasons.stream().map(RiskReason::level).reduce(RiskLevel.LOW, RiskLevel::max);
        return new RiskAssessment(level, reasons);
    }

    /** Level of a conflict with an agreement the alumnus accepted: they promised not to do this. */
    static final RiskLevel AGREEMENT_CONFLICT = RiskLevel.HIGH;

    /** Code prefix of a reason that names a conflicting agreement; the agreement's code follows. */
    public static final String AGREEMENT_REASON = "AGREEMENT:";

    /**
     * One reason per accepted agreement that binds on the activity's day and rules out what was
     * declared, naming the agreement in its own words.
     */
    private static Stream<RiskReason> agreementReasons(AssessmentFacts facts) {
        LocalDate day = facts.activityDay();
        return facts.agreements().stream()
                .filter(a -> a.bindsOn(day) && a.conflictsWith(facts))
                .map(a -> new RiskReason(
                        AGREEMENT_REASON + a.code(),
                        AGREEMENT_CONFLICT,
                        "Strijdig met de afspraak bij vertrek \u201c%s\u201d (geldt tot %s): %s."
                                .formatted(a.titleNl(), Wording.of(a.endsOn(), true), conflict(a, true)),
                        "Conflicts with the post-employment agreement \u201c%s\u201d (binding until %s): %s."
                                .formatted(a.titleEn(), Wording.of(a.endsOn(), false), conflict(a, false)),
                        0));
    }

    private static String conflict(AgreementInForce a, boolean dutch) {
        return switch (a.kind()) {
            case "SECTOR_COOLING_OFF" -> dutch ? "de activiteit valt in die sector" : "the activity is in that sector";
            case "NO_CONTACT" ->
                dutch
                        ? "bij de activiteit verwacht u contact met uw oude organisatie"
                        : "the activity involves contact with your former organisation";
            default ->
                dutch
                        ? "bij de activiteit gebruikt u kennis uit uw functie"
                        : "the activity uses knowledge from your function";
        };
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
