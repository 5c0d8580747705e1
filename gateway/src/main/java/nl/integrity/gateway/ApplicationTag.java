package nl.integrity.gateway;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.config.MeterFilter;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The gateway's metric tags: its name on every series, and request paths reduced to the route they took. */
public class ApplicationTag {

    /** Tags every metric with the service's name ({@code application}), so dashboards and alerts can tell the services apart. */
    @Produces
    @Singleton
    MeterFilter applicationTag(@ConfigProperty(name = "quarkus.application.name") String application) {
        return MeterFilter.commonTags(List.of(Tag.of("application", application)));
    }

    /**
     * The gateway routes {@code /api/*} as one route, so its HTTP metrics would carry every path as asked
     * ({@code /api/alumni/4f1c...}): ids, and whatever a caller puts in a path. The {@code uri} tag keeps only
     * the first segment after {@code /api} (the service's resource, e.g. {@code /api/alumni/**}); the services'
     * own metrics have the full route templates.
     */
    @Produces
    @Singleton
    MeterFilter routeOnly() {
        return new MeterFilter() {
            @Override
            public Meter.Id map(Meter.Id id) {
                String uri = id.getTag("uri");
                if (uri == null || !id.getName().startsWith("http.server")) {
                    return id;
                }
                return id.replaceTags(id.getTags().stream()
                        .map(t -> t.getKey().equals("uri") ? Tag.of("uri", route(uri)) : t)
                        .toList());
            }
        };
    }

    /** {@code /api/alumni/123/exit-interview} is {@code /api/alumni/**}; {@code /alumni/index.html} is {@code /alumni/**}. */
    static String route(String uri) {
        boolean api = uri.startsWith("/api/");
        String path = api ? uri.substring("/api".length()) : uri;
        if (path.length() <= 1 || !path.startsWith("/")) {
            return uri;
        }
        int next = path.indexOf('/', 1);
        return (api ? "/api" : "") + (next < 0 ? path : path.substring(0, next) + "/**");
    }
}
