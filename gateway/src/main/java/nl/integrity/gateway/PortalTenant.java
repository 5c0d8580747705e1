package nl.integrity.gateway;

import io.quarkus.oidc.TenantResolver;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Which OIDC configuration checks a request. External systems send a bearer token: the default
 * tenant validates it. Browsers hold a portal session (the {@code portal} tenant: authorization
 * code flow with PKCE, an encrypted HttpOnly session cookie, no token in the browser). An API call
 * with neither is left to the default tenant, so it gets a 401 problem rather than a login redirect.
 */
@ApplicationScoped
public class PortalTenant implements TenantResolver {

    static final String TENANT = "portal";
    /** The session cookie's name: quarkus-oidc's {@code q_session} with the tenant as suffix. */
    static final String SESSION_COOKIE = "q_session_" + TENANT;

    @Override
    public String resolve(RoutingContext ctx) {
        if (bearer(ctx)) {
            return null;
        }
        if (ctx.normalizedPath().startsWith("/api/") && !hasSession(ctx)) {
            return null;
        }
        return TENANT;
    }

    static boolean bearer(RoutingContext ctx) {
        String authorization = ctx.request().getHeader(HttpHeaders.AUTHORIZATION);
        return authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7);
    }

    static boolean hasSession(RoutingContext ctx) {
        return ctx.request().cookies().stream().anyMatch(c -> c.getName().startsWith(SESSION_COOKIE));
    }
}
