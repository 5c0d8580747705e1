package nl.integrity.alumni.catalogue;

/**
 * Fired (CDI, inside the changing transaction) when a profile got a new version, so whatever was
 * computed from the function's rating, such as obligation windows, is computed again.
 */
public record FunctionRatingChanged(Organisation organisation, String code) {}
