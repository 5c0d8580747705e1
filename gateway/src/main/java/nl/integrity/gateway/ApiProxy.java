package nl.integrity.gateway;

import io.netty.channel.ConnectTimeoutException;
import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.AuthenticationRedirectException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.RequestOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.ConnectException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import org.jboss.logging.Logger;

/**
 * Forwards {@code /api/*} to the service owning the path prefix, with the caller's bearer token
 * (or, for a browser with a portal session, the session's access token) and a request id. Only
 * authenticated calls pass: quarkus-oidc validates the token (signature, issuer, expiry,
 * audience) or the session before this handler runs; a call without either is refused here, and a
 * state-changing session call without its CSRF token too. A service that
 * is down answers a quick 503 problem, one that hangs a 504 after the configured timeout.
 */
@ApplicationScoped
public class ApiProxy {

    private static final Logger LOG = Logger.getLogger(ApiProxy.class);
    /** Hop-by-hop headers (RFC 9110 7.6.1) and those the client recomputes are not forwarded. */
    private static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "proxy-authenticate",
            "proxy-authorization", "te", "trailer", "transfer-encoding", "upgrade", "host", "content-length");
    /** The browser's cookies (the session) and CSRF token stay at the gateway; the services get the bearer token. */
    private static final Set<String> NOT_FORWARDED = Set.of("cookie", PortalSessions.CSRF_HEADER.toLowerCase());

    private final GatewayConfig config;
    private final PortalSessions sessions;
    private final RateLimits rateLimits;
    private final CircuitBreakers breakers;
    private final List<Map.Entry<String, GatewayConfig.Route>> prefixes;
    private HttpClient client;

    ApiProxy(GatewayConfig config, PortalSessions sessions, RateLimits rateLimits, CircuitBreakers breakers) {
        this.config = config;
        this.sessions = sessions;
        this.rateLimits = rateLimits;
        this.breakers = breakers;
        // Longest prefix first, so a more specific route wins.
        this.prefixes = config.routes().values().stream()
                .flatMap(route -> route.prefixes().stream().map(p -> Map.entry(p, route)))
                .sorted(Comparator.comparingInt((Map.Entry<String, GatewayConfig.Route> e) -> e.getKey().length()).reversed())
                .toList();
    }

    void register(@Observes Router router, Vertx vertx) {
        client = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout((int) config.connectTimeout().toMillis())
                .setKeepAlive(true)
                .setMaxPoolSize(64));
        router.route().failureHandler(this::failure);
        for (String upload : config.uploadPrefixes()) {
            router.route(upload + "*")
                    .handler(BodyHandler.create(false).setBodyLimit(config.maxUploadSize().asLongValue()))
                    .handler(this::forward);
        }
        router.route("/api/*")
                .handler(BodyHandler.create(false).setBodyLimit(config.maxBodySize().asLongValue()))
                .handler(this::forward);
        router.get("/api-docs/:service/openapi").handler(this::openApi);
        // Anything no route or portal file served is a 404 problem.
        router.route().last().handler(ctx -> Problems.send(ctx, 404, "not-found", "Not found",
                "Nothing is served under " + ctx.request().path()));
    }

    void forward(RoutingContext ctx) {
        String token;
        SecurityIdentity identity;
        if (PortalTenant.bearer(ctx)) {
            // quarkus-oidc validated the bearer token before this handler (an invalid one ends in failure()).
            identity = ctx.user() instanceof QuarkusHttpUser user ? user.getSecurityIdentity() : null;
            token = null; // the caller's own Authorization header goes along
        } else {
            // A browser with a portal session: its access token is relayed; it never reaches the browser.
            identity = sessions.session(ctx).orElse(null);
            token = identity == null ? null : PortalSessions.accessToken(identity);
        }
        if (rateLimited(ctx, identity)) {
            return;
        }
        if (identity == null || identity.isAnonymous()) {
            unauthorized(ctx);
            return;
        }
        if (token != null && !sessions.csrfSatisfied(ctx, identity)) {
            Problems.send(ctx, 403, "csrf", "Missing or wrong CSRF token", "A state-changing request made with "
                    + "the portal session needs the session's token in the " + PortalSessions.CSRF_HEADER + " header");
            return;
        }
        String path = ctx.request().path();
        Optional<GatewayConfig.Route> route = routeFor(path);
        if (route.isEmpty()) {
            Problems.send(ctx, 404, "not-found", "Not found", "No API is served under " + path);
            return;
        }
        proxy(ctx, route.get(), ctx.request().uri(), token);
    }

    /** The OpenAPI document of a service, without a login (it describes the API and holds no data). */
    void openApi(RoutingContext ctx) {
        GatewayConfig.Route route = config.routes().get(ctx.pathParam("service"));
        if (route == null) {
            Problems.send(ctx, 404, "not-found", "Not found", "No service is called " + ctx.pathParam("service"));
            return;
        }
        if (rateLimited(ctx, null)) {
            return;
        }
        proxy(ctx, route, "/q/openapi?format=json", null);
    }

    /** Sends the request on to {@code uri} of the route's service and relays the answer. */
    private void proxy(RoutingContext ctx, GatewayConfig.Route route, String uri, String token) {
        String path = ctx.request().path();
        String requestId = RequestIds.of(ctx);
        CircuitBreakers.Breaker breaker = breakers.of(route.url().getAuthority());
        long refuseFor = breaker.refuseFor(System.nanoTime());
        if (refuseFor > 0) {
            ctx.response().putHeader(HttpHeaders.RETRY_AFTER, String.valueOf(refuseFor));
            Problems.send(ctx, 503, "service-unavailable", "Service unavailable", "The service behind " + path
                    + " failed repeatedly and is given a rest; try again in " + refuseFor + " s");
            return;
        }
        var options = new RequestOptions()
                .setMethod(ctx.request().method())
                .setAbsoluteURI(route.url().resolve(uri).toString())
                .setIdleTimeout(config.timeout().toMillis());
        MultiMap headers = options.getHeaders() == null ? MultiMap.caseInsensitiveMultiMap() : options.getHeaders();
        ctx.request().headers().forEach(h -> {
            if (!HOP_BY_HOP.contains(h.getKey().toLowerCase()) && !NOT_FORWARDED.contains(h.getKey().toLowerCase())) {
                headers.add(h.getKey(), h.getValue());
            }
        });
        if (token != null) {
            headers.set(HttpHeaders.AUTHORIZATION, "Bearer " + token);
        }
        headers.set(RequestIds.HEADER, requestId);
        headers.set(TraceContext.HEADER, TraceContext.forward(ctx));
        headers.set("X-Forwarded-For", ctx.request().remoteAddress() == null ? "" : ctx.request().remoteAddress().hostAddress());
        headers.set("X-Forwarded-Proto", ctx.request().scheme());
        headers.set("X-Forwarded-Host", String.valueOf(ctx.request().authority()));
        options.setHeaders(headers);
        Buffer body = ctx.body().buffer();

        client.request(options)
                .compose(request -> body == null ? request.send() : request.send(body))
                .onSuccess(response -> {
                    breaker.succeeded();
                    relay(ctx, response, requestId);
                })
                .onFailure(cause -> {
                    breaker.failed(System.nanoTime());
                    unavailable(ctx, route, cause);
                });
    }

    /** Takes one request from the caller's allowance; when it is used up, answers 429 with Retry-After. */
    private boolean rateLimited(RoutingContext ctx, SecurityIdentity identity) {
        RateLimits.Verdict verdict = rateLimits.take(ctx, identity);
        if (verdict.allowed()) {
            return false;
        }
        ctx.response().putHeader(HttpHeaders.RETRY_AFTER, String.valueOf(verdict.retryAfterSeconds()));
        Problems.send(ctx, 429, "rate-limited", "Too many requests",
                "Too many requests from this caller; try again in " + verdict.retryAfterSeconds() + " s");
        return true;
    }

    private static void unauthorized(RoutingContext ctx) {
        ctx.response().putHeader("WWW-Authenticate", "Bearer");
        Problems.send(ctx, 401, "unauthorized", "Authentication required",
                "A valid bearer token, or a portal session (log in at /login), is required");
    }

    private void relay(RoutingContext ctx, HttpClientResponse response, String requestId) {
        var out = ctx.response().setStatusCode(response.statusCode());
        response.headers().forEach(h -> {
            if (!HOP_BY_HOP.contains(h.getKey().toLowerCase())) {
                out.headers().add(h.getKey(), h.getValue());
            }
        });
        out.headers().set(RequestIds.HEADER, requestId);
        String length = response.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null) {
            out.putHeader(HttpHeaders.CONTENT_LENGTH, length);
        } else {
            out.setChunked(true);
        }
        response.pipeTo(out).onFailure(cause -> {
            LOG.warnf("Response of %s broke off [request %s]: %s", ctx.request().path(), requestId, cause.toString());
            out.reset();
        });
    }

    private void unavailable(RoutingContext ctx, GatewayConfig.Route route, Throwable cause) {
        String service = route.url().getAuthority();
        if (cause instanceof TimeoutException || cause.getClass().getSimpleName().contains("Timeout")
                && !(cause instanceof ConnectTimeoutException)) {
            LOG.warnf("Service %s did not answer %s in time [request %s]", service, ctx.request().path(), RequestIds.of(ctx));
            Problems.send(ctx, 504, "service-timeout", "Service did not answer in time",
                    "The service behind " + ctx.request().path() + " did not answer in time; try again later");
            return;
        }
        LOG.warnf("Service %s unavailable for %s [request %s]: %s", service, ctx.request().path(), RequestIds.of(ctx),
                cause instanceof ConnectException ? "connection refused" : cause.toString());
        Problems.send(ctx, 503, "service-unavailable", "Service unavailable",
                "The service behind " + ctx.request().path() + " is not available; try again later");
    }

    /** Security and body-limit failures become problems too, never an empty or HTML page. */
    private void failure(RoutingContext ctx) {
        Throwable failure = ctx.failure();
        if (ctx.response().ended()) {
            return; // answered already (a login redirect of quarkus-oidc, say)
        }
        if (failure instanceof AuthenticationRedirectException redirect) {
            ctx.response().setStatusCode(redirect.getCode()).putHeader(HttpHeaders.LOCATION, redirect.getRedirectUri())
                    .putHeader(HttpHeaders.CACHE_CONTROL, "no-store").end();
        } else if (failure instanceof AuthenticationFailedException || failure instanceof UnauthorizedException
                || failure instanceof AuthenticationCompletionException) {
            unauthorized(ctx);
        } else if (failure instanceof ForbiddenException) {
            Problems.send(ctx, 403, "forbidden", "Forbidden", "You may not call this operation");
        } else if (ctx.statusCode() == 413) {
            Problems.send(ctx, 413, "payload-too-large", "Request too large",
                    "The request body is larger than this path accepts");
        } else if (ctx.statusCode() >= 400 && ctx.statusCode() < 500) {
            Problems.send(ctx, ctx.statusCode(), "bad-request", "Bad request", "The request could not be handled");
        } else {
            LOG.errorf(failure, "Unexpected gateway failure for %s [request %s]", ctx.request().path(), RequestIds.of(ctx));
            Problems.send(ctx, 500, "internal", "Internal error",
                    "The gateway failed unexpectedly; quote request id " + RequestIds.of(ctx) + " when reporting it");
        }
    }

    Optional<GatewayConfig.Route> routeFor(String path) {
        return prefixes.stream()
                .filter(e -> path.equals(e.getKey()) || path.startsWith(e.getKey() + "/"))
                .map(Map.Entry::getValue)
                .findFirst();
    }
}
