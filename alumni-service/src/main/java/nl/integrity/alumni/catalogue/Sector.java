package nl.integrity.alumni.catalogue;

/**
 * Sectors of new employment that can be sensitive for a function. The research behind the
 * platform names ICT, private investigation and security companies as extra risky.
 */
public enum Sector {
    ICT,
    CYBER_SECURITY,
    PRIVATE_INVESTIGATION,
    PRIVATE_SECURITY,
    LEGAL_SERVICES,
    FINANCIAL_SERVICES,
    TELECOM,
    DEFENCE_INDUSTRY,
    AVIATION,
    TRANSPORT_LOGISTICS,
    PUBLIC_ADMINISTRATION,
    CONSULTANCY,
    HOSPITALITY
}
