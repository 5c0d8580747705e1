package nl.integrity.alumni.catalogue;

import nl.integrity.platform.problem.ProblemException;

/** A change to a retired profile. */
class FunctionProfileRetired extends ProblemException {
    FunctionProfileRetired(String code) {
        super(
                409,
                "function-profile-retired",
                "Function profile retired",
                "Function profile " + code + " is retired and takes no more changes");
    }
}

/** A change made on an outdated view of the profile. */
class StaleFunctionProfile extends ProblemException {
    StaleFunctionProfile(String code, int expected, int current) {
        super(
                409,
                "stale-version",
                "Conflicting update",
                "Function profile " + code + " is at version " + current + ", not " + expected
                        + "; reload it and apply your change again");
    }
}

/** A second profile with a code the organisation already uses. */
class DuplicateFunctionCode extends ProblemException {
    DuplicateFunctionCode(String code) {
        super(
                409,
                "duplicate-function-code",
                "Function code in use",
                "The catalogue already has a function profile with code " + code);
    }
}
