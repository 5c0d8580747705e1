package nl.integrity.declaration.risk;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * Everything a risk assessment may look at, gathered once per declaration version from the
 * declaration and the local read model of the registry and the function catalogue.
 *
 * @param functionCode        the function the obligation window rests on, else the last function; may be null
 * @param functionRisk        that function's risk level; null when the catalogue does not know it
 * @param functionGroup       that function's group; may be null
 * @param sensitiveSectors    sectors sensitive for the functions held (window and last function)
 * @param windowStart         start of the obligation window; null when there is none
 * @param windowEnd           end (exclusive) of the obligation window; null when there is none
 * @param departureReason     why the alumnus left, as the registry names it; may be null
 * @param startDate           declared start of the activity; null for a speculative declaration without one
 * @param declaredOn          the day this version was declared
 * @param versionNumber       1 for the first version, higher for each change
 * @param agreements          the post-employment agreements the alumnus accepted, whatever their period
 */
public record AssessmentFacts(
        String functionCode,
        RiskLevel functionRisk,
        String functionGroup,
        Set<String> sensitiveSectors,
        LocalDate windowStart,
        LocalDate windowEnd,
        String departureReason,
        Sector sector,
        LocalDate startDate,
        LocalDate declaredOn,
        boolean expectsContact,
        boolean usesKnowledge,
        boolean selfEmployed,
        int versionNumber,
        List<AgreementInForce> agreements) {

    public AssessmentFacts {
        sensitiveSectors = Set.copyOf(sensitiveSectors);
        agreements = List.copyOf(agreements);
    }

    /** The day the activity is weighed on: its start, or the day it was declared when it has none. */
    public LocalDate activityDay() {
        return startDate != null ? startDate : declaredOn;
    }

    /** The activity starts before it was declared. */
    public boolean late() {
        return startDate != null && startDate.isBefore(declaredOn);
    }

    /** The activity starts inside the obligation window; without a start date, when declared inside it. */
    public boolean startsInWindow() {
        if (windowStart == null || windowEnd == null) {
            return false;
        }
        LocalDate day = activityDay();
        return !day.isBefore(windowStart) && day.isBefore(windowEnd);
    }

    public boolean sectorSensitiveForFunction() {
        return sensitiveSectors.contains(sector.name());
    }
}
