package nl.integrity.declaration.review;

import nl.integrity.platform.problem.ProblemException;

/** A decision whose parts do not fit together (outcome and conditions): 422. */
class DecisionRejected extends ProblemException {

    DecisionRejected(String slug, String detail) {
        super(422, slug, "Decision not possible", detail);
    }
}
