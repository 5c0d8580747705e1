package nl.integrity.declaration.review;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import nl.integrity.platform.web.Problem;

/**
 * A condition as the officer sets it in a decision; {@code startsOn} defaults to the day of the
 * decision. Every condition ends by itself, after today and not before it starts, and the kinds
 * that concern particular matters name them.
 */
public record ConditionSpec(ConditionType type, String details, LocalDate startsOn, LocalDate endsOn) {

    /** The day the condition starts, given the day of the decision. */
    public LocalDate startsOn(LocalDate today) {
        return startsOn == null ? today : startsOn;
    }

    /** What is wrong with this condition, each at its field below {@code path}; empty when it is sound. */
    public List<Problem.FieldError> problems(String path, LocalDate today) {
        var errors = new ArrayList<Problem.FieldError>();
        if (endsOn == null) {
            errors.add(new Problem.FieldError(path + ".endsOn", "required: every condition ends by itself"));
        } else if (endsOn.isBefore(startsOn(today)) || !endsOn.isAfter(today)) {
            errors.add(new Problem.FieldError(path + ".endsOn", "after today and not before startsOn"));
        }
        if (type.needsDetails() && (details == null || details.isBlank())) {
            errors.add(new Problem.FieldError(path + ".details", "name the matters for " + type));
        }
        return errors;
    }
}
