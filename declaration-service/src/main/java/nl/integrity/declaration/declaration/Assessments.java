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

/** Gathers the facts of a declaration version from the read model and applies the organisation's rules. */
@ApplicationScoped
class Assessments {

    private final Clock clock;
    private final AssessmentCatalogues catalogues;

    Assessments(Clock clock, AssessmentCatalogues catalogues) {
        this.clock = clock;
        this.catalogues = catalogues;
    }

    /** The facts and the assessment of the declaration's current version. */
    record Result(AssessmentFacts facts, RiskAssessment assessment) {}

    Result assess(Declaration d, KnownAlumnus alumnus) {
        var catalogue = catalogues.of(d.organisation());
        var facts = factsOf(d, alumnus, catalogue, LocalDate.now(clock));
        return new Result(facts, RiskAssessor.assess(catalogue.rules(), facts));
    }

    private static AssessmentFacts factsOf(
            Declaration d, KnownAlumnus alumnus, AssessmentCatalogues.Catalogue catalogue, LocalDate today) {
        String functionCode =
                alumnus.windowFunctionCode() != null ? alumnus.windowFunctionCode() : alumnus.lastFunction();
        Optional<KnownFunctionProfile.Facts> function = catalogue.function(functionCode);
        RiskLevel risk = alumnus.windowFunctionCode() != null && alumnus.windowRiskLevel() != null
                ? RiskLevel.valueOf(alumnus.windowRiskLevel())
                : function.map(f -> RiskLevel.valueOf(f.riskLevel())).orElse(null);
        Set<String> sensitive = new HashSet<>();
        Stream.of(alumnus.windowFunctionCode(), alumnus.lastFunction())
                .distinct()
                .map(catalogue::function)
                .flatMap(Optional::stream)
                .forEach(p -> sensitive.addAll(p.sensitiveSectors()));
        Activity a = d.activity();
        return new AssessmentFacts(
                functionCode,
                risk,
                function.map(KnownFunctionProfile.Facts::functionGroup).orElse(null),
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
