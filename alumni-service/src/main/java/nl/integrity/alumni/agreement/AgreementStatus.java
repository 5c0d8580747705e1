package nl.integrity.alumni.agreement;

/** Where an attached agreement stands; an accepted one ends by itself on its end date. */
public enum AgreementStatus {
    /** Attached by the office, waiting for the leaver to accept it. */
    PROPOSED,
    /** Accepted by the leaver: part of their record, binding from its start to its end date. */
    ACCEPTED,
    /** Taken back by the office before it was accepted. */
    WITHDRAWN
}
