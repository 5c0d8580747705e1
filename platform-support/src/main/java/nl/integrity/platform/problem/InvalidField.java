package nl.integrity.platform.problem;

import java.util.List;
import nl.integrity.platform.web.Problem;

/** A request value the resource checks itself (one bean validation cannot express) is invalid: 400. */
public class InvalidField extends ProblemException {

    private final List<Problem.FieldError> errors;

    public InvalidField(String field, String message) {
        this(List.of(new Problem.FieldError(field, message)));
    }

    /** Several fields at once, so the caller can correct them all in one go. Not empty. */
    public InvalidField(List<Problem.FieldError> errors) {
        super(
                400,
                "validation",
                "Request is not valid",
                errors.stream()
                        .map(Problem.FieldError::field)
                        .distinct()
                        .collect(java.util.stream.Collectors.joining(", ", "Invalid fields: ", "")));
        this.errors = List.copyOf(errors);
    }

    /**
     * A request parameter naming a constant of {@code type}: absent or blank is null, a name that
     * is no constant is this problem, listing the choices.
     */
    public static <E extends Enum<E>> E enumValue(String field, Class<E> type, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim());
        } catch (IllegalArgumentException e) {
            throw new InvalidField(field, "one of " + java.util.Arrays.toString(type.getEnumConstants()));
        }
    }

    /**
     * A repeatable request parameter naming constants of {@code type}, each value possibly a
     * comma-separated list ({@code ?risk=HIGH,CRITICAL} or {@code ?risk=HIGH&risk=CRITICAL});
     * empty when absent.
     */
    public static <E extends Enum<E>> java.util.Set<E> enumValues(String field, Class<E> type, List<String> values) {
        java.util.Set<E> set = java.util.EnumSet.noneOf(type);
        if (values != null) {
            for (String value : values) {
                for (String part : value.split(",")) {
                    E constant = enumValue(field, type, part);
                    if (constant != null) {
                        set.add(constant);
                    }
                }
            }
        }
        return set;
    }

    @Override
    public List<Problem.FieldError> errors() {
        return errors;
    }
}
