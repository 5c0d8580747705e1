package nl.integrity.gateway;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Where the gateway sends what: each route owns path prefixes and forwards them to one service. */
@ConfigMapping(prefix = "gateway")
public interface GatewayConfig {

    Map<String, Route> routes();

    @WithDefault("10s")
    Duration timeout();

    @WithDefault("1s")
    Duration connectTimeout();

    /** Largest request body accepted, e.g. {@code 1M}; larger bodies are refused with 413. */
    @WithDefault("1M")
    io.quarkus.runtime.configuration.MemorySize maxBodySize();

    /** Path prefixes of uploads (e.g. the HR system's CSV import), allowed {@link #maxUploadSize()}. */
    @WithDefault("/api/departures/imports")
    List<String> uploadPrefixes();

    @WithDefault("100M")
    io.quarkus.runtime.configuration.MemorySize maxUploadSize();

    interface Route {
        URI url();

        List<String> prefixes();
    }
}
