package nl.integrity.declaration.risk;

/**
 * Sector of the new employer. The same codes as the function catalogue's sensitive sectors
 * (alumni-service), plus {@code OTHER}.
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
    HOSPITALITY,
    OTHER;

    /** The sector as a sentence names it, in Dutch ("particuliere recherche") or English ("private investigation"). */
    public String word(boolean dutch) {
        return Wording.of(this, dutch);
    }
}
