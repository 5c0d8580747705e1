package nl.integrity.alumni.catalogue;

/** How vulnerable a function is to post-employment conflicts of interest, lowest first. */
public enum RiskLevel {
    LOW,
    MEDIUM,
    HIGH,
    CRITICAL
}
