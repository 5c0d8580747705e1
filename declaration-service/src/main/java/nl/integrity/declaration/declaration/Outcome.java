package nl.integrity.declaration.declaration;

/** What the office decided about an activity. */
public enum Outcome {
    NO_OBJECTION, ALLOWED_WITH_CONDITIONS, OBJECTION
}
