package nl.integrity.platform.web;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The one rule for request ids, in the gateway and in every service: the caller's
 * {@code X-Request-Id} when it is sane (letters, digits, {@code . _ -}, at most 100), otherwise a
 * new one. The id travels in logs, problems and the audit trail, so nothing else gets through.
 */
public final class RequestIds {

    public static final String HEADER = "X-Request-Id";
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._-]{1,100}");

    private RequestIds() {}

    /** The given id, or a new one when it is absent or not sane. */
    public static String of(String given) {
        return isSane(given) ? given : UUID.randomUUID().toString();
    }

    public static boolean isSane(String given) {
        return given != null && SANE.matcher(given).matches();
    }
}
