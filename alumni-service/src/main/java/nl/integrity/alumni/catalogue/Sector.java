package nl.integrity.alumni.catalogue;

/**
 * Sectors of new employment that can be sensitive for a function. The research behind the
 * platform names ICT, private investigation and security companies as extra risky.
 */
public enum Sector {
    ICT("ICT", "ICT"),
    CYBER_SECURITY("cyberbeveiliging", "cyber security"),
    PRIVATE_INVESTIGATION("particuliere recherche", "private investigation"),
    PRIVATE_SECURITY("beveiliging", "private security"),
    LEGAL_SERVICES("juridische dienstverlening", "legal services"),
    FINANCIAL_SERVICES("financiële dienstverlening", "financial services"),
    TELECOM("telecom", "telecom"),
    DEFENCE_INDUSTRY("defensie-industrie", "defence industry"),
    AVIATION("luchtvaart", "aviation"),
    TRANSPORT_LOGISTICS("transport en logistiek", "transport and logistics"),
    PUBLIC_ADMINISTRATION("openbaar bestuur", "public administration"),
    CONSULTANCY("advieswerk", "consultancy"),
    HOSPITALITY("horeca", "hospitality");

    private final String dutch;
    private final String english;

    Sector(String dutch, String english) {
        this.dutch = dutch;
        this.english = english;
    }

    /** The sector's name in running text, in Dutch ({@code nl}) or English. */
    public String word(String language) {
        return "en".equals(language) ? english : dutch;
    }
}
