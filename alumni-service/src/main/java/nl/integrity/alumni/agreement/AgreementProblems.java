package nl.integrity.alumni.agreement;

import java.util.UUID;
import nl.integrity.platform.problem.ProblemException;

/** What can go wrong with agreements and their library, as problems for the caller. */
final class AgreementProblems {

    private AgreementProblems() {}

    /** 409: the template changed since it was read. */
    static final class StaleTemplate extends ProblemException {
        StaleTemplate(String code, int seen, int current) {
            super(
                    409,
                    "stale-revision",
                    "The agreement template changed",
                    "Template " + code + " is at revision " + current + ", not " + seen + "; read it again");
        }
    }

    /** 409: a retired template takes no changes and is attached no more. */
    static final class Retired extends ProblemException {
        Retired(String code) {
            super(409, "template-retired", "Template retired", "Template " + code + " is retired");
        }
    }

    /** 409: the organisation's library has a template with this code. */
    static final class CodeTaken extends ProblemException {
        CodeTaken(String code) {
            super(409, "code-taken", "Code in use", "The library has a template with code " + code + " already");
        }
    }

    /** 409: only a proposed agreement can be accepted or withdrawn. */
    static final class NotProposed extends ProblemException {
        NotProposed(UUID id, AgreementStatus status) {
            super(
                    409,
                    "agreement-not-proposed",
                    "Agreement not open",
                    "Agreement " + id + " is " + status.name().toLowerCase() + ", not proposed");
        }
    }
}
