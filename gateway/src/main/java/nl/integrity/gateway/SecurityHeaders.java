package nl.integrity.gateway;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Security headers on every response of the gateway, whoever writes it (a page, a problem, a
 * login redirect, a service's answer): a strict Content-Security-Policy that also forbids framing,
 * no MIME sniffing, no referrer, and HSTS when the request came over TLS.
 */
@ApplicationScoped
public class SecurityHeaders {

    private final GatewayConfig config;

    SecurityHeaders(GatewayConfig config) {
        this.config = config;
    }

    void register(@Observes Filters filters) {
        // Before every other filter and route, so even early answers carry the headers.
        filters.register(this::addOnResponse, Integer.MAX_VALUE);
    }

    private void addOnResponse(RoutingContext ctx) {
        boolean tls = "https".equals(ctx.request().scheme());
        // Swagger UI's page starts itself with inline scripts; only that page, which shows no data, allows them.
        String csp = ctx.normalizedPath().startsWith("/api-docs/")
                ? config.apiDocsContentSecurityPolicy()
                : config.contentSecurityPolicy();
        ctx.addHeadersEndHandler(ignored -> {
            var headers = ctx.response().headers();
            headers.set("Content-Security-Policy", csp);
            headers.set("X-Content-Type-Options", "nosniff");
            headers.set("X-Frame-Options", "DENY");
            // No referrer leaves the portal; within it the browser keeps sending the real Origin on form
            // posts (under no-referrer it sends "null", which the CORS check must refuse, e.g. /logout).
            headers.set("Referrer-Policy", "same-origin");
            headers.set("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()");
            headers.set("Cross-Origin-Opener-Policy", "same-origin");
            if (tls) {
                headers.set(
                        HttpHeaders.createOptimized("Strict-Transport-Security"),
                        "max-age=31536000; includeSubDomains");
            }
        });
        ctx.next();
    }
}
