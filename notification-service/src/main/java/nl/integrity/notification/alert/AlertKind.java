package nl.integrity.notification.alert;

public enum AlertKind {
    /** An alumnus declared a new activity: the office reviews it. */
    DECLARATION_SUBMITTED
}
