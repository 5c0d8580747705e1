package nl.integrity.declaration.declaration;

import nl.integrity.platform.problem.ProblemException;

/** The caller's departure is not (yet) known here, so there is no record to declare against. */
class AlumnusNotRegistered extends ProblemException {

    AlumnusNotRegistered(String organisation, String personnelNumber) {
        super(
                422,
                "alumnus-not-registered",
                "Departure not registered",
                "No departure is registered for personnel number " + personnelNumber + " of " + organisation
                        + "; the HR system registers it, after which declarations can be made");
    }
}
