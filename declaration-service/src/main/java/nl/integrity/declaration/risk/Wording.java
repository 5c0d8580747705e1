package nl.integrity.declaration.risk;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

/**
 * The facts a reason names, in the words of its language: an alumnus reads "beveiliging" and
 * "30 juni 2028" in a Dutch reason, "private security" and "30 June 2028" in an English one, not
 * the codes the rules test. Codes without a word here (a sector added later) are shown as they are.
 */
final class Wording {

    private static final DateTimeFormatter DUTCH_DATE =
            DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.forLanguageTag("nl"));
    private static final DateTimeFormatter ENGLISH_DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);

    /** Code → {Dutch, English}. */
    private static final Map<String, String[]> WORDS = Map.ofEntries(
            Map.entry("ICT", new String[] {"ICT", "ICT"}),
            Map.entry("CYBER_SECURITY", new String[] {"cyberbeveiliging", "cyber security"}),
            Map.entry("PRIVATE_INVESTIGATION", new String[] {"particuliere recherche", "private investigation"}),
            Map.entry("PRIVATE_SECURITY", new String[] {"beveiliging", "private security"}),
            Map.entry("LEGAL_SERVICES", new String[] {"juridische dienstverlening", "legal services"}),
            Map.entry("FINANCIAL_SERVICES", new String[] {"financiële dienstverlening", "financial services"}),
            Map.entry("TELECOM", new String[] {"telecom", "telecom"}),
            Map.entry("DEFENCE_INDUSTRY", new String[] {"defensie-industrie", "defence industry"}),
            Map.entry("AVIATION", new String[] {"luchtvaart", "aviation"}),
            Map.entry("TRANSPORT_LOGISTICS", new String[] {"transport en logistiek", "transport and logistics"}),
            Map.entry("PUBLIC_ADMINISTRATION", new String[] {"openbaar bestuur", "public administration"}),
            Map.entry("CONSULTANCY", new String[] {"advieswerk", "consultancy"}),
            Map.entry("HOSPITALITY", new String[] {"horeca", "hospitality"}),
            Map.entry("OTHER", new String[] {"een andere sector", "another sector"}),
            Map.entry("LOW", new String[] {"laag", "low"}),
            Map.entry("MEDIUM", new String[] {"middel", "medium"}),
            Map.entry("HIGH", new String[] {"hoog", "high"}),
            Map.entry("CRITICAL", new String[] {"kritiek", "critical"}),
            Map.entry("INVESTIGATION", new String[] {"opsporing", "investigation"}),
            Map.entry("INTELLIGENCE", new String[] {"inlichtingen", "intelligence"}),
            Map.entry("OPERATIONAL", new String[] {"operationeel", "operational"}),
            Map.entry("BORDER_SECURITY", new String[] {"grens en beveiliging", "border and security"}),
            Map.entry("LEADERSHIP", new String[] {"leidinggevend", "leadership"}),
            Map.entry("SUPPORT", new String[] {"ondersteuning", "support"}),
            Map.entry("VOLUNTARY", new String[] {"vrijwillig", "voluntary"}),
            Map.entry("RETIREMENT", new String[] {"pensioen", "retirement"}),
            Map.entry("REORGANISATION", new String[] {"reorganisatie", "reorganisation"}),
            Map.entry("END_OF_CONTRACT", new String[] {"einde contract", "end of contract"}),
            Map.entry("DISCIPLINARY_DISMISSAL", new String[] {"strafontslag", "disciplinary dismissal"}),
            Map.entry("OTHER_DISMISSAL", new String[] {"ander ontslag", "other dismissal"}));

    private Wording() {}

    /** The word for a code in Dutch or English; "-" for none, the code itself when it has no word. */
    static String of(Object code, boolean dutch) {
        if (code == null) {
            return "-";
        }
        String[] words = WORDS.get(code.toString());
        return words == null ? code.toString() : words[dutch ? 0 : 1];
    }

    static String of(LocalDate date, boolean dutch) {
        return date == null ? "-" : (dutch ? DUTCH_DATE : ENGLISH_DATE).format(date);
    }
}
