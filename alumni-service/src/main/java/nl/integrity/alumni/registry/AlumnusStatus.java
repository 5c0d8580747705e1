package nl.integrity.alumni.registry;

public enum AlumnusStatus {
    /** Departure announced by HR, not yet taken place. */
    LEAVING,
    DEPARTED,
    ANONYMISED
}
