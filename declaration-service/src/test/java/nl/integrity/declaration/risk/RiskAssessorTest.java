package nl.integrity.declaration.risk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import nl.integrity.declaration.risk.RuleCondition.Kind;
import org.junit.jupiter.api.Test;

/** Each kind of rule condition, and how the assessor combines matched rules. */
class RiskAssessorTest {

    static final LocalDate TODAY = LocalDate.of(2026, 12, 1);

    /** A Politie detective (high risk, window until 2028) moving to private security, paid, from 1 Feb 2027. */
    static AssessmentFacts facts() {
        return new AssessmentFacts(
                "REC-DIG",
                RiskLevel.HIGH,
                "INVESTIGATION",
                Set.of("PRIVATE_SECURITY", "ICT"),
                LocalDate.of(2026, 6, 30),
                LocalDate.of(2028, 6, 30),
                "VOLUNTARY",
                Sector.PRIVATE_SECURITY,
                LocalDate.of(2027, 2, 1),
                TODAY,
                false,
                false,
                false,
                1,
                List.of());
    }

    static AssessmentFacts with(java.util.function.UnaryOperator<Builder> change) {
        return change.apply(new Builder(facts())).build();
    }

    static RuleCondition c(Kind kind) {
        return new RuleCondition(kind, null, null, null);
    }

    static RiskRule rule(String code, RiskLevel level, RuleCondition... conditions) {
        return rule(
                code,
                level,
                "NL {sector} {functionCode} {windowEnd}",
                "EN {sector} {functionRisk} v{versionNumber}",
                true,
                conditions);
    }

    /** A rule at its third revision. */
    static RiskRule rule(
            String code, RiskLevel level, String textNl, String textEn, boolean enabled, RuleCondition... conditions) {
        var r = RiskRule.create("POLITIE", code);
        for (int revision = 0; revision < 3; revision++) {
            r.change(revision, level, List.of(conditions), textNl, textEn, enabled, "admin", Instant.EPOCH);
        }
        return r;
    }

    @Test
    void functionRiskAtLeast() {
        var highOrMore = new RuleCondition(Kind.FUNCTION_RISK_AT_LEAST, RiskLevel.HIGH, null, null);
        assertTrue(highOrMore.holdsFor(facts()));
        assertFalse(highOrMore.holdsFor(with(b -> b.functionRisk(RiskLevel.MEDIUM))));
        assertFalse(highOrMore.holdsFor(with(b -> b.functionRisk(null))), "unknown function risk is no risk found");
        assertTrue(new RuleCondition(Kind.FUNCTION_RISK_AT_LEAST, RiskLevel.CRITICAL, null, null)
                .holdsFor(with(b -> b.functionRisk(RiskLevel.CRITICAL))));
    }

    @Test
    void sectorSensitiveForFunction() {
        assertTrue(c(Kind.SECTOR_SENSITIVE_FOR_FUNCTION).holdsFor(facts()));
        assertFalse(c(Kind.SECTOR_SENSITIVE_FOR_FUNCTION).holdsFor(with(b -> b.sector(Sector.HOSPITALITY))));
    }

    @Test
    void sectorIn() {
        var cond = new RuleCondition(Kind.SECTOR_IN, null, List.of("ICT", "PRIVATE_SECURITY"), null);
        assertTrue(cond.holdsFor(facts()));
        assertFalse(cond.holdsFor(with(b -> b.sector(Sector.AVIATION))));
    }

    @Test
    void functionGroupIn() {
        var cond = new RuleCondition(Kind.FUNCTION_GROUP_IN, null, List.of("INVESTIGATION"), null);
        assertTrue(cond.holdsFor(facts()));
        assertFalse(cond.holdsFor(with(b -> b.functionGroup("SUPPORT"))));
        assertFalse(cond.holdsFor(with(b -> b.functionGroup(null))));
    }

    @Test
    void startsInWindow_fromTheFirstDayUpToButNotIncludingTheEnd() {
        assertTrue(c(Kind.STARTS_IN_WINDOW).holdsFor(facts()));
        assertTrue(c(Kind.STARTS_IN_WINDOW).holdsFor(with(b -> b.startDate(LocalDate.of(2026, 6, 30)))));
        assertFalse(c(Kind.STARTS_IN_WINDOW).holdsFor(with(b -> b.startDate(LocalDate.of(2028, 6, 30)))));
        assertFalse(c(Kind.STARTS_IN_WINDOW).holdsFor(with(b -> b.window(null, null))), "no window, no obligation");
        assertTrue(c(Kind.STARTS_IN_WINDOW).holdsFor(with(b -> b.startDate(null))), "speculative: judged on today");
    }

    @Test
    void departureReasonIn() {
        var forced = new RuleCondition(Kind.DEPARTURE_REASON_IN, null, List.of("DISCIPLINARY_DISMISSAL"), null);
        assertFalse(forced.holdsFor(facts()));
        assertTrue(forced.holdsFor(with(b -> b.departureReason("DISCIPLINARY_DISMISSAL"))));
    }

    @Test
    void declaredContactKnowledgeAndSelfEmployment() {
        assertFalse(c(Kind.CONTACT_WITH_FORMER_ORGANISATION).holdsFor(facts()));
        assertTrue(c(Kind.CONTACT_WITH_FORMER_ORGANISATION).holdsFor(with(b -> b.contact(true))));
        assertFalse(c(Kind.USES_KNOWLEDGE_OR_CONTACTS).holdsFor(facts()));
        assertTrue(c(Kind.USES_KNOWLEDGE_OR_CONTACTS).holdsFor(with(b -> b.knowledge(true))));
        assertFalse(c(Kind.SELF_EMPLOYED).holdsFor(facts()));
        assertTrue(c(Kind.SELF_EMPLOYED).holdsFor(with(b -> b.selfEmployed(true))));
    }

    @Test
    void lateDeclaration_whenTheActivityStartedBeforeTheDayItWasDeclared() {
        assertFalse(c(Kind.LATE_DECLARATION).holdsFor(facts()));
        assertFalse(c(Kind.LATE_DECLARATION).holdsFor(with(b -> b.startDate(TODAY))), "starting today is in time");
        assertTrue(c(Kind.LATE_DECLARATION).holdsFor(with(b -> b.startDate(TODAY.minusDays(1)))));
        assertFalse(c(Kind.LATE_DECLARATION).holdsFor(with(b -> b.startDate(null))));
    }

    @Test
    void versionAtLeast() {
        var third = new RuleCondition(Kind.VERSION_AT_LEAST, null, null, 3);
        assertFalse(third.holdsFor(with(b -> b.version(2))));
        assertTrue(third.holdsFor(with(b -> b.version(3))));
    }

    @Test
    void assessment_isTheHighestLevelOfTheMatchedRulesWithTheirReasonsHighestFirst() {
        var rules = List.of(
                rule("B_MEDIUM", RiskLevel.MEDIUM, c(Kind.STARTS_IN_WINDOW)),
                rule("A_HIGH", RiskLevel.HIGH, c(Kind.SECTOR_SENSITIVE_FOR_FUNCTION), c(Kind.STARTS_IN_WINDOW)),
                rule("C_NOT_MATCHED", RiskLevel.CRITICAL, c(Kind.LATE_DECLARATION)),
                rule("A_MEDIUM", RiskLevel.MEDIUM, c(Kind.SECTOR_SENSITIVE_FOR_FUNCTION)));
        var assessment = RiskAssessor.assess(rules, facts());
        assertEquals(RiskLevel.HIGH, assessment.level());
        assertEquals(
                List.of("A_HIGH", "A_MEDIUM", "B_MEDIUM"),
                assessment.reasons().stream().map(RiskReason::code).toList());
        var first = assessment.reasons().get(0);
        assertEquals("NL beveiliging REC-DIG 30 juni 2028", first.textNl());
        assertEquals("EN private security high v1", first.textEn());
        assertEquals(3, first.ruleRevision());
        var reversed = new java.util.ArrayList<>(rules);
        java.util.Collections.reverse(reversed);
        assertEquals(assessment, RiskAssessor.assess(reversed, facts()), "deterministic whatever the rule order");
    }

    @Test
    void noMatchedRule_isLowWithoutReasons() {
        var assessment = RiskAssessor.assess(List.of(rule("LATE", RiskLevel.HIGH, c(Kind.LATE_DECLARATION))), facts());
        assertEquals(RiskLevel.LOW, assessment.level());
        assertEquals(List.of(), assessment.reasons());
    }

    @Test
    void aDisabledRuleNeverMatches() {
        var r = rule("OFF", RiskLevel.CRITICAL, "NL", "EN", false, c(Kind.STARTS_IN_WINDOW));
        assertEquals(RiskLevel.LOW, RiskAssessor.assess(List.of(r), facts()).level());
    }

    @Test
    void conditionParameters_areChecked() {
        assertEquals(List.of("c.level"), fields(new RuleCondition(Kind.FUNCTION_RISK_AT_LEAST, null, null, null)));
        assertEquals(
                List.of("c.values"), fields(new RuleCondition(Kind.SECTOR_IN, null, List.of("MOON_MINING"), null)));
        assertEquals(List.of("c.values"), fields(new RuleCondition(Kind.DEPARTURE_REASON_IN, null, List.of(), null)));
        assertEquals(List.of("c.count"), fields(new RuleCondition(Kind.VERSION_AT_LEAST, null, null, 1)));
        assertEquals(List.of("c.kind"), fields(new RuleCondition(null, null, null, null)));
        assertEquals(List.of(), fields(new RuleCondition(Kind.FUNCTION_GROUP_IN, null, List.of("ICT"), null)));
    }

    private static List<String> fields(RuleCondition condition) {
        return condition.problems("c").stream().map(e -> e.field()).toList();
    }

    /** Changes one fact at a time. */
    static final class Builder {
        private String functionCode;
        private RiskLevel functionRisk;
        private String functionGroup;
        private Set<String> sensitive;
        private LocalDate windowStart;
        private LocalDate windowEnd;
        private String departureReason;
        private Sector sector;
        private LocalDate startDate;
        private LocalDate declaredOn;
        private boolean contact;
        private boolean knowledge;
        private boolean selfEmployed;
        private int version;
        private List<AgreementInForce> agreements;

        Builder(AssessmentFacts f) {
            functionCode = f.functionCode();
            functionRisk = f.functionRisk();
            functionGroup = f.functionGroup();
            sensitive = f.sensitiveSectors();
            windowStart = f.windowStart();
            windowEnd = f.windowEnd();
            departureReason = f.departureReason();
            sector = f.sector();
            startDate = f.startDate();
            declaredOn = f.declaredOn();
            contact = f.expectsContact();
            knowledge = f.usesKnowledge();
            selfEmployed = f.selfEmployed();
            version = f.versionNumber();
            agreements = f.agreements();
        }

        Builder agreements(AgreementInForce... v) {
            agreements = List.of(v);
            return this;
        }

        Builder functionRisk(RiskLevel v) {
            functionRisk = v;
            return this;
        }

        Builder functionGroup(String v) {
            functionGroup = v;
            return this;
        }

        Builder window(LocalDate start, LocalDate end) {
            windowStart = start;
            windowEnd = end;
            return this;
        }

        Builder departureReason(String v) {
            departureReason = v;
            return this;
        }

        Builder sector(Sector v) {
            sector = v;
            return this;
        }

        Builder startDate(LocalDate v) {
            startDate = v;
            return this;
        }

        Builder contact(boolean v) {
            contact = v;
            return this;
        }

        Builder knowledge(boolean v) {
            knowledge = v;
            return this;
        }

        Builder selfEmployed(boolean v) {
            selfEmployed = v;
            return this;
        }

        Builder version(int v) {
            version = v;
            return this;
        }

        AssessmentFacts build() {
            return new AssessmentFacts(
                    functionCode,
                    functionRisk,
                    functionGroup,
                    sensitive,
                    windowStart,
                    windowEnd,
                    departureReason,
                    sector,
                    startDate,
                    declaredOn,
                    contact,
                    knowledge,
                    selfEmployed,
                    version,
                    agreements);
        }
    }

    @Test
    void reasonsNameTheFactsInTheWordsOfTheirLanguage_notInCodes() {
        String text = "{sector}|{functionGroup}|{departureReason}|{startDate}|{functionRisk}|{functionCode}";
        var rule = rule("WORDS", RiskLevel.MEDIUM, text, text, true, c(Kind.STARTS_IN_WINDOW));
        var reason = RiskAssessor.assess(List.of(rule), with(b -> b.departureReason("DISCIPLINARY_DISMISSAL")))
                .reasons()
                .get(0);
        assertEquals("beveiliging|opsporing|strafontslag|1 februari 2027|hoog|REC-DIG", reason.textNl());
        assertEquals(
                "private security|investigation|disciplinary dismissal|1 February 2027|high|REC-DIG", reason.textEn());

        var unknown = RiskAssessor.assess(
                        List.of(rule), with(b -> b.functionGroup("NEW_GROUP").functionRisk(null)))
                .reasons()
                .get(0);
        assertEquals(
                "beveiliging|NEW_GROUP|vrijwillig|1 februari 2027|-|REC-DIG",
                unknown.textNl(),
                "a code without a word yet is shown as it is; a missing fact as a dash");
    }

    static final AgreementInForce NO_SECURITY_WORK = new AgreementInForce(
            "SECTOR-AFKOEL",
            "SECTOR_COOLING_OFF",
            "Afkoelperiode voor de sector beveiliging",
            "Cooling-off period for the sector private security",
            "PRIVATE_SECURITY",
            LocalDate.of(2026, 6, 30),
            LocalDate.of(2027, 6, 30));

    static final AgreementInForce NO_CONTACT = new AgreementInForce(
            "GEEN-CONTACT",
            "NO_CONTACT",
            "Geen zakelijk contact met Team Cybercrime",
            "No business contact with Team Cybercrime",
            null,
            LocalDate.of(2026, 6, 30),
            LocalDate.of(2027, 6, 30));

    @Test
    void aDeclarationThatConflictsWithAnAcceptedAgreement_isFlaggedWithAReasonNamingIt() {
        // The activity (private security, from 2027-02-01) falls in the sector and in the period.
        var assessment = RiskAssessor.assess(List.of(), with(b -> b.agreements(NO_SECURITY_WORK, NO_CONTACT)));

        assertEquals(RiskLevel.HIGH, assessment.level());
        assertEquals(1, assessment.reasons().size(), "no contact was declared, so only the sector conflicts");
        var reason = assessment.reasons().get(0);
        assertEquals("AGREEMENT:SECTOR-AFKOEL", reason.code());
        assertEquals(
                "Strijdig met de afspraak bij vertrek \u201cAfkoelperiode voor de sector beveiliging\u201d"
                        + " (geldt tot 30 juni 2027): de activiteit valt in die sector.",
                reason.textNl());
        assertEquals(
                "Conflicts with the post-employment agreement \u201cCooling-off period for the sector private security\u201d"
                        + " (binding until 30 June 2027): the activity is in that sector.",
                reason.textEn());
    }

    @Test
    void anAgreementBindsOnlyInItsPeriod_andOnlyAgainstWhatItRulesOut() {
        assertTrue(RiskAssessor.assess(
                        List.of(), with(b -> b.agreements(NO_SECURITY_WORK).sector(Sector.ICT)))
                .reasons()
                .isEmpty());
        assertTrue(
                RiskAssessor.assess(
                                List.of(),
                                with(b -> b.agreements(NO_SECURITY_WORK).startDate(LocalDate.of(2027, 6, 30))))
                        .reasons()
                        .isEmpty(),
                "the end date is the first free day");
        assertEquals(
                List.of("AGREEMENT:GEEN-CONTACT"),
                RiskAssessor.assess(
                                List.of(), with(b -> b.agreements(NO_CONTACT).contact(true)))
                        .reasons()
                        .stream()
                        .map(RiskReason::code)
                        .toList());
        // Without a start date, the day of declaring counts.
        assertEquals(
                1,
                RiskAssessor.assess(
                                List.of(),
                                with(b -> b.agreements(NO_CONTACT).contact(true).startDate(null)))
                        .reasons()
                        .size());
    }
}
