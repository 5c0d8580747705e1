package nl.integrity.declaration.risk;

import nl.integrity.platform.problem.ProblemException;

/** A change made on an outdated view of the rule: 409. */
class StaleRule extends ProblemException {

    StaleRule(String code, int expected, int current) {
        super(
                409,
                "stale-version",
                "Conflicting update",
                "Risk rule " + code + " is at revision " + current + ", not " + expected
                        + "; reload it and apply your change again");
    }
}
