package nl.integrity.declaration.audit;

import java.util.List;
import nl.integrity.platform.problem.InvalidField;

/**
 * Why a member of staff opens a declaration (purpose limitation, AVG/GDPR art. 5): the same
 * purposes as a read of the alumnus' record in alumni-service, so the trails of both read alike.
 */
public enum Purpose {
    DECLARATION_REVIEW,
    ALERT_FOLLOW_UP,
    EXIT_INTERVIEW,
    OBLIGATION_MONITORING,
    DATA_SUBJECT_REQUEST,
    AUDIT;

    /** The purpose a member of staff names; a missing or unknown one is a 400 listing the choices. */
    public static Purpose of(String parameter) {
        Purpose purpose = InvalidField.enumValue("purpose", Purpose.class, parameter);
        if (purpose == null) {
            throw new InvalidField("purpose", "state why you open this declaration: one of " + List.of(values()));
        }
        return purpose;
    }
}
