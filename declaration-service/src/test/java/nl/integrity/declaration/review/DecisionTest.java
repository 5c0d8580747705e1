package nl.integrity.declaration.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import nl.integrity.platform.problem.InvalidField;
import nl.integrity.platform.web.Problem;
import org.junit.jupiter.api.Test;

/** The rules of a decision and its conditions, without a database or Quarkus. */
class DecisionTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 30);
    static final Instant NOW = Instant.parse("2026-11-30T10:00:00Z");
    static final ConditionSpec NO_LOBBYING =
            new ConditionSpec(ConditionType.NO_LOBBYING, null, null, TODAY.plusMonths(6));
    static final ConditionSpec STAND_ASIDE = new ConditionSpec(
            ConditionType.STAND_ASIDE, "Aanbestedingen van de eenheid", TODAY.plusDays(7), TODAY.plusYears(1));

    static Decision.Made make(Outcome outcome, boolean fourEyes, ConditionSpec... conditions) {
        return Decision.make(
                UUID.randomUUID(),
                2,
                outcome,
                "Onderbouwing",
                "officer.politie",
                fourEyes,
                NOW,
                TODAY,
                List.of(conditions));
    }

    @Test
    void aDecisionInForceAtOnce_hasActiveConditions_startingTodayUnlessSaidOtherwise() {
        var made = make(Outcome.ALLOWED_WITH_CONDITIONS, false, NO_LOBBYING, STAND_ASIDE);
        assertEquals(Decision.Status.IN_FORCE, made.decision().status());
        assertEquals(2, made.decision().versionNumber());
        assertEquals(
                List.of(ImposedCondition.Status.ACTIVE, ImposedCondition.Status.ACTIVE),
                made.conditions().stream().map(ImposedCondition::status).toList());
        assertEquals(TODAY, made.conditions().get(0).startsOn());
        assertEquals(TODAY.plusDays(7), made.conditions().get(1).startsOn());
        assertTrue(made.conditions().stream()
                .allMatch(c -> c.decisionId().equals(made.decision().id())
                        && c.declarationId().equals(made.decision().declarationId())));
    }

    @Test
    void underFourEyes_theDecisionAndItsConditionsAreOnlyProposed_untilConfirmed() {
        var made = make(Outcome.ALLOWED_WITH_CONDITIONS, true, NO_LOBBYING);
        Decision proposal = made.decision();
        assertEquals(Decision.Status.PROPOSED, proposal.status());
        assertEquals(ImposedCondition.Status.PROPOSED, made.conditions().get(0).status());

        proposal.confirm("officer2.politie", NOW.plusSeconds(60));
        proposal.takeForce(made.conditions());
        assertEquals(Decision.Status.IN_FORCE, proposal.status());
        assertEquals("officer2.politie", proposal.confirmedBy());
        assertEquals(ImposedCondition.Status.ACTIVE, made.conditions().get(0).status());
        assertThrows(IllegalStateException.class, () -> proposal.confirm("officer3.politie", NOW));
    }

    @Test
    void aReturnedProposal_neverApplies_norDoItsConditions() {
        var made = make(Outcome.ALLOWED_WITH_CONDITIONS, true, NO_LOBBYING, STAND_ASIDE);
        made.decision().returnToReview(made.conditions());
        assertEquals(Decision.Status.RETURNED, made.decision().status());
        assertTrue(made.conditions().stream().allMatch(c -> c.status() == ImposedCondition.Status.VOID));
        assertThrows(IllegalStateException.class, () -> made.decision().takeForce(made.conditions()));
        assertThrows(IllegalStateException.class, () -> made.decision().returnToReview(made.conditions()));
    }

    @Test
    void aSupersededDecision_endsItsActiveConditionsToday_andLeavesEndedOnesAlone() {
        var made = make(Outcome.ALLOWED_WITH_CONDITIONS, false, NO_LOBBYING, STAND_ASIDE);
        ImposedCondition expired = made.conditions().get(0);
        expired.end(TODAY.minusDays(1), ImposedCondition.EndReason.EXPIRED);

        List<ImposedCondition> ended = made.decision().supersede(TODAY, made.conditions());
        assertEquals(Decision.Status.SUPERSEDED, made.decision().status());
        assertEquals(List.of(made.conditions().get(1)), ended);
        assertEquals(ImposedCondition.EndReason.SUPERSEDED, ended.get(0).endReason());
        assertEquals(TODAY, ended.get(0).endedOn());
        assertEquals(ImposedCondition.EndReason.EXPIRED, expired.endReason(), "an ended condition keeps its end");
        assertThrows(IllegalStateException.class, () -> made.decision().supersede(TODAY, made.conditions()));
    }

    @Test
    void withdrawingTheDeclaration_returnsAProposal_endsADecisionInForce_andLeavesPastOnesAlone() {
        var proposed = make(Outcome.ALLOWED_WITH_CONDITIONS, true, NO_LOBBYING);
        assertEquals(List.of(), proposed.decision().withdraw(TODAY, proposed.conditions()));
        assertEquals(Decision.Status.RETURNED, proposed.decision().status());
        assertEquals(ImposedCondition.Status.VOID, proposed.conditions().get(0).status());

        var inForce = make(Outcome.ALLOWED_WITH_CONDITIONS, false, NO_LOBBYING);
        List<ImposedCondition> ended = inForce.decision().withdraw(TODAY, inForce.conditions());
        assertEquals(Decision.Status.WITHDRAWN, inForce.decision().status());
        assertEquals(1, ended.size());
        assertEquals(ImposedCondition.EndReason.WITHDRAWN, ended.get(0).endReason());

        var superseded = make(Outcome.NO_OBJECTION, false);
        superseded.decision().supersede(TODAY, superseded.conditions());
        assertEquals(List.of(), superseded.decision().withdraw(TODAY, superseded.conditions()));
        assertEquals(Decision.Status.SUPERSEDED, superseded.decision().status());
    }

    @Test
    void conditionsBelongToAllowedWithConditions_only_andItNeedsOne() {
        var missing = assertThrows(DecisionRejected.class, () -> make(Outcome.ALLOWED_WITH_CONDITIONS, false));
        assertEquals("conditions-required", missing.typeSlug());
        var extra = assertThrows(DecisionRejected.class, () -> make(Outcome.OBJECTION, false, NO_LOBBYING));
        assertEquals("conditions-not-allowed", extra.typeSlug());
    }

    @Test
    void everyConditionEndsByItself_afterTodayAndNotBeforeItStarts_andNamesItsMattersWhereItsKindNeedsThem() {
        var invalid = assertThrows(
                InvalidField.class,
                () -> make(
                        Outcome.ALLOWED_WITH_CONDITIONS,
                        false,
                        new ConditionSpec(ConditionType.NO_LOBBYING, null, null, null),
                        new ConditionSpec(ConditionType.NO_LOBBYING, null, null, TODAY),
                        new ConditionSpec(ConditionType.NO_LOBBYING, null, TODAY.plusDays(10), TODAY.plusDays(5)),
                        new ConditionSpec(ConditionType.STAND_ASIDE, " ", null, TODAY.plusDays(5)),
                        NO_LOBBYING));
        assertEquals(
                List.of(
                        "conditions[0].endsOn",
                        "conditions[1].endsOn",
                        "conditions[2].endsOn",
                        "conditions[3].details"),
                invalid.errors().stream().map(Problem.FieldError::field).toList());
        assertNull(NO_LOBBYING.problems("c", TODAY).stream().findFirst().orElse(null));
    }
}
