package nl.integrity.platform.tracing;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * The W3C {@code traceparent} of work that is stored now and done later: an outbox event published
 * after its transaction, a delivery sent by a worker. The stored value lets the later work continue
 * the trace of the request that caused it, so one user action stays one trace across the outbox,
 * Kafka and the delivery queue.
 */
public final class TraceParents {

    private static final W3CTraceContextPropagator W3C = W3CTraceContextPropagator.getInstance();
    private static final String TRACEPARENT = "traceparent";

    private TraceParents() {}

    /** The current span's {@code traceparent}, or null outside any trace. */
    public static String current() {
        String[] value = new String[1];
        W3C.inject(Context.current(), null, (carrier, key, v) -> {
            if (TRACEPARENT.equals(key)) {
                value[0] = v;
            }
        });
        return value[0];
    }

    /** The context a stored {@code traceparent} names, as a remote parent; the root context for null or garbage. */
    public static Context context(String traceparent) {
        if (traceparent == null) {
            return Context.root();
        }
        return W3C.extract(Context.root(), Map.of(TRACEPARENT, traceparent), MAP);
    }

    /** Starts a span of later work as a child of the stored {@code traceparent} (a new trace without one). */
    public static Span start(Tracer tracer, String name, SpanKind kind, String traceparent) {
        return tracer.spanBuilder(name)
                .setParent(context(traceparent))
                .setSpanKind(kind)
                .startSpan();
    }

    /** The context the producer's {@code traceparent} header names, as a remote parent. */
    public static Context context(Headers headers) {
        return W3C.extract(Context.root(), headers, HEADERS);
    }

    private static final TextMapGetter<Map<String, String>> MAP = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Map<String, String> carrier) {
            return carrier.keySet();
        }

        @Override
        public String get(Map<String, String> carrier, String key) {
            return carrier == null ? null : carrier.get(key);
        }
    };

    private static final TextMapGetter<Headers> HEADERS = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Headers carrier) {
            return List.of(TRACEPARENT, "tracestate");
        }

        @Override
        public String get(Headers carrier, String key) {
            Header header = carrier == null ? null : carrier.lastHeader(key);
            return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
        }
    };
}
