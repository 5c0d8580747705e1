package nl.integrity.declaration.risk;

import static nl.integrity.declaration.risk.RiskAssessorTest.facts;
import static nl.integrity.declaration.risk.RiskAssessorTest.with;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Every rule the seed migration gives each organisation (docs/risk-rules.md), as stored: a
 * case it fires on and a near miss it does not. The base case is a high-risk detective moving
 * to private security inside the window, voluntarily, without contact.
 */
@QuarkusTest
class SeededRiskRulesTest {

    static Map<String, RiskRule> seeded(String organisation) {
        return QuarkusTransaction.requiringNew()
                .call(() -> RiskRule.<RiskRule>list("organisation = ?1 and updatedBy = 'seed'", organisation))
                .stream()
                .collect(Collectors.toMap(RiskRule::code, Function.identity()));
    }

    static boolean fires(RiskRule rule, AssessmentFacts facts) {
        return !RiskAssessor.assess(List.of(rule), facts).reasons().isEmpty();
    }

    final Map<String, RiskRule> rules = seeded("POLITIE");

    @Test
    void bothOrganisationsGetTheSameElevenRules() {
        assertEquals(11, rules.size());
        assertEquals(rules.keySet(), seeded("KMAR").keySet());
    }

    @Test
    void functionRiskHigh() {
        var rule = rules.get("FUNCTION_RISK_HIGH");
        assertEquals(RiskLevel.MEDIUM, rule.level());
        assertTrue(fires(rule, facts()));
        assertFalse(fires(rule, with(b -> b.functionRisk(RiskLevel.MEDIUM))));
        assertFalse(fires(rule, with(b -> b.startDate(LocalDate.of(2028, 7, 1)))), "after the window");
    }

    @Test
    void functionRiskCritical() {
        var rule = rules.get("FUNCTION_RISK_CRITICAL");
        assertEquals(RiskLevel.HIGH, rule.level());
        assertTrue(fires(rule, with(b -> b.functionRisk(RiskLevel.CRITICAL))));
        assertFalse(fires(rule, facts()));
    }

    @Test
    void sensitiveSector() {
        var rule = rules.get("SENSITIVE_SECTOR");
        assertEquals(RiskLevel.HIGH, rule.level());
        assertTrue(fires(rule, facts()));
        assertFalse(fires(rule, with(b -> b.sector(Sector.HOSPITALITY))));
        assertFalse(fires(rule, with(b -> b.window(null, null))));
    }

    @Test
    void sensitiveSectorCriticalFunction() {
        var rule = rules.get("SENSITIVE_SECTOR_CRITICAL_FUNCTION");
        assertEquals(RiskLevel.CRITICAL, rule.level());
        assertTrue(fires(rule, with(b -> b.functionRisk(RiskLevel.CRITICAL))));
        assertFalse(fires(rule, facts()), "a high, not critical, function");
    }

    @Test
    void riskySector() {
        var rule = rules.get("RISKY_SECTOR");
        assertTrue(fires(rule, facts()));
        assertTrue(fires(rule, with(b -> b.sector(Sector.PRIVATE_INVESTIGATION))));
        assertFalse(fires(rule, with(b -> b.sector(Sector.AVIATION))));
    }

    @Test
    void forcedDeparture() {
        var rule = rules.get("FORCED_DEPARTURE");
        assertTrue(fires(rule, with(b -> b.departureReason("DISCIPLINARY_DISMISSAL"))));
        assertTrue(fires(rule, with(b -> b.departureReason("REORGANISATION"))));
        assertFalse(fires(rule, facts()));
        assertFalse(fires(rule, with(b -> b.departureReason("RETIREMENT"))));
    }

    @Test
    void contactDeclared() {
        var rule = rules.get("CONTACT_DECLARED");
        assertTrue(fires(rule, with(b -> b.contact(true))));
        assertFalse(fires(rule, facts()));
    }

    @Test
    void contactInSensitiveSector() {
        var rule = rules.get("CONTACT_IN_SENSITIVE_SECTOR");
        assertEquals(RiskLevel.HIGH, rule.level());
        assertTrue(fires(rule, with(b -> b.contact(true))));
        assertFalse(fires(rule, with(b -> b.contact(true).sector(Sector.AVIATION))));
    }

    @Test
    void knowledgeUsed() {
        var rule = rules.get("KNOWLEDGE_USED");
        assertTrue(fires(rule, with(b -> b.knowledge(true))));
        assertFalse(fires(rule, facts()));
    }

    @Test
    void lateDeclaration() {
        var rule = rules.get("LATE_DECLARATION");
        assertEquals(RiskLevel.HIGH, rule.level());
        var late = RiskAssessor.assess(List.of(rule), with(b -> b.startDate(LocalDate.of(2026, 11, 1))));
        assertEquals(
                "De activiteit begon op 1 november 2026, voordat u haar meldde.",
                late.reasons().get(0).textNl());
        assertEquals(
                "The activity started on 1 November 2026, before you declared it.",
                late.reasons().get(0).textEn());
        assertFalse(fires(rule, facts()));
    }

    @Test
    void repeatedChanges() {
        var rule = rules.get("REPEATED_CHANGES");
        assertTrue(fires(rule, with(b -> b.version(3))));
        assertFalse(fires(rule, with(b -> b.version(2))));
    }

    @Test
    void allRulesTogether_aCriticalFunctionWithContactInASensitiveSectorIsCritical() {
        var all = List.copyOf(rules.values());
        var assessment = RiskAssessor.assess(
                all, with(b -> b.functionRisk(RiskLevel.CRITICAL).contact(true)));
        assertEquals(RiskLevel.CRITICAL, assessment.level());
        assertEquals(
                "SENSITIVE_SECTOR_CRITICAL_FUNCTION",
                assessment.reasons().get(0).code());
        assertEquals(
                RiskLevel.LOW,
                RiskAssessor.assess(all, with(b -> b.window(null, null).sector(Sector.AVIATION)))
                        .level(),
                "outside any window, in an ordinary sector: nothing to report");
    }
}
