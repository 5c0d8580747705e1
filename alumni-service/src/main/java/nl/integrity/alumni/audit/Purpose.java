package nl.integrity.alumni.audit;

import java.util.Arrays;
import nl.integrity.platform.problem.InvalidField;

/** Why a member of staff looks at a person's record (purpose limitation, AVG/GDPR art. 5). */
public enum Purpose {
    DECLARATION_REVIEW, ALERT_FOLLOW_UP, EXIT_INTERVIEW, OBLIGATION_MONITORING, DATA_SUBJECT_REQUEST, AUDIT;

    /** The purpose a request names; a missing or unknown one is a 400 listing the choices. */
    public static Purpose of(String parameter) {
        Purpose purpose = InvalidField.enumValue("purpose", Purpose.class, parameter);
        if (purpose == null) {
            throw new InvalidField("purpose", "state why you access this record: one of " + Arrays.toString(values()));
        }
        return purpose;
    }
}
