package nl.integrity.notification.alert;

/** Why an office must look at something; each raised by one kind of event (see docs/events.md). */
public enum AlertKind {
    /** An alumnus declared a new activity, or changed one: the office reviews it. */
    DECLARATION_SUBMITTED,
    /** The assessment of a declaration version came out high or critical. */
    HIGH_RISK,
    /** The activity started before it was declared. */
    LATE_DECLARATION,
    /** An alumnus inside the obligation window has declared nothing (a reminder went out). */
    DECLARATION_MISSING,
    /** The alumnus answered the office's question. */
    INFORMATION_RECEIVED,
    /** A decision falls due within a few working days. */
    DECISION_DUE_SOON,
    /** A decision is overdue. */
    DECISION_OVERDUE,
    /** A webhook subscription failed for so long that it was disabled. */
    WEBHOOK_DISABLED,
    /** An aftercare contact moment with a former employee has come: the office gets in touch. */
    AFTERCARE_CONTACT_DUE,
    /** An aftercare contact moment passed its grace period without being recorded. */
    AFTERCARE_CONTACT_MISSED
}
