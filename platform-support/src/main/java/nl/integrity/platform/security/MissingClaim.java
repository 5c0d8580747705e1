package nl.integrity.platform.security;

import nl.integrity.platform.problem.ProblemException;

/** The token lacks a claim the operation needs, e.g. an officer account without an organisation. */
public class MissingClaim extends ProblemException {

    public MissingClaim(String claim) {
        super(
                403,
                "missing-claim",
                "Account not linked",
                "Your account has no '" + claim + "' attribute; ask an administrator to link it");
    }
}
