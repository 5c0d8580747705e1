package nl.integrity.platform.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** What an exporter receives of a span whose request had a query: the path, never the query. */
class QueryRedactionTest {

    @Test
    void theQueryOfAServerAndAClientSpanNeverReachesTheExporter() {
        List<SpanData> exported = new CopyOnWriteArrayList<>();
        SpanExporter collecting = new SpanExporter() {
            @Override
            public CompletableResultCode export(Collection<SpanData> spans) {
                exported.addAll(spans);
                return CompletableResultCode.ofSuccess();
            }

            @Override
            public CompletableResultCode flush() {
                return CompletableResultCode.ofSuccess();
            }

            @Override
            public CompletableResultCode shutdown() {
                return CompletableResultCode.ofSuccess();
            }
        };
        try (SdkTracerProvider provider = SdkTracerProvider.builder()
                .addSpanProcessor(new QueryRedaction())
                .addSpanProcessor(SimpleSpanProcessor.create(collecting))
                .build()) {
            var tracer = provider.get("test");
            tracer.spanBuilder("GET /api/alumni")
                    .setSpanKind(SpanKind.SERVER)
                    .setAttribute("url.path", "/api/alumni")
                    .setAttribute("url.query", "name=Jansen&personnelNumber=P100001")
                    .startSpan()
                    .end();
            tracer.spanBuilder("GET")
                    .setSpanKind(SpanKind.CLIENT)
                    .setAttribute("url.full", "http://127.0.0.1:8081/api/alumni?name=Jansen")
                    .startSpan()
                    .end();
            tracer.spanBuilder("POST /api/declarations")
                    .setAttribute("url.path", "/api/declarations")
                    .startSpan()
                    .end();
        }

        assertEquals(3, exported.size());
        assertEquals("redacted", exported.get(0).getAttributes().get(AttributeKey.stringKey("url.query")));
        assertEquals("/api/alumni", exported.get(0).getAttributes().get(AttributeKey.stringKey("url.path")));
        assertEquals(
                "http://127.0.0.1:8081/api/alumni?redacted",
                exported.get(1).getAttributes().get(AttributeKey.stringKey("url.full")));
        assertEquals(null, exported.get(2).getAttributes().get(AttributeKey.stringKey("url.query")));
    }
}
