package nl.integrity.platform.logging;

import io.vertx.core.http.HttpServerRequest;
import java.util.regex.Pattern;
import org.jboss.logging.MDC;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Puts the W3C trace id of the request (from the gateway's {@code traceparent}) and the request id
 * into the logging context, so every log line written while a request is handled names them; the
 * gateway's access log has the same ids. The context lives in the request's Vert.x context, so it
 * follows the request onto worker threads and does not leak to the next one.
 */
public class RequestLogContext {

    public static final String TRACE_ID = "traceId";
    public static final String REQUEST_ID = "requestId";
    private static final Pattern TRACEPARENT = Pattern.compile("00-([0-9a-f]{32})-[0-9a-f]{16}-[0-9a-f]{2}");
    private static final Pattern SANE_ID = Pattern.compile("[A-Za-z0-9._-]{1,100}");

    @ServerRequestFilter(preMatching = true)
    public void enter(HttpServerRequest request) {
        String traceparent = request.getHeader("traceparent");
        var trace = traceparent == null ? null : TRACEPARENT.matcher(traceparent.trim());
        if (trace != null && trace.matches()) {
            MDC.put(TRACE_ID, trace.group(1));
        } else {
            MDC.remove(TRACE_ID);
        }
        String requestId = request.getHeader("X-Request-Id");
        if (requestId != null && SANE_ID.matcher(requestId).matches()) {
            MDC.put(REQUEST_ID, requestId);
        } else {
            MDC.remove(REQUEST_ID);
        }
    }
}
