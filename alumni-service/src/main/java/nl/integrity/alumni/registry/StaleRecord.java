package nl.integrity.alumni.registry;

import java.util.UUID;
import nl.integrity.platform.problem.ProblemException;

/** A change made on an outdated copy of the record. */
class StaleRecord extends ProblemException {

    StaleRecord(UUID id, long expected, long current) {
        super(
                409,
                "stale-version",
                "Conflicting update",
                "Record " + id + " is at version " + current + ", not " + expected
                        + "; reload it and apply your change again");
    }
}
