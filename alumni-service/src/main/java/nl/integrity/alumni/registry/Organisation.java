package nl.integrity.alumni.registry;

/** The organisations whose former staff the platform follows; stored as text so more can be added. */
public enum Organisation {
    POLITIE, KMAR
}
