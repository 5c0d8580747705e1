package nl.integrity.declaration.declaration;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import nl.integrity.declaration.alumni.KnownAgreement;
import nl.integrity.declaration.alumni.KnownAlumnus;
import nl.integrity.declaration.alumni.KnownFunctionProfile;
import nl.integrity.declaration.risk.AssessmentFacts;
import nl.integrity.declaration.risk.RiskAssessment;
import nl.integrity.declaration.risk.RiskAssessor;
import nl.integrity.declaration.risk.RiskLevel;
import nl.integrity.declaration.risk.RiskRule;

/** Gathers the facts of a declaration version from the read model and applies the organisation's rules. */
@ApplicationScoped
class Assessments {

    private final Clock clock;

    Assessments(Clock clock) {
        this.clock = clock;
    }

    /** The facts and the assessment of the declaration's current version. */
    record Result(AssessmentFacts facts, RiskAssessment assessment) {}

    Result assess(Declaration d, KnownAlumnus alumnus) {
        var facts = factsOf(d, alumnus, LocalDate.now(clock));
        return new Result(facts, RiskAssessor.assess(RiskRule.enabledOf(d.organisation()), facts));
    }

    static AssessmentFacts factsOf(Declaration d, KnownAlumnus alumnus, LocalDate today) {
        String functionCode =
                alumnus.windowFunctionCode() != null ? alumnus.windowFunctionCode() : alumnus.lastFunction();
        Optional<KnownFunctionProfile> function = KnownFunctionProfile.of(alumnus.organisation(), functionCode);
        RiskLevel risk = alumnus.windowFunctionCode() != null && alumnus.windowRiskLevel() != null
                ? RiskLevel.valueOf(alumnus.windowRiskLevel())
                : function.map(f -> RiskLevel.valueOf(f.riskLevel())).orElse(null);
        Set<String> sensitive = new HashSet<>();
        Stream.of(alumnus.windowFunctionCode(), alumnus.lastFunction())
                .distinct()
                .map(code -> KnownFunctionProfile.of(alumnus.organisation(), code))
                .flatMap(Optional::stream)
                .forEach(p -> sensitive.addAll(p.sensitiveSectors()));
        Activity a = d.activity();
        return new AssessmentFacts(
                functionCode,
                risk,
                function.map(KnownFunctionProfile::functionGroup).orElse(null),
                sensitive,
                alumnus.windowStart(),
                alumnus.windowEnd(),
                alumnus.departureReason(),
                a.sector(),
                a.startDate(),
                today,
                a.expectsContact(),
                a.usesKnowledge(),
                a.selfEmployed(),
                d.currentVersion(),
                KnownAgreement.of(alumnus.alumnusId()));
    }
}
