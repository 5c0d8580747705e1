package nl.integrity.alumni.audit;

import nl.integrity.platform.problem.InvalidField;

/**
 * Why a member of staff, or a system, looks at a person's record (purpose limitation, AVG/GDPR
 * art. 5). {@link #REGISTRATION_CHECK} is the HR system reading back a record it registered; staff
 * name one of the others.
 */
public enum Purpose {
    DECLARATION_REVIEW,
    ALERT_FOLLOW_UP,
    EXIT_INTERVIEW,
    OBLIGATION_MONITORING,
    DATA_SUBJECT_REQUEST,
    AUDIT,
    REGISTRATION_CHECK;

    /** The purposes staff can state. */
    static final java.util.List<Purpose> STAFF = java.util.List.of(
            DECLARATION_REVIEW, ALERT_FOLLOW_UP, EXIT_INTERVIEW, OBLIGATION_MONITORING, DATA_SUBJECT_REQUEST, AUDIT);

    /** The purpose an audit entry names, or null for entries without one (writes, list views). */
    public static Purpose ofEntry(String stored) {
        return stored == null ? null : valueOf(stored);
    }

    /** The purpose a member of staff names; a missing or unknown one is a 400 listing the choices. */
    public static Purpose of(String parameter) {
        Purpose purpose = InvalidField.enumValue("purpose", Purpose.class, parameter);
        if (purpose == null || !STAFF.contains(purpose)) {
            throw new InvalidField("purpose", "state why you access this record: one of " + STAFF);
        }
        return purpose;
    }
}
