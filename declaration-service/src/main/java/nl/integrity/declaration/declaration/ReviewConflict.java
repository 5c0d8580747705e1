package nl.integrity.declaration.declaration;

import nl.integrity.platform.problem.ProblemException;

/** Review rules between officers: who may act on a declaration now. 409. */
class ReviewConflict extends ProblemException {

    private ReviewConflict(String slug, String title, String detail) {
        super(409, slug, title, detail);
    }

    static ReviewConflict claimedByOther(String assignee) {
        return new ReviewConflict(
                "claimed-by-other",
                "Claimed by another officer",
                "Officer " + assignee + " reviews this declaration; claim it first to take it over");
    }

    static ReviewConflict sameOfficer() {
        return new ReviewConflict(
                "four-eyes",
                "A second officer must confirm",
                "The decision on a declaration of this risk needs a second officer; the one who proposed it cannot confirm it");
    }
}
