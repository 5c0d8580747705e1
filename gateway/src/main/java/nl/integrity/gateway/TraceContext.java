package nl.integrity.gateway;

import io.vertx.ext.web.RoutingContext;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * W3C Trace Context for every request: the caller's {@code traceparent} continues (same trace id,
 * the gateway's own span id for the hop to the service); without a valid one a new trace starts.
 * The services log the trace id with each line.
 */
final class TraceContext {

    static final String HEADER = "traceparent";
    private static final String KEY = "trace-id";
    private static final Pattern VALID = Pattern.compile("00-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})");
    private static final String NO_TRACE = "0".repeat(32);
    private static final String NO_SPAN = "0".repeat(16);
    private static final SecureRandom RANDOM = new SecureRandom();

    private TraceContext() {}

    /** The request's trace id: the caller's, or a new one. */
    static String traceId(RoutingContext ctx) {
        String id = ctx.get(KEY);
        if (id == null) {
            String given = ctx.request().getHeader(HEADER);
            var match = given == null ? null : VALID.matcher(given.trim());
            id = match != null && match.matches() && !NO_TRACE.equals(match.group(1)) && !NO_SPAN.equals(match.group(2))
                    ? match.group(1)
                    : hex(16);
            ctx.put(KEY, id);
        }
        return id;
    }

    /** The {@code traceparent} for the call to the service: this trace, a new span of the gateway, sampled. */
    static String forward(RoutingContext ctx) {
        return "00-" + traceId(ctx) + "-" + hex(8) + "-01";
    }

    private static String hex(int bytes) {
        byte[] random = new byte[bytes];
        RANDOM.nextBytes(random);
        return HexFormat.of().formatHex(random);
    }
}
