package nl.integrity.declaration.declaration;

/** What can be done to a declaration; {@link DeclarationStatus#allows} says when. */
enum Action {
    SUBMIT,
    UPDATE,
    WITHDRAW,
    CLAIM,
    REQUEST_INFORMATION,
    PROVIDE_INFORMATION,
    DECIDE,
    CONFIRM_DECISION
}
