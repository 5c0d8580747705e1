package nl.integrity.platform.testing.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import nl.integrity.platform.testing.fuzz.ApiOperations.Operation;

/**
 * One generated request: an operation called with a role it serves, everything valid but for one
 * mutation (or none), which names its kind and the field or parameter it hit.
 *
 * @param target the field ({@code functions[0].from}) or parameter the mutation hit; null when it hit the
 *               body as a whole or nothing
 */
public record FuzzRequest(
        Operation operation,
        String role,
        String path,
        List<Map.Entry<String, String>> query,
        String contentType,
        byte[] body,
        Kind kind,
        String target) {

    /** What was done to the request. */
    public enum Kind {
        /** Nothing: a request as a careful client sends it. */
        VALID,
        /** A value of another JSON type than the field's (text for a number, a number for a yes/no...). */
        WRONG_TYPE,
        /** Just past (or at) a limit: length, range, date range, the first and last of a type. */
        BOUNDARY,
        /** Text with control characters, broken Unicode or non-characters. */
        CONTROL_CHARACTERS,
        /** Very long text, very long lists. */
        HUGE,
        /** Empty text, empty lists, empty objects, null. */
        EMPTY,
        /** A value a list of allowed values does not have. */
        UNKNOWN_ENUM,
        /** Arrays or objects nested thousands deep. */
        DEEP_NESTING,
        /** A field given twice. */
        DUPLICATE_KEY,
        /** A required field left out. */
        MISSING,
        /** A field the operation does not know. */
        UNKNOWN_FIELD,
        /** The body as a whole: not JSON, not an object, cut off, not UTF-8, oversized, of another media type. */
        BODY,
        /** A path or query parameter of the wrong type, out of range, with control characters, huge or empty. */
        PARAMETER
    }

    /** Whether the fault is in one field or parameter, which a refusal must then name. */
    public boolean targetsAField() {
        return target != null && kind != Kind.VALID && kind != Kind.BODY && kind != Kind.UNKNOWN_FIELD;
    }

    /** The request, shortened for a report: long bodies are cut. */
    @Override
    public String toString() {
        String text = body == null ? "" : new String(body, StandardCharsets.UTF_8);
        if (text.length() > 600) {
            text = text.substring(0, 400) + "...(" + body.length + " bytes)..." + text.substring(text.length() - 150);
        }
        String q = query.isEmpty()
                ? ""
                : "?"
                        + String.join(
                                "&",
                                query.stream()
                                        .map(e -> e.getKey() + "=" + shorten(e.getValue()))
                                        .toList());
        return "%s %s%s as %s [%s%s] %s %s"
                .formatted(
                        operation.method(),
                        shorten(path),
                        q,
                        role,
                        kind,
                        target == null ? "" : " " + target,
                        contentType == null ? "" : contentType,
                        text);
    }

    private static String shorten(String s) {
        return s.length() > 200 ? s.substring(0, 150) + "...(" + s.length() + " chars)" : s;
    }
}
