package nl.integrity.declaration.risk;

import java.time.LocalDate;

/**
 * A post-employment agreement the alumnus accepted, as the assessment weighs it: it binds from
 * {@code startsOn} up to (not including) {@code endsOn}. {@code kind} is alumni-service's
 * {@code SECTOR_COOLING_OFF} (with {@code sector}), {@code NO_CONTACT} or {@code KNOWLEDGE_RESTRICTION}.
 */
public record AgreementInForce(
        String code, String kind, String titleNl, String titleEn, String sector, LocalDate startsOn, LocalDate endsOn) {

    /** Whether it binds on this day. */
    boolean bindsOn(LocalDate day) {
        return !day.isBefore(startsOn) && day.isBefore(endsOn);
    }

    /** Whether the declared activity is what the agreement rules out. */
    boolean conflictsWith(AssessmentFacts f) {
        return switch (kind) {
            case "SECTOR_COOLING_OFF" -> f.sector().name().equals(sector);
            case "NO_CONTACT" -> f.expectsContact();
            case "KNOWLEDGE_RESTRICTION" -> f.usesKnowledge();
            default -> false; // a kind this service does not know yet restricts nothing it can check
        };
    }
}
