package nl.integrity.notification.inbound;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.LocalDate;
import java.util.UUID;

/** This service's reading of the {@code declaration.events} it acts on; unknown fields are ignored. */
final class DeclarationEvents {

    static final String PREFIX = "nl.integrity.declaration.";
    static final String SUBMITTED = PREFIX + "submitted.v1";
    static final String ASSESSED = PREFIX + "assessed.v1";
    static final String INFORMATION_PROVIDED = PREFIX + "information-provided.v1";
    static final String DUE_SOON = PREFIX + "decision-due-soon.v1";
    static final String OVERDUE = PREFIX + "decision-overdue.v1";
    static final String REMINDER_DUE = PREFIX + "reminder-due.v1";
    static final String INFORMATION_REQUESTED = PREFIX + "information-requested.v1";
    static final String DECIDED = PREFIX + "decided.v1";

    private DeclarationEvents() {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Submitted(
            UUID declarationId,
            UUID alumnusId,
            String organisation,
            Integer versionNumber,
            String employerName,
            String sector,
            String role,
            LocalDate startDate,
            Words sectorWords) {

        /** The sector in the language's words as the event gives them; its code where an older event has none. */
        String sectorIn(boolean dutch) {
            String word = sectorWords == null ? null : dutch ? sectorWords.nl() : sectorWords.en();
            return word == null || word.isBlank() ? sector : word;
        }
    }

    /** A code in the words of each language, as the producer names it. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Words(String nl, String en) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Assessed(
            UUID declarationId,
            UUID alumnusId,
            String organisation,
            int versionNumber,
            String riskLevel,
            boolean late) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record InformationProvided(UUID declarationId, UUID alumnusId, String organisation, String assignee) {}

    /** decision-due-soon and decision-overdue. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Deadline(
            UUID declarationId,
            UUID alumnusId,
            String organisation,
            String assignee,
            LocalDate dueDate,
            Integer workingDaysLeft) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record InformationRequested(UUID declarationId, UUID alumnusId, String organisation) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Decided(
            UUID declarationId,
            UUID alumnusId,
            String organisation,
            String outcome,
            java.util.List<Object> conditions) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record ReminderDue(UUID alumnusId, String organisation, LocalDate windowEnd) {}
}
