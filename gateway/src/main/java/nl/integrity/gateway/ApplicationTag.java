package nl.integrity.gateway;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The gateway's metric tags: its name on every series, and request paths reduced to the route they took. */
public class ApplicationTag {

    /** Tags every metric with the service's name ({@code application}), so dashboards and alerts can tell the services apart. */
    @Produces
    @Singleton
    MeterFilter applicationTag(@ConfigProperty(name = "quarkus.application.name") String application) {
        return MeterFilter.commonTags(List.of(Tag.of("application", application)));
    }

    /** Latency buckets on the HTTP server timer, as every service has them (platform-support's LatencyBuckets). */
    @Produces
    @Singleton
    MeterFilter httpServerLatencyBuckets() {
        double[] bounds = Stream.of(5, 10, 25, 50, 100, 250, 500, 1_000, 2_500, 5_000, 10_000)
                .mapToDouble(ms -> Duration.ofMillis(ms).toNanos())
                .toArray();
        return new MeterFilter() {
            @Override
            public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
                return id.getName().equals("http.server.requests")
                        ? DistributionStatisticConfig.builder()
                                .serviceLevelObjectives(bounds)
                                .build()
                                .merge(config)
                        : config;
            }
        };
    }

    /**
     * The gateway routes {@code /api/*} as one route, so its HTTP metrics would carry every path as asked
     * ({@code /api/alumni/4f1c...}): ids, and whatever a caller puts in a path, without bound. The {@code uri}
     * tag keeps only the first segment, and only when it is a route's resource or one of the portal's own
     * (e.g. {@code /api/alumni/**}, {@code /office/**}); any other path is {@code /api/other} or {@code /other}.
     * The services' own metrics have the full route templates.
     */
    @Produces
    @Singleton
    MeterFilter routeOnly(GatewayConfig config) {
        Set<String> resources = config.routes().values().stream()
                .flatMap(route -> route.prefixes().stream())
                .map(ApplicationTag::firstSegment)
                .collect(Collectors.toUnmodifiableSet());
        return new MeterFilter() {
            @Override
            public Meter.Id map(Meter.Id id) {
                String uri = id.getTag("uri");
                if (uri == null || !id.getName().startsWith("http.server")) {
                    return id;
                }
                return id.replaceTags(id.getTags().stream()
                        .map(t -> t.getKey().equals("uri") ? Tag.of("uri", route(uri, resources)) : t)
                        .toList());
            }
        };
    }

    /** The portal's own top-level paths: its three applications and the files of its home page. */
    private static final Set<String> PORTAL = Set.of(
            "/", "/alumni", "/office", "/admin", "/i18n", "/index.html", "/home.js", "/portal.js", "/portal.css");

    /** {@code /api/alumni/123/exit-interview} is {@code /api/alumni/**}; {@code /api/nothing-routed} is {@code /api/other}. */
    static String route(String uri, Set<String> resources) {
        if (uri.startsWith("/api/")) {
            String resource = firstSegment(uri);
            if (!resources.contains(resource)) {
                return "/api/other";
            }
            return uri.length() > resource.length() ? resource + "/**" : resource;
        }
        int next = uri.indexOf('/', 1);
        String top = next < 0 ? uri : uri.substring(0, next);
        if (!PORTAL.contains(top)) {
            return "/other";
        }
        return next < 0 ? uri : top + "/**";
    }

    /** {@code /api/alumni/x} is {@code /api/alumni}; {@code /office/x} is {@code /office}. */
    static String firstSegment(String path) {
        int from = path.startsWith("/api/") ? "/api/".length() : 1;
        int next = path.indexOf('/', from);
        return next < 0 ? path : path.substring(0, next);
    }
}
