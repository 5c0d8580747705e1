package nl.integrity.platform.logging;

import io.vertx.core.http.HttpServerRequest;
import java.util.regex.Pattern;
import nl.integrity.platform.web.RequestIds;
import org.jboss.logging.MDC;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Puts the W3C trace id of the request (from the gateway's {@code traceparent}) and the request id
 * into the logging context, so every log line written while a request is handled names them; the
 * gateway's access log has the same ids. A request without a sane id (a direct call) gets a new one. The context lives in the request's Vert.x context, so it
 * follows the request onto worker threads and does not leak to the next one.
 */
public class RequestLogContext {

    public static final String TRACE_ID = "traceId";
    public static final String REQUEST_ID = "requestId";
    private static final Pattern TRACEPARENT = Pattern.compile("00-([0-9a-f]{32})-[0-9a-f]{16}-[0-9a-f]{2}");

    @ServerRequestFilter(preMatching = true)
    public void enter(HttpServerRequest request) {
        String traceparent = request.getHeader("traceparent");
        var trace = traceparent == null ? null : TRACEPARENT.matcher(traceparent.trim());
        if (trace != null && trace.matches()) {
            MDC.put(TRACE_ID, trace.group(1));
        } else {
            MDC.remove(TRACE_ID);
        }
        MDC.put(REQUEST_ID, RequestIds.of(request.getHeader(RequestIds.HEADER)));
    }

    /**
     * The request's id: the one this filter put into the logging context (the gateway's, or a new
     * one for a direct call), so problems and the audit trail quote what the log lines say. Before
     * the filter has run (a request refused on arrival), the same rule applied to the header.
     */
    public static String requestId(HttpServerRequest request) {
        Object id = MDC.get(REQUEST_ID);
        return id instanceof String s && RequestIds.isSane(s) ? s : RequestIds.of(request.getHeader(RequestIds.HEADER));
    }
}
