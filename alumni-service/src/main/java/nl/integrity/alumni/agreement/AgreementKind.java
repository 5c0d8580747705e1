package nl.integrity.alumni.agreement;

/**
 * What a post-employment agreement restricts; each kind names what it is about, and tells
 * declaration-service which declared activity conflicts with it.
 */
public enum AgreementKind {
    /** No work in a named sector: conflicts with an activity in that sector. */
    SECTOR_COOLING_OFF,
    /** No business contact with a named unit or body: conflicts with an activity that expects contact. */
    NO_CONTACT,
    /** No use of knowledge of a named subject: conflicts with an activity that uses knowledge from the function. */
    KNOWLEDGE_RESTRICTION;

    /** Whether the agreement names a sector (else it names a subject in words). */
    boolean namesSector() {
        return this == SECTOR_COOLING_OFF;
    }
}
