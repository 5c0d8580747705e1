package nl.integrity.alumni.catalogue;

import nl.integrity.platform.problem.ProblemException;

/** The organisations whose former staff the platform follows; stored as text so more can be added. */
public enum Organisation {
    POLITIE,
    KMAR;

    /** The organisation named in a token's {@code organisation} claim. */
    public static Organisation fromClaim(String claim) {
        try {
            return valueOf(claim);
        } catch (IllegalArgumentException e) {
            throw new UnknownOrganisation(claim);
        }
    }

    static class UnknownOrganisation extends ProblemException {
        UnknownOrganisation(String claim) {
            super(
                    403,
                    "unknown-organisation",
                    "Account not linked",
                    "Your account names organisation '" + claim + "', which this platform does not serve");
        }
    }
}
