package nl.integrity.gateway;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Where the gateway sends what: each route owns path prefixes and forwards them to one service,
 * whose instances SmallRye Stork lists under the route's name ({@code quarkus.stork.<route>.*}).
 */
@ConfigMapping(prefix = "gateway")
public interface GatewayConfig {

    Map<String, Route> routes();

    /** Sessions and rate limits, kept in Redis so that every gateway instance sees the same. */
    State state();

    interface State {
        /** Prefix of every key the gateway writes, so several platforms (or test runs) can share one Redis. */
        @WithDefault("integrity-gateway:")
        String keyPrefix();

        /** How long a portal session may last at most (Keycloak's SSO session maximum, 10 hours by default). */
        @WithDefault("10H")
        Duration sessionLifetime();

        /** How long a request waits for Redis before the caller gets a 503 problem. */
        @WithDefault("2s")
        Duration timeout();
    }

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

    /**
     * The Content-Security-Policy of every response. Scripts, styles and images only from the
     * gateway itself; forms may post to it and be redirected to the identity provider (login, logout).
     */
    @WithDefault("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; "
            + "base-uri 'none'; form-action 'self' ${gateway.identity-provider-origin}; frame-ancestors 'none'")
    String contentSecurityPolicy();

    /** The Content-Security-Policy of the API documentation page (Swagger UI needs inline script and style). */
    @WithDefault("default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
    String apiDocsContentSecurityPolicy();

    /** Where the login and logout pages live (scheme, host and port of Keycloak). */
    @WithDefault("http://localhost:8180")
    String identityProviderOrigin();

    RateLimit rateLimit();

    /** Bearer tokens verified once and then recognised until they expire (ADR 0015). */
    TokenCache tokenCache();

    interface TokenCache {
        @WithDefault("true")
        boolean enabled();

        /** Tokens kept at most; the least used go first. */
        @WithDefault("10000")
        int maxEntries();

        /**
         * How long a verified token is recognised at most, however long it is still valid; then it is
         * verified afresh, so that a change in what quarkus-oidc accepts (a signing key withdrawn
         * from the realm, once quarkus-oidc has fetched the keys again) applies within this time.
         */
        @WithDefault("60s")
        Duration maxAge();
    }

    CircuitBreaker circuitBreaker();

    interface CircuitBreaker {
        /** Calls in a row that could not reach a service, or timed out, before its breaker opens. */
        @WithDefault("5")
        int failureThreshold();

        /** How long an open breaker refuses calls before one trial call. */
        @WithDefault("10s")
        Duration openFor();
    }

    /**
     * Requests per minute each caller may make (a burst up to the number, refilled evenly); beyond it
     * 429. The allowance is one for all gateway instances together.
     */
    interface RateLimit {
        @WithDefault("true")
        boolean enabled();

        /** A logged-in person (bearer token or portal session). */
        @WithDefault("300")
        int userPerMinute();

        /** A machine client with client credentials, such as the HR system (CSV imports, bulk registration). */
        @WithDefault("1200")
        int clientPerMinute();

        /** Per address, for requests without a login. */
        @WithDefault("60")
        int anonymousPerMinute();
    }

    interface Route {
        List<String> prefixes();
    }
}
