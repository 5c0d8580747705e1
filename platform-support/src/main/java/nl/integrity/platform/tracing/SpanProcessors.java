package nl.integrity.platform.tracing;

import io.opentelemetry.sdk.trace.SpanProcessor;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import nl.integrity.platform.web.QueryRedaction;

/** The services' own span processors, which Quarkus adds to the tracer: no query string is exported. */
public class SpanProcessors {

    @Produces
    @Singleton
    SpanProcessor queryRedaction() {
        return new QueryRedaction();
    }
}
