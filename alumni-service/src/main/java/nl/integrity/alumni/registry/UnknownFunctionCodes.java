package nl.integrity.alumni.registry;

import java.util.Set;
import nl.integrity.alumni.catalogue.Organisation;
import nl.integrity.platform.problem.ProblemException;

/** HR reported functions the organisation's risk catalogue does not know: no window could be computed. */
class UnknownFunctionCodes extends ProblemException {

    UnknownFunctionCodes(Organisation organisation, Set<String> codes) {
        super(
                422,
                "unknown-function-code",
                "Unknown function",
                "The function catalogue of " + organisation + " has no profile for " + String.join(", ", codes)
                        + "; add it to the catalogue first");
    }
}
