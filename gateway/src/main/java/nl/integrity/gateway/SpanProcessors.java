package nl.integrity.gateway;

import io.opentelemetry.sdk.trace.SpanProcessor;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import nl.integrity.platform.web.QueryRedaction;

/** The gateway's own span processors, which Quarkus adds to the tracer: no query string is exported. */
public class SpanProcessors {

    @Produces
    @Singleton
    SpanProcessor queryRedaction() {
        return new QueryRedaction();
    }
}
