package nl.integrity.notification.alert;

import nl.integrity.platform.problem.ProblemException;

/** The alert's state does not allow the action: 409. */
class AlertConflict extends ProblemException {

    AlertConflict(String action, AlertStatus status) {
        super(
                409,
                "illegal-transition",
                "Not possible in this state",
                "An alert that is " + status + " cannot be " + action);
    }
}
