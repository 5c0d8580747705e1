package nl.integrity.platform.logging;

import io.vertx.core.http.HttpServerRequest;
import nl.integrity.platform.web.RequestIds;
import org.jboss.logging.MDC;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Puts the request id into the logging context, so every log line written while a request is handled
 * names it; the gateway's access log has the same id. A request without a sane id (a direct call)
 * gets a new one. The context lives in the request's Vert.x context, so it follows the request onto
 * worker threads and does not leak to the next one.
 *
 * <p>The trace id is OpenTelemetry's: it continues the gateway's {@code traceparent} and puts the
 * trace and span ids into the logging context under {@link #TRACE_ID} and {@code spanId} itself.
 */
public class RequestLogContext {

    /** The logging-context key under which OpenTelemetry puts the current trace id. */
    public static final String TRACE_ID = "traceId";

    public static final String REQUEST_ID = "requestId";

    @ServerRequestFilter(preMatching = true)
    public void enter(HttpServerRequest request) {
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
