package nl.integrity.gateway;

import io.vertx.ext.web.RoutingContext;
import java.util.UUID;
import java.util.regex.Pattern;

/** Every request gets an id: the caller's {@code X-Request-Id} when sane, otherwise a new one. */
final class RequestIds {

    static final String HEADER = "X-Request-Id";
    private static final String KEY = "request-id";
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._-]{1,100}");

    private RequestIds() {
    }

    static String of(RoutingContext ctx) {
        String id = ctx.get(KEY);
        if (id == null) {
            String given = ctx.request().getHeader(HEADER);
            id = given != null && SANE.matcher(given).matches() ? given : UUID.randomUUID().toString();
            ctx.put(KEY, id);
        }
        return id;
    }
}
