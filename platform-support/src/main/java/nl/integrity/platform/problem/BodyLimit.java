package nl.integrity.platform.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import nl.integrity.platform.web.Problem;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A body larger than the service takes ({@code quarkus.http.limits.max-body-size}) is refused with a
 * 413 problem before it is read, as every other refusal is a problem; Quarkus's own check, which
 * comes right after this one, answers with an empty 413.
 */
@ApplicationScoped
public class BodyLimit {

    private final long maxBodySize;
    private final ObjectMapper json;

    BodyLimit(
            @ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10240K") MemorySize maxBodySize,
            ObjectMapper json) {
        this.maxBodySize = maxBodySize.asLongValue();
        this.json = json;
    }

    void install(@Observes Router router) {
        router.route().order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 1).handler(this::check);
    }

    private void check(RoutingContext context) {
        String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null && tooLarge(length)) {
            var problem = new Problem(
                    Problem.type("payload-too-large"),
                    "Request body too large",
                    413,
                    "The body is larger than the " + maxBodySize + " bytes this service takes",
                    context.request().path(),
                    ProblemMappers.requestId(context.request()),
                    List.of());
            String body;
            try {
                body = json.writeValueAsString(problem);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
            // Closed after the answer: the rest of the body is not read.
            context.response()
                    .setStatusCode(413)
                    .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                    .putHeader(HttpHeaders.CONNECTION, "close")
                    .end(body);
            return;
        }
        context.next();
    }

    private boolean tooLarge(String length) {
        try {
            return Long.parseLong(length.trim()) > maxBodySize;
        } catch (NumberFormatException malformed) {
            return false; // Vert.x refuses a malformed Content-Length itself
        }
    }
}
