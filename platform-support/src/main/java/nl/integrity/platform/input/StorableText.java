package nl.integrity.platform.input;

import java.util.Optional;

/**
 * What text the platform stores: Unicode without control characters (tab, line feed and carriage
 * return excepted), without unpaired surrogates and without the non-characters U+FFFE and U+FFFF.
 * PostgreSQL cannot store NUL at all, and none of the others belongs in a name, a role or a note;
 * they are refused at the boundary, naming the field, instead of failing deep inside.
 */
public final class StorableText {

    private StorableText() {}

    /** Why {@code text} cannot be stored, or empty when it can (null can). */
    public static Optional<String> problem(String text) {
        if (text == null) {
            return Optional.empty();
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c >= 0x7f && c <= 0x9f) {
                return Optional.of("contains a control character (U+%04X) at position %d".formatted((int) c, i + 1));
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return Optional.of("contains broken Unicode (an unpaired surrogate) at position " + (i + 1));
            }
            if (Character.isLowSurrogate(c)) {
                return Optional.of("contains broken Unicode (an unpaired surrogate) at position " + (i + 1));
            }
            if (c == 0xfffe || c == 0xffff) {
                return Optional.of("contains a non-character (U+%04X) at position %d".formatted((int) c, i + 1));
            }
        }
        return Optional.empty();
    }
}
