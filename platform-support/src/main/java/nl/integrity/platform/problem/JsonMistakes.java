package nl.integrity.platform.problem;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.time.LocalDate;
import java.time.temporal.Temporal;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Collection;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import nl.integrity.platform.input.PlatformDates;
import nl.integrity.platform.input.StrictJson;

/** What was wrong with a value in a JSON body, in words for the caller: no class names, no echoed value. */
final class JsonMistakes {

    private static final Pattern DUPLICATE = Pattern.compile("Duplicate (field|Object property) ");

    private JsonMistakes() {}

    static String describe(MismatchedInputException mismatch) {
        if (mismatch instanceof StrictJson.Refused refused) {
            return refused.reason();
        }
        if (mismatch instanceof UnrecognizedPropertyException) {
            return "is not a field of this request";
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
        if (type == Integer.class
                || type == int.class
                || type == Long.class
                || type == long.class
                || type == Short.class
                || type == short.class) {
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
        if (Map.class.isAssignableFrom(type)
                || type.isRecord()
                || !type.getName().startsWith("java.")) {
            return "must be an object";
        }
        return "has the wrong type or format";
    }

    /** Whether the reader stopped at the parser's limits: nesting depth, or the length of a number, text or name. */
    static boolean tooDeepOrLong(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof StreamConstraintsException) {
                return true;
            }
        }
        return false;
    }

    /** Whether the parser stopped at a key given twice. */
    static boolean duplicateField(JsonProcessingException parse) {
        return DUPLICATE.matcher(String.valueOf(parse.getOriginalMessage())).find();
    }

    /**
     * Where in the body the parser stopped ({@code conditions[0].count}), from its parsing context; empty at the
     * top level. Long paths (a value nested thousands deep) are cut after {@value #MAX_SEGMENTS} segments, and
     * each name the caller chose after {@value #MAX_NAME} characters.
     */
    static Optional<String> location(JsonProcessingException e) {
        if (!(e.getProcessor() instanceof JsonParser parser)) {
            return Optional.empty();
        }
        Deque<String> segments = new ArrayDeque<>();
        for (JsonStreamContext c = parser.getParsingContext(); c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inArray()) {
                segments.addFirst("[" + Math.max(0, c.getCurrentIndex()) + "]");
            } else if (c.getCurrentName() != null) {
                String name = c.getCurrentName();
                segments.addFirst(name.length() > MAX_NAME ? name.substring(0, MAX_NAME) + "..." : name);
            }
        }
        if (segments.isEmpty()) {
            return Optional.empty();
        }
        StringBuilder path = new StringBuilder();
        int count = 0;
        for (String segment : segments) {
            if (count++ == MAX_SEGMENTS) {
                path.append("...");
                break;
            }
            path.append(segment.startsWith("[") || path.isEmpty() ? "" : ".").append(segment);
        }
        return Optional.of(path.toString());
    }

    private static final int MAX_SEGMENTS = 8;
    private static final int MAX_NAME = 100;
}
