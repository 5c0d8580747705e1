package nl.integrity.declaration.declaration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import nl.integrity.declaration.Fixtures;
import nl.integrity.declaration.review.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The declaration's state machine, without a database: every action in every state. */
class DeclarationStateMachineTest {

    static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    static final LocalDate DUE = LocalDate.of(2027, 1, 14);

    static Declaration inState(DeclarationStatus status) {
        var d = Declaration.draft(UUID.randomUUID(), "POLITIE", Fixtures.activity("Data BV"), NOW);
        switch (status) {
            case DRAFT -> {}
            case SUBMITTED -> d.submit(NOW, DUE);
            case UNDER_REVIEW -> {
                d.submit(NOW, DUE);
                d.claim("officer.politie");
            }
            case INFORMATION_REQUESTED -> {
                d.submit(NOW, DUE);
                d.requestInformation("officer.politie");
            }
            case AWAITING_CONFIRMATION -> {
                d.submit(NOW, DUE);
                d.decide("officer.politie", Outcome.NO_OBJECTION, true, NOW);
            }
            case DECIDED -> {
                d.submit(NOW, DUE);
                d.decide("officer.politie", Outcome.NO_OBJECTION, false, NOW);
            }
            case WITHDRAWN -> d.withdraw(NOW);
        }
        assertEquals(status, d.status());
        return d;
    }

    static Consumer<Declaration> perform(Action action) {
        return switch (action) {
            case SUBMIT -> d -> d.submit(NOW, DUE);
            case UPDATE -> d -> d.revise(Fixtures.activity("Other BV"), NOW, DUE);
            case WITHDRAW -> d -> d.withdraw(NOW);
            case CLAIM -> d -> d.claim("officer.politie");
            case REQUEST_INFORMATION -> d -> d.requestInformation("officer.politie");
            case PROVIDE_INFORMATION -> Declaration::provideInformation;
            case DECIDE -> d -> d.decide("officer.politie", Outcome.OBJECTION, false, NOW);
            case CONFIRM_DECISION ->
                d -> d.confirm("officer2.politie", "officer.politie", true, Outcome.OBJECTION, NOW);
        };
    }

    @ParameterizedTest
    @EnumSource(DeclarationStatus.class)
    void everyActionTheStateDoesNotAllow_isANamedConflictAndChangesNothing(DeclarationStatus status) {
        Set<Action> refused = EnumSet.allOf(Action.class);
        refused.removeIf(status::allows);
        for (Action action : refused) {
            var d = inState(status);
            var e = assertThrows(IllegalTransition.class, () -> perform(action).accept(d), action + " in " + status);
            assertEquals(409, e.status());
            assertEquals("illegal-transition", e.typeSlug());
            assertEquals(status, d.status(), "unchanged after refused " + action);
        }
    }

    @ParameterizedTest
    @EnumSource(DeclarationStatus.class)
    void everyActionTheStateAllows_succeeds(DeclarationStatus status) {
        for (Action action : Action.values()) {
            if (status.allows(action)) {
                var d = inState(status);
                perform(action).accept(d);
            }
        }
    }

    @Test
    void withdrawnAllowsNothing() {
        for (Action action : Action.values()) {
            assertTrue(!DeclarationStatus.WITHDRAWN.allows(action));
        }
    }

    @Test
    void changeAfterDecision_isANewVersionBackInReviewWithANewDueDate() {
        var d = inState(DeclarationStatus.DECIDED);
        LocalDate newDue = DUE.plusMonths(1);
        boolean newVersion = d.revise(Fixtures.activity("Changed BV"), NOW.plusSeconds(60), newDue);
        assertTrue(newVersion);
        assertEquals(2, d.currentVersion());
        assertEquals(DeclarationStatus.UNDER_REVIEW, d.status(), "the officer who decided keeps it");
        assertNull(d.outcome());
        assertEquals(newDue, d.dueDate());
    }

    @Test
    void changeOfADraft_editsItInPlace() {
        var d = inState(DeclarationStatus.DRAFT);
        assertEquals(false, d.revise(Fixtures.activity("Changed BV"), NOW, DUE));
        assertEquals(1, d.currentVersion());
        assertEquals("Changed BV", d.activity().employerName());
    }

    @Test
    void anotherOfficersReview_cannotBeAnsweredOrDecidedUntilClaimed() {
        var d = inState(DeclarationStatus.UNDER_REVIEW);
        var e = assertThrows(
                ReviewConflict.class, () -> d.decide("officer2.politie", Outcome.NO_OBJECTION, false, NOW));
        assertEquals("claimed-by-other", e.typeSlug());
        assertThrows(ReviewConflict.class, () -> d.requestInformation("officer2.politie"));
        d.claim("officer2.politie");
        d.decide("officer2.politie", Outcome.NO_OBJECTION, false, NOW);
        assertEquals(DeclarationStatus.DECIDED, d.status());
    }

    @Test
    void fourEyes_theProposerCannotConfirmTheirOwnDecision() {
        var d = inState(DeclarationStatus.AWAITING_CONFIRMATION);
        var e = assertThrows(
                ReviewConflict.class,
                () -> d.confirm("officer.politie", "officer.politie", true, Outcome.NO_OBJECTION, NOW));
        assertEquals("four-eyes", e.typeSlug());
        assertEquals(DeclarationStatus.AWAITING_CONFIRMATION, d.status());

        d.confirm("officer2.politie", "officer.politie", true, Outcome.NO_OBJECTION, NOW);
        assertEquals(DeclarationStatus.DECIDED, d.status());
        assertEquals(Outcome.NO_OBJECTION, d.outcome());
    }

    @Test
    void fourEyes_aReturnedProposalIsUnderReviewAgain() {
        var d = inState(DeclarationStatus.AWAITING_CONFIRMATION);
        d.confirm("officer2.politie", "officer.politie", false, Outcome.NO_OBJECTION, NOW);
        assertEquals(DeclarationStatus.UNDER_REVIEW, d.status());
        assertNull(d.outcome());
    }

    @Test
    void answeringAQuestion_returnsTheDeclarationToItsReviewer() {
        var d = inState(DeclarationStatus.INFORMATION_REQUESTED);
        d.provideInformation();
        assertEquals(DeclarationStatus.UNDER_REVIEW, d.status());
        assertEquals("officer.politie", d.assignee());
    }
}
