package nl.integrity.declaration.review;

/** What the office decided about an activity. */
public enum Outcome {
    NO_OBJECTION,
    ALLOWED_WITH_CONDITIONS,
    OBJECTION
}
