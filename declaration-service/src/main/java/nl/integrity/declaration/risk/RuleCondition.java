package nl.integrity.declaration.risk;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import nl.integrity.platform.web.Problem;

/**
 * One test a risk rule makes; a rule matches when all its conditions hold. {@code level},
 * {@code values} and {@code count} are the parameters, used by the kinds that need them.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RuleCondition(Kind kind, RiskLevel level, List<String> values, Integer count) {

    public enum Kind {
        /** The function's risk is at least {@code level}. */
        FUNCTION_RISK_AT_LEAST,
        /** The declared sector is one the catalogue marks sensitive for the functions held. */
        SECTOR_SENSITIVE_FOR_FUNCTION,
        /** The declared sector is one of {@code values}. */
        SECTOR_IN,
        /** The function's group is one of {@code values}. */
        FUNCTION_GROUP_IN,
        /** The activity starts inside the obligation window. */
        STARTS_IN_WINDOW,
        /** The departure reason is one of {@code values}. */
        DEPARTURE_REASON_IN,
        /** Contact with the former organisation is expected. */
        CONTACT_WITH_FORMER_ORGANISATION,
        /** Knowledge or contacts from the former job will be used. */
        USES_KNOWLEDGE_OR_CONTACTS,
        /** The activity started before it was declared. */
        LATE_DECLARATION,
        /** The alumnus works self-employed. */
        SELF_EMPLOYED,
        /** This is at least the {@code count}th version of the declaration. */
        VERSION_AT_LEAST
    }

    private static final Set<Kind> VALUE_KINDS =
            Set.of(Kind.SECTOR_IN, Kind.FUNCTION_GROUP_IN, Kind.DEPARTURE_REASON_IN);
    private static final Set<String> GROUPS =
            Set.of("INVESTIGATION", "ICT", "INTELLIGENCE", "OPERATIONAL", "BORDER_SECURITY", "LEADERSHIP", "SUPPORT");
    private static final Set<String> REASONS = Set.of(
            "VOLUNTARY",
            "RETIREMENT",
            "REORGANISATION",
            "END_OF_CONTRACT",
            "DISCIPLINARY_DISMISSAL",
            "OTHER_DISMISSAL");

    public boolean holdsFor(AssessmentFacts f) {
        return switch (kind) {
            case FUNCTION_RISK_AT_LEAST ->
                f.functionRisk() != null && f.functionRisk().atLeast(level);
            case SECTOR_SENSITIVE_FOR_FUNCTION -> f.sectorSensitiveForFunction();
            case SECTOR_IN -> values.contains(f.sector().name());
            case FUNCTION_GROUP_IN -> f.functionGroup() != null && values.contains(f.functionGroup());
            case STARTS_IN_WINDOW -> f.startsInWindow();
            case DEPARTURE_REASON_IN -> f.departureReason() != null && values.contains(f.departureReason());
            case CONTACT_WITH_FORMER_ORGANISATION -> f.expectsContact();
            case USES_KNOWLEDGE_OR_CONTACTS -> f.usesKnowledge();
            case LATE_DECLARATION -> f.late();
            case SELF_EMPLOYED -> f.selfEmployed();
            case VERSION_AT_LEAST -> f.versionNumber() >= count;
        };
    }

    /** What is wrong with this condition, as field errors under {@code path}; empty when valid. */
    List<Problem.FieldError> problems(String path) {
        var errors = new ArrayList<Problem.FieldError>();
        if (kind == null) {
            errors.add(new Problem.FieldError(path + ".kind", "one of " + List.of(Kind.values())));
            return errors;
        }
        switch (kind) {
            case FUNCTION_RISK_AT_LEAST -> {
                if (level == null) {
                    errors.add(new Problem.FieldError(path + ".level", "required for " + kind));
                }
            }
            case SECTOR_IN -> checkValues(path, namesOf(Sector.values()), errors);
            case FUNCTION_GROUP_IN -> checkValues(path, GROUPS, errors);
            case DEPARTURE_REASON_IN -> checkValues(path, REASONS, errors);
            case VERSION_AT_LEAST -> {
                if (count == null || count < 2 || count > 100) {
                    errors.add(new Problem.FieldError(path + ".count", "a number from 2 to 100 for " + kind));
                }
            }
            default -> {
                // no parameters
            }
        }
        // A parameter the kind does not use is refused: the rule must mean what its author wrote.
        if (level != null && kind != Kind.FUNCTION_RISK_AT_LEAST) {
            errors.add(new Problem.FieldError(path + ".level", "only for " + Kind.FUNCTION_RISK_AT_LEAST));
        }
        if (values != null && !VALUE_KINDS.contains(kind)) {
            errors.add(new Problem.FieldError(
                    path + ".values",
                    "only for " + VALUE_KINDS.stream().sorted().toList()));
        }
        if (count != null && kind != Kind.VERSION_AT_LEAST) {
            errors.add(new Problem.FieldError(path + ".count", "only for " + Kind.VERSION_AT_LEAST));
        }
        return errors;
    }

    private void checkValues(String path, Set<String> allowed, List<Problem.FieldError> errors) {
        if (values == null || values.isEmpty()) {
            errors.add(new Problem.FieldError(
                    path + ".values",
                    "at least one of " + allowed.stream().sorted().toList()));
        } else if (!allowed.containsAll(values)) {
            errors.add(new Problem.FieldError(
                    path + ".values", "each one of " + allowed.stream().sorted().toList()));
        }
    }

    private static Set<String> namesOf(Enum<?>[] constants) {
        var names = new java.util.HashSet<String>();
        for (Enum<?> c : constants) {
            names.add(c.name());
        }
        return names;
    }
}
