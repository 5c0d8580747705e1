package nl.integrity.declaration.review;

/**
 * The conditions library: what an office may attach to an "allowed with conditions" decision.
 * Every condition runs from a start date to an end date and ends by itself on that date.
 */
public enum ConditionType {
    WAITING_PERIOD(
            false,
            "U begint niet aan de activiteit vóór de einddatum van deze voorwaarde.",
            "You do not start the activity before this condition's end date."),
    NO_CONTACT_FORMER_UNIT(
            false,
            "U heeft in deze functie geen zakelijk contact met uw voormalige eenheid.",
            "You have no business contact with your former unit in this role."),
    NO_LOBBYING(false, "U lobbyt niet bij uw voormalige organisatie.", "You do not lobby your former organisation."),
    NO_CONFIDENTIAL_INFORMATION(
            false,
            "U gebruikt geen vertrouwelijke informatie uit uw vorige functie.",
            "You do not use confidential information from your former job."),
    STAND_ASIDE(true, "U houdt zich afzijdig van de genoemde zaken.", "You stand aside from the named matters."),
    REPORT_CHANGES(
            false,
            "U meldt elke wijziging van uw taken of werkgever.",
            "You report every change of your duties or employer.");

    private final boolean needsDetails;
    private final String textNl;
    private final String textEn;

    ConditionType(boolean needsDetails, String textNl, String textEn) {
        this.needsDetails = needsDetails;
        this.textNl = textNl;
        this.textEn = textEn;
    }

    /** Whether the condition names something (matters to stand aside from) in its details. */
    public boolean needsDetails() {
        return needsDetails;
    }

    public String textNl() {
        return textNl;
    }

    public String textEn() {
        return textEn;
    }
}
