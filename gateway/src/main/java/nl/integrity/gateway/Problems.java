package nl.integrity.gateway;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.ext.web.RoutingContext;

/** RFC 9457 problem responses of the gateway itself (the services write their own). */
final class Problems {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Problems() {
    }

    static void send(RoutingContext ctx, int status, String slug, String title, String detail) {
        ObjectNode problem = JSON.createObjectNode()
                .put("type", "https://integrity.example.nl/problems/" + slug)
                .put("title", title)
                .put("status", status)
                .put("detail", detail)
                .put("instance", ctx.request().path())
                .put("requestId", RequestIds.of(ctx));
        if (ctx.response().ended() || ctx.response().headWritten()) {
            ctx.response().reset();
            return;
        }
        ctx.response()
                .setStatusCode(status)
                .putHeader("Content-Type", "application/problem+json")
                .end(problem.toString());
    }
}
