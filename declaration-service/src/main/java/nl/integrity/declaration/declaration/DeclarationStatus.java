package nl.integrity.declaration.declaration;

import static nl.integrity.declaration.declaration.Action.CLAIM;
import static nl.integrity.declaration.declaration.Action.CONFIRM_DECISION;
import static nl.integrity.declaration.declaration.Action.DECIDE;
import static nl.integrity.declaration.declaration.Action.PROVIDE_INFORMATION;
import static nl.integrity.declaration.declaration.Action.REQUEST_INFORMATION;
import static nl.integrity.declaration.declaration.Action.SUBMIT;
import static nl.integrity.declaration.declaration.Action.UPDATE;
import static nl.integrity.declaration.declaration.Action.WITHDRAW;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a declaration is in its review, and which actions each state allows. Anything else is
 * an {@link IllegalTransition}.
 *
 * <pre>
 * DRAFT --submit--> SUBMITTED --claim--> UNDER_REVIEW --request information--> INFORMATION_REQUESTED
 *                       |                    |  ^------------provide information--------'
 *                       '------decide--------+--decide--> DECIDED  (or AWAITING_CONFIRMATION when four eyes apply)
 * update after a decision: back to SUBMITTED; withdraw: from any state but WITHDRAWN
 * </pre>
 */
public enum DeclarationStatus {
    DRAFT(EnumSet.of(SUBMIT, UPDATE, WITHDRAW)),
    SUBMITTED(EnumSet.of(UPDATE, WITHDRAW, CLAIM, REQUEST_INFORMATION, DECIDE)),
    UNDER_REVIEW(EnumSet.of(UPDATE, WITHDRAW, CLAIM, REQUEST_INFORMATION, DECIDE)),
    INFORMATION_REQUESTED(EnumSet.of(UPDATE, WITHDRAW, CLAIM, PROVIDE_INFORMATION, DECIDE)),
    AWAITING_CONFIRMATION(EnumSet.of(UPDATE, WITHDRAW, CONFIRM_DECISION)),
    DECIDED(EnumSet.of(UPDATE, WITHDRAW)),
    WITHDRAWN(EnumSet.noneOf(Action.class));

    /** States in which the office owes a decision (the review queue's default). */
    public static final Set<DeclarationStatus> OPEN =
            EnumSet.of(SUBMITTED, UNDER_REVIEW, INFORMATION_REQUESTED, AWAITING_CONFIRMATION);

    private final Set<Action> allowed;

    DeclarationStatus(Set<Action> allowed) {
        this.allowed = allowed;
    }

    public boolean allows(Action action) {
        return allowed.contains(action);
    }
}
