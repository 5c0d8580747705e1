package nl.integrity.platform.problem;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.time.LocalDate;
import java.time.temporal.Temporal;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.integrity.platform.input.PlatformDates;
import nl.integrity.platform.input.StrictJson;

/** What was wrong with a value in a JSON body, in words for the caller: no class names, no echoed value. */
final class JsonMistakes {

    private static final Pattern DUPLICATE = Pattern.compile("Duplicate field '([^']{1,100})'");

    private JsonMistakes() {
    }

    static String describe(MismatchedInputException mismatch) {
        if (mismatch instanceof StrictJson.Refused refused) {
            return refused.reason();
        }
        Class<?> type = mismatch.getTargetType();
        if (type == null) {
            return "has the wrong type or format";
        }
        if (type.isEnum()) {
            return "must be one of " + Arrays.toString(type.getEnumConstants());
        }
        if (type == Boolean.class || type == boolean.class) {
            return "must be true or false";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class
                || type == Short.class || type == short.class) {
            return "must be a whole number";
        }
        if (Number.class.isAssignableFrom(type) || type == double.class || type == float.class) {
            return "must be a number";
        }
        if (type == String.class) {
            return "must be text";
        }
        if (type == LocalDate.class) {
            return "must be " + PlatformDates.RANGE;
        }
        if (Temporal.class.isAssignableFrom(type)) {
            return "must be a date and time (ISO 8601)";
        }
        if (type == UUID.class) {
            return "must be an identifier (UUID)";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "must be a list";
        }
        if (Map.class.isAssignableFrom(type) || type.isRecord() || !type.getName().startsWith("java.")) {
            return "must be an object";
        }
        return "has the wrong type or format";
    }

    /** The field a body gave twice, if that is what was wrong with it. */
    static Optional<String> duplicateField(JsonParseException parse) {
        Matcher matcher = DUPLICATE.matcher(String.valueOf(parse.getOriginalMessage()));
        return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
    }
}
