package nl.integrity.alumni.exitinterview;

/** The checklist of an exit interview: what the office discusses with a leaver. */
public enum InterviewTopic {
    /** The obligation to declare, its period and why. */
    OBLIGATION_TO_DECLARE,
    /** How to declare, and the speculative declaration. */
    HOW_TO_DECLARE,
    /** Sectors and employers that are sensitive for the functions held. */
    SENSITIVE_SECTORS,
    /** Confidentiality of what was learned in the function, which outlasts the employment. */
    CONFIDENTIALITY,
    /** Contact with former colleagues and units on behalf of a new employer. */
    CONTACT_WITH_FORMER_COLLEAGUES,
    /** The post-employment agreements attached to the departure. */
    AGREEMENTS,
    /** Why the person leaves, and what the organisation can learn from it. */
    REASONS_FOR_LEAVING,
    /** How the person is doing, and help after leaving (aftercare). */
    WELLBEING_AND_AFTERCARE
}
