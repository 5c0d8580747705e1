package nl.integrity.platform.web;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SpanProcessor;

/**
 * Keeps query strings out of exported spans. The HTTP instrumentation records a request's query
 * ({@code url.query}, and in {@code url.full} of a client call), and queries carry what people
 * search for: names, personnel numbers, e-mail addresses. The audit trail records that a search
 * happened and never its criteria; traces do the same. Runs when a span starts, before anything can
 * export it; the path and the route template stay. The gateway and the services make it a bean, which
 * Quarkus adds to the tracer's span processors.
 */
public class QueryRedaction implements SpanProcessor {

    static final String REDACTED = "redacted";
    private static final AttributeKey<String> URL_QUERY = AttributeKey.stringKey("url.query");
    private static final AttributeKey<String> URL_FULL = AttributeKey.stringKey("url.full");

    @Override
    public void onStart(Context parentContext, ReadWriteSpan span) {
        if (span.getAttribute(URL_QUERY) != null) {
            span.setAttribute(URL_QUERY, REDACTED);
        }
        String full = span.getAttribute(URL_FULL);
        if (full != null && full.indexOf('?') >= 0) {
            span.setAttribute(URL_FULL, withoutQuery(full));
        }
    }

    /** {@code https://h/api/alumni?name=x#f} is {@code https://h/api/alumni?redacted}. */
    static String withoutQuery(String url) {
        return url.substring(0, url.indexOf('?')) + "?" + REDACTED;
    }

    @Override
    public boolean isStartRequired() {
        return true;
    }

    @Override
    public void onEnd(ReadableSpan span) {}

    @Override
    public boolean isEndRequired() {
        return false;
    }
}
