package nl.integrity.gateway;

import io.opentelemetry.api.trace.Span;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/**
 * One line per request, without personal data: method, path without its query (queries can hold
 * names), status, duration, request id and trace id. No user, no address, no token.
 */
@ApplicationScoped
public class AccessLog {

    private static final Logger LOG = Logger.getLogger("gateway.access");

    void register(@Observes Filters filters) {
        filters.register(this::log, Integer.MAX_VALUE - 1);
    }

    private void log(RoutingContext ctx) {
        long start = System.nanoTime();
        // The server span OpenTelemetry opened for this request; the same trace id is in the services' log lines.
        String traceId = Span.current().getSpanContext().getTraceId();
        ctx.addEndHandler(ignored -> LOG.infof(
                "%s %s %d %dms request=%s trace=%s",
                ctx.request().method(),
                ctx.request().path(),
                ctx.response().getStatusCode(),
                (System.nanoTime() - start) / 1_000_000,
                RequestIds.of(ctx),
                traceId));
        ctx.next();
    }
}
