package nl.integrity.gateway;

import io.netty.channel.ConnectTimeoutException;
import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.AuthenticationRedirectException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.smallrye.stork.api.ServiceInstance;
import io.vertx.core.Context;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.ConnectException;
import java.util.Comparator;
import java.util.HashSet;
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
    private static final Set<String> HOP_BY_HOP = Set.of(
            "connection",
            "keep-alive",
            "proxy-authenticate",
            "proxy-authorization",
            "te",
            "trailer",
            "transfer-encoding",
            "upgrade",
            "host",
            "content-length");
    /** The browser's cookies (the session) and CSRF token stay at the gateway; the services get the bearer token. */
    // The trace context is the gateway's own span's (OpenTelemetry sets it on the call), never the caller's as sent.
    private static final Set<String> NOT_FORWARDED =
            Set.of("cookie", PortalSessions.CSRF_HEADER.toLowerCase(), "traceparent", "tracestate", "baggage");

    private final GatewayConfig config;
    private final PortalSessions sessions;
    private final RateLimits rateLimits;
    private final Upstreams upstreams;
    /** Path prefix to route name, longest prefix first, so a more specific route wins. */
    private final List<Map.Entry<String, String>> prefixes;

    private HttpClient client;

    ApiProxy(GatewayConfig config, PortalSessions sessions, RateLimits rateLimits, Upstreams upstreams) {
        this.config = config;
        this.sessions = sessions;
        this.rateLimits = rateLimits;
        this.upstreams = upstreams;
        this.prefixes = config.routes().entrySet().stream()
                .flatMap(route -> route.getValue().prefixes().stream().map(p -> Map.entry(p, route.getKey())))
                .sorted(Comparator.comparingInt(
                                (Map.Entry<String, String> e) -> e.getKey().length())
                        .reversed())
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
                    .handler(BodyHandler.create(false)
                            .setBodyLimit(config.maxUploadSize().asLongValue()))
                    .handler(this::forward);
        }
        router.route("/api/*")
                .handler(BodyHandler.create(false)
                        .setBodyLimit(config.maxBodySize().asLongValue()))
                .handler(this::forward);
        router.get("/api-docs/:service/openapi").handler(this::openApi);
        // Anything no route or portal file served is a 404 problem.
        router.route()
                .last()
                .handler(ctx -> Problems.send(
                        ctx,
                        404,
                        "not-found",
                        "Not found",
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
        withinAllowance(ctx, identity, () -> {
            if (identity == null || identity.isAnonymous()) {
                unauthorized(ctx);
                return;
            }
            if (token != null && !sessions.csrfSatisfied(ctx, identity)) {
                Problems.send(
                        ctx,
                        403,
                        "csrf",
                        "Missing or wrong CSRF token",
                        "A state-changing request made with " + "the portal session needs the session's token in the "
                                + PortalSessions.CSRF_HEADER + " header");
                return;
            }
            String path = ctx.request().path();
            if (path.equals(AccessExport.PATH)) {
                export(ctx, token);
                return;
            }
            Optional<String> route = routeFor(path);
            if (route.isEmpty()) {
                Problems.send(ctx, 404, "not-found", "Not found", "No API is served under " + path);
                return;
            }
            proxy(ctx, route.get(), ctx.request().uri(), token);
        });
    }

    /** A service's answer, read whole: for the access export, which needs every service's before it can answer. */
    record Fetched(int status, Buffer body) {}

    /**
     * The caller's access export ({@link AccessExport}): every service's own export of the caller's
     * data, asked for at once with the caller's token, combined. A service that refuses the caller
     * (not an alumnus) gives its refusal; one that is down makes the whole export a 503, as an export
     * that silently missed a service would tell the alumnus less than the law says it must.
     */
    private void export(RoutingContext ctx, String token) {
        if (ctx.request().method() != HttpMethod.GET) {
            ctx.response().putHeader(HttpHeaders.ALLOW, "GET");
            Problems.send(ctx, 405, "method-not-allowed", "Method not allowed", "Download the export with GET");
            return;
        }
        String format = ctx.request().getParam("format", "zip");
        if (!format.equals("zip") && !format.equals("json")) {
            Problems.send(ctx, 400, "invalid-request", "Invalid request", "format: zip (the default) or json");
            return;
        }
        String authorization = token != null ? "Bearer " + token : ctx.request().getHeader(HttpHeaders.AUTHORIZATION);
        List<String> names = List.copyOf(AccessExport.PARTS.keySet());
        List<io.vertx.core.Future<Fetched>> calls = names.stream()
                .map(name -> {
                    var part = AccessExport.PARTS.get(name);
                    return fetch(ctx, part.route(), part.uri(), authorization);
                })
                .toList();
        io.vertx.core.Future.join(calls).onComplete(done -> {
            try {
                answerExport(ctx, format, names, calls);
            } catch (RuntimeException e) {
                // A part that is no JSON, or an archive that cannot be written: never a request left hanging.
                LOG.errorf(e, "Access export could not be assembled [request %s]", RequestIds.of(ctx));
                Problems.send(
                        ctx,
                        500,
                        "internal",
                        "Internal error",
                        "The export could not be assembled; quote request id " + RequestIds.of(ctx)
                                + " when reporting it");
            }
        });
    }

    /** Answers the export once every service answered: a refusal or an outage as such, else the whole. */
    private void answerExport(
            RoutingContext ctx, String format, List<String> names, List<io.vertx.core.Future<Fetched>> calls) {
        for (int i = 0; i < calls.size(); i++) {
            var call = calls.get(i);
            String route = AccessExport.PARTS.get(names.get(i)).route();
            if (call.failed()) {
                unavailable(ctx, route, call.cause());
                return;
            }
            Fetched answer = call.result();
            if (answer.status() >= 400 && answer.status() < 500 && answer.body().length() == 0) {
                Problems.send(
                        ctx,
                        answer.status(),
                        answer.status() == 403 ? "forbidden" : "bad-request",
                        "Refused",
                        "Only an alumnus downloads their own data");
                return;
            }
            if (answer.status() >= 400 && answer.status() < 500) {
                ctx.response()
                        .setStatusCode(answer.status())
                        .putHeader(HttpHeaders.CONTENT_TYPE, "application/problem+json")
                        .putHeader(RequestIds.HEADER, RequestIds.of(ctx))
                        .end(answer.body());
                return;
            }
            if (answer.status() != 200) {
                unavailable(ctx, route, new ConnectException("answered " + answer.status()));
                return;
            }
        }
        Map<String, byte[]> bodies = new java.util.LinkedHashMap<>();
        for (int i = 0; i < calls.size(); i++) {
            bodies.put(names.get(i), calls.get(i).result().body().getBytes());
        }
        var combined = AccessExport.combine(bodies, java.time.Instant.now());
        var response = ctx.response()
                .setStatusCode(200)
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
                .putHeader(RequestIds.HEADER, RequestIds.of(ctx));
        if (format.equals("json")) {
            response.putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                    .end(Buffer.buffer(AccessExport.json(combined)));
        } else {
            response.putHeader(HttpHeaders.CONTENT_TYPE, "application/zip")
                    .putHeader("Content-Disposition", "attachment; filename=\"my-data.zip\"")
                    .end(Buffer.buffer(AccessExport.archive(combined, bodies)));
        }
    }

    /** GETs {@code uri} from an instance of the route's service, trying the next one as {@link #attempt} does. */
    private io.vertx.core.Future<Fetched> fetch(RoutingContext ctx, String route, String uri, String authorization) {
        return io.vertx.core.Future.fromCompletionStage(
                        upstreams.instances(route).subscribeAsCompletionStage(),
                        ctx.vertx().getOrCreateContext())
                .compose(instances -> fetchFrom(ctx, route, instances, new HashSet<>(), uri, authorization));
    }

    private io.vertx.core.Future<Fetched> fetchFrom(
            RoutingContext ctx,
            String route,
            List<ServiceInstance> instances,
            Set<Long> tried,
            String uri,
            String authorization) {
        Upstreams.Pick pick = upstreams.pick(route, instances, tried);
        if (!pick.found()) {
            return io.vertx.core.Future.failedFuture(new ConnectException("no instance accepted the connection"));
        }
        var options = new RequestOptions()
                .setMethod(HttpMethod.GET)
                .setAbsoluteURI(pick.baseUrl() + uri)
                .setIdleTimeout(config.timeout().toMillis());
        options.putHeader(HttpHeaders.ACCEPT, "application/json");
        if (authorization != null) {
            options.putHeader(HttpHeaders.AUTHORIZATION, authorization);
        }
        options.putHeader(RequestIds.HEADER, RequestIds.of(ctx));
        return client.request(options)
                .compose(request -> request.send())
                .compose(response -> response.body().map(body -> new Fetched(response.statusCode(), body)))
                .onSuccess(fetched -> pick.breaker().succeeded())
                .recover(cause -> {
                    pick.breaker().failed(System.nanoTime());
                    if (neverReachedTheService(cause) || brokeOff(cause)) {
                        tried.add(pick.instance().getId());
                        return fetchFrom(ctx, route, instances, tried, uri, authorization);
                    }
                    return io.vertx.core.Future.failedFuture(cause);
                });
    }

    /** The OpenAPI document of a service, without a login (it describes the API and holds no data). */
    void openApi(RoutingContext ctx) {
        String route = ctx.pathParam("service");
        if (!config.routes().containsKey(route)) {
            Problems.send(ctx, 404, "not-found", "Not found", "No service is called " + route);
            return;
        }
        withinAllowance(ctx, null, () -> proxy(ctx, route, "/q/openapi?format=json", null));
    }

    /** Sends the request on to {@code uri} of an instance of the route's service and relays the answer. */
    private void proxy(RoutingContext ctx, String route, String uri, String token) {
        upstreams
                .instances(route)
                .subscribe()
                .with(
                        instances -> attempt(ctx, route, instances, new HashSet<>(), uri, token),
                        failure -> unavailable(ctx, route, failure));
    }

    /**
     * One attempt on an instance not tried yet. An instance that refused the connection never saw
     * the request, so the next instance gets it; a GET whose connection broke off before an answer
     * is tried on the next one too. Anything else is answered at once.
     */
    private void attempt(
            RoutingContext ctx,
            String route,
            List<ServiceInstance> instances,
            Set<Long> tried,
            String uri,
            String token) {
        String path = ctx.request().path();
        String requestId = RequestIds.of(ctx);
        Upstreams.Pick pick = upstreams.pick(route, instances, tried);
        if (!pick.found()) {
            if (pick.retryAfterSeconds() > 0) {
                ctx.response().putHeader(HttpHeaders.RETRY_AFTER, String.valueOf(pick.retryAfterSeconds()));
                Problems.send(
                        ctx,
                        503,
                        "service-unavailable",
                        "Service unavailable",
                        "The service behind " + path + " failed repeatedly and is given a rest; try again in "
                                + pick.retryAfterSeconds() + " s");
            } else {
                unavailable(ctx, route, new ConnectException("no instance accepted the connection"));
            }
            return;
        }
        var options = new RequestOptions()
                .setMethod(ctx.request().method())
                .setAbsoluteURI(pick.baseUrl() + uri)
                .setIdleTimeout(config.timeout().toMillis());
        MultiMap headers = options.getHeaders() == null ? MultiMap.caseInsensitiveMultiMap() : options.getHeaders();
        ctx.request().headers().forEach(h -> {
            if (!HOP_BY_HOP.contains(h.getKey().toLowerCase())
                    && !NOT_FORWARDED.contains(h.getKey().toLowerCase())) {
                headers.add(h.getKey(), h.getValue());
            }
        });
        if (token != null) {
            headers.set(HttpHeaders.AUTHORIZATION, "Bearer " + token);
        }
        headers.set(RequestIds.HEADER, requestId);
        headers.set(
                "X-Forwarded-For",
                ctx.request().remoteAddress() == null
                        ? ""
                        : ctx.request().remoteAddress().hostAddress());
        headers.set("X-Forwarded-Proto", ctx.request().scheme());
        headers.set("X-Forwarded-Host", String.valueOf(ctx.request().authority()));
        options.setHeaders(headers);
        Buffer body = ctx.body().buffer();

        client.request(options)
                .compose(request -> body == null ? request.send() : request.send(body))
                .onSuccess(response -> {
                    pick.breaker().succeeded();
                    relay(ctx, response, requestId);
                })
                .onFailure(cause -> {
                    pick.breaker().failed(System.nanoTime());
                    if (neverReachedTheService(cause) || ctx.request().method() == HttpMethod.GET && brokeOff(cause)) {
                        LOG.debugf(
                                "Instance %s of %s failed for %s [request %s], trying another: %s",
                                pick.baseUrl(), route, path, requestId, cause.toString());
                        tried.add(pick.instance().getId());
                        attempt(ctx, route, instances, tried, uri, token);
                    } else {
                        unavailable(ctx, route, cause);
                    }
                });
    }

    /** The connection was refused or could not be made: the instance never saw the request. */
    private static boolean neverReachedTheService(Throwable cause) {
        return cause instanceof ConnectException || cause instanceof ConnectTimeoutException;
    }

    /** The connection closed before an answer came (an instance that died mid-request), not a timeout. */
    private static boolean brokeOff(Throwable cause) {
        return cause instanceof io.vertx.core.VertxException
                && String.valueOf(cause.getMessage()).contains("closed");
    }

    /**
     * Takes one request from the caller's allowance and goes on with {@code next} on the request's
     * own context; when the allowance is used up, answers 429 with Retry-After, and when the
     * allowances cannot be read (Redis down), a 503 problem.
     */
    private void withinAllowance(RoutingContext ctx, SecurityIdentity identity, Runnable next) {
        Context context = Vertx.currentContext();
        rateLimits
                .take(ctx, identity)
                .whenComplete((verdict, failure) -> context.runOnContext(ignored -> {
                    if (failure != null) {
                        stateStoreUnavailable(ctx, failure);
                    } else if (verdict.allowed()) {
                        next.run();
                    } else {
                        ctx.response().putHeader(HttpHeaders.RETRY_AFTER, String.valueOf(verdict.retryAfterSeconds()));
                        Problems.send(
                                ctx,
                                429,
                                "rate-limited",
                                "Too many requests",
                                "Too many requests from this caller; try again in " + verdict.retryAfterSeconds()
                                        + " s");
                    }
                }));
    }

    private static void stateStoreUnavailable(RoutingContext ctx, Throwable failure) {
        LOG.warnf(
                "Redis (sessions and rate limits) unavailable for %s [request %s]: %s",
                ctx.request().path(),
                RequestIds.of(ctx),
                failure instanceof java.util.concurrent.TimeoutException ? "no answer in time" : failure.toString());
        ctx.response().putHeader(HttpHeaders.RETRY_AFTER, "5");
        Problems.send(
                ctx,
                503,
                "state-store-unavailable",
                "Service unavailable",
                "The gateway cannot reach its session and rate-limit store; try again later");
    }

    private static void unauthorized(RoutingContext ctx) {
        ctx.response().putHeader("WWW-Authenticate", "Bearer");
        Problems.send(
                ctx,
                401,
                "unauthorized",
                "Authentication required",
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

    private void unavailable(RoutingContext ctx, String service, Throwable cause) {
        if (cause instanceof TimeoutException
                || cause.getClass().getSimpleName().contains("Timeout")
                        && !(cause instanceof ConnectTimeoutException)) {
            LOG.warnf(
                    "Service %s did not answer %s in time [request %s]",
                    service, ctx.request().path(), RequestIds.of(ctx));
            Problems.send(
                    ctx,
                    504,
                    "service-timeout",
                    "Service did not answer in time",
                    "The service behind " + ctx.request().path() + " did not answer in time; try again later");
            return;
        }
        LOG.warnf(
                "Service %s unavailable for %s [request %s]: %s",
                service,
                ctx.request().path(),
                RequestIds.of(ctx),
                cause instanceof ConnectException ? "connection refused" : cause.toString());
        Problems.send(
                ctx,
                503,
                "service-unavailable",
                "Service unavailable",
                "The service behind " + ctx.request().path() + " is not available; try again later");
    }

    /** Security and body-limit failures become problems too, never an empty or HTML page. */
    private void failure(RoutingContext ctx) {
        Throwable failure = ctx.failure();
        if (ctx.response().ended()) {
            return; // answered already (a login redirect of quarkus-oidc, say)
        }
        if (failure instanceof AuthenticationRedirectException redirect) {
            ctx.response()
                    .setStatusCode(redirect.getCode())
                    .putHeader(HttpHeaders.LOCATION, redirect.getRedirectUri())
                    .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
                    .end();
        } else if (causedBy(failure, RedisSessions.StateStoreUnavailable.class)) {
            stateStoreUnavailable(ctx, failure);
        } else if (failure instanceof AuthenticationFailedException
                || failure instanceof UnauthorizedException
                || failure instanceof AuthenticationCompletionException) {
            unauthorized(ctx);
        } else if (failure instanceof ForbiddenException) {
            Problems.send(ctx, 403, "forbidden", "Forbidden", "You may not call this operation");
        } else if (ctx.statusCode() == 413) {
            Problems.send(
                    ctx,
                    413,
                    "payload-too-large",
                    "Request too large",
                    "The request body is larger than this path accepts");
        } else if (ctx.statusCode() >= 400 && ctx.statusCode() < 500) {
            Problems.send(ctx, ctx.statusCode(), "bad-request", "Bad request", "The request could not be handled");
        } else {
            LOG.errorf(
                    failure,
                    "Unexpected gateway failure for %s [request %s]",
                    ctx.request().path(),
                    RequestIds.of(ctx));
            Problems.send(
                    ctx,
                    500,
                    "internal",
                    "Internal error",
                    "The gateway failed unexpectedly; quote request id " + RequestIds.of(ctx) + " when reporting it");
        }
    }

    private static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    Optional<String> routeFor(String path) {
        return prefixes.stream()
                .filter(e -> path.equals(e.getKey()) || path.startsWith(e.getKey() + "/"))
                .map(Map.Entry::getValue)
                .findFirst();
    }
}
