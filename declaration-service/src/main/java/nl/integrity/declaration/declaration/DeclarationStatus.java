package nl.integrity.declaration.declaration;

/** Where a declaration is in its review. The walking skeleton knows only the first state. */
public enum DeclarationStatus {
    SUBMITTED
}
