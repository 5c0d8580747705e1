package nl.integrity.declaration.declaration;

/** A firm declaration is of an activity agreed on; a speculative one asks early advice before any offer. */
public enum DeclarationKind {
    SPECULATIVE,
    FIRM
}
