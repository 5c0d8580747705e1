package nl.integrity.declaration.declaration;

import nl.integrity.platform.problem.ProblemException;

/** The action is not possible in the declaration's current state: 409. */
class IllegalTransition extends ProblemException {

    IllegalTransition(Action action, DeclarationStatus status) {
        super(
                409,
                "illegal-transition",
                "Not possible in this state",
                "A declaration that is " + status + " cannot "
                        + action.name().toLowerCase().replace('_', ' '));
    }
}
