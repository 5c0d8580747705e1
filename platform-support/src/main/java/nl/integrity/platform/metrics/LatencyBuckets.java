package nl.integrity.platform.metrics;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.stream.Stream;

/**
 * Fixed latency buckets on {@code http_server_requests_seconds}, so Prometheus can compute percentiles across
 * instances ({@code histogram_quantile} over {@code _bucket}); eleven buckets from 5 ms to 10 s, not the hundred
 * of a full percentile histogram.
 */
public class LatencyBuckets {

    /** The buckets' upper bounds, in nanoseconds as Micrometer's timers count. */
    public static final double[] BOUNDS = Stream.of(5, 10, 25, 50, 100, 250, 500, 1_000, 2_500, 5_000, 10_000)
            .mapToDouble(ms -> Duration.ofMillis(ms).toNanos())
            .toArray();

    @Produces
    @Singleton
    MeterFilter httpServerLatencyBuckets() {
        return new MeterFilter() {
            @Override
            public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
                if (!id.getName().equals("http.server.requests")) {
                    return config;
                }
                return DistributionStatisticConfig.builder()
                        .serviceLevelObjectives(BOUNDS)
                        .build()
                        .merge(config);
            }
        };
    }
}
