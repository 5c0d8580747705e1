package nl.integrity.platform.metrics;

import io.micrometer.core.instrument.config.MeterFilter;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Tags every metric with the service's name ({@code application}), so dashboards and alerts can tell the services apart. */
public class ApplicationTag {

    @Produces
    @Singleton
    MeterFilter applicationTag(@ConfigProperty(name = "quarkus.application.name") String application) {
        return MeterFilter.commonTags(
                java.util.List.of(io.micrometer.core.instrument.Tag.of("application", application)));
    }
}
