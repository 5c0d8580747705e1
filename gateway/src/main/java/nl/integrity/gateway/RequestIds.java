package nl.integrity.gateway;

import io.vertx.ext.web.RoutingContext;

/**
 * The request's id, decided once per request by the platform's rule
 * ({@link nl.integrity.platform.web.RequestIds}) and kept in the routing context, so the access
 * log, the problem body and the header the services get carry the same id.
 */
final class RequestIds {

    static final String HEADER = nl.integrity.platform.web.RequestIds.HEADER;
    private static final String KEY = "request-id";

    private RequestIds() {}

    static String of(RoutingContext ctx) {
        String id = ctx.get(KEY);
        if (id == null) {
            id = nl.integrity.platform.web.RequestIds.of(ctx.request().getHeader(HEADER));
            ctx.put(KEY, id);
        }
        return id;
    }
}
