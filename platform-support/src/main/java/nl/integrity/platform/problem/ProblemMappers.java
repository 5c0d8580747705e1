package nl.integrity.platform.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.core.http.HttpServerRequest;
import jakarta.persistence.OptimisticLockException;
import jakarta.transaction.HeuristicMixedException;
import jakarta.transaction.RollbackException;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.sql.SQLException;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import nl.integrity.platform.logging.RequestLogContext;
import nl.integrity.platform.web.Problem;
import nl.integrity.platform.web.RequestIds;
import org.hibernate.StaleObjectStateException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Turns every failure of a REST call into an RFC 9457 {@code application/problem+json}
 * response. Unexpected exceptions are logged with the request id and answered with an
 * opaque 500: no stack trace ever reaches a client.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
    public static final String REQUEST_ID_HEADER = RequestIds.HEADER;

    @ServerExceptionMapper
    public Response problem(ProblemException e, HttpServerRequest request) {
        return respond(request, e.status(), e.typeSlug(), e.title(), e.getMessage(), e.errors());
    }

    @ServerExceptionMapper
    public Response validation(ConstraintViolationException e, HttpServerRequest request) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(fieldOf(v.getPropertyPath().toString()), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
        String detail = errors.stream()
                .map(Problem.FieldError::field)
                .distinct()
                .collect(Collectors.joining(", ", "Invalid fields: ", ""));
        return respond(request, 400, "validation", "Request is not valid", detail, errors);
    }

    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e, HttpServerRequest request) {
        return malformedJson(e, request);
    }

    @ServerExceptionMapper
    public Response malformedJson(JsonProcessingException e, HttpServerRequest request) {
        boolean tooDeep = JsonMistakes.tooDeepOrLong(e);
        String what = e instanceof MismatchedInputException mismatch
                ? JsonMistakes.describe(mismatch)
                : JsonMistakes.duplicateField(e)
                        ? "is given twice"
                        : tooDeep ? "is nested too deep or is too long" : "is not valid JSON";
        // The field the reader was at: from the mapping's path, or else from where the parser stopped.
        Optional<String> field = e instanceof JsonMappingException mapping
                        && !mapping.getPath().isEmpty()
                ? Optional.of(mapping.getPath().stream()
                        .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                        .collect(Collectors.joining("."))
                        .replace(".[", "["))
                : JsonMistakes.location(e);
        // Names of fields the request does not have are the caller's: not echoed at any length.
        List<Problem.FieldError> errors = field.map(f -> f.length() > 200 ? f.substring(0, 200) + "..." : f)
                .map(f -> List.of(new Problem.FieldError(f, what)))
                .orElse(List.of());
        String detail = !errors.isEmpty()
                ? "The body could not be read: " + errors.get(0).field() + " "
                        + errors.get(0).message()
                : tooDeep
                        ? "The body is nested too deep, or holds a value too long, to be read"
                        : "The body is not valid JSON";
        return respond(
                request, 400, "malformed-request", "Request body is not valid JSON for this operation", detail, errors);
    }

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response unauthorized(RuntimeException e, HttpServerRequest request) {
        return Response.fromResponse(respond(
                        request,
                        401,
                        "unauthorized",
                        "Authentication required",
                        "A valid bearer token is required",
                        List.of()))
                .header("WWW-Authenticate", "Bearer")
                .build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, HttpServerRequest request) {
        return respond(request, 403, "forbidden", "Forbidden", "Your role does not allow this operation", List.of());
    }

    @ServerExceptionMapper({OptimisticLockException.class, StaleObjectStateException.class})
    public Response staleVersion(RuntimeException e, HttpServerRequest request) {
        return respond(
                request,
                409,
                "stale-version",
                "Conflicting update",
                "The resource was changed by someone else; reload it and try again",
                List.of());
    }

    @ServerExceptionMapper
    public Response http(WebApplicationException e, HttpServerRequest request) {
        int status = e.getResponse().getStatus();
        if (e.getCause() instanceof JsonProcessingException json) {
            return malformedJson(json, request);
        }
        if (status >= 500) {
            return unexpected(e, request);
        }
        String title = Response.Status.fromStatusCode(status) != null
                ? Response.Status.fromStatusCode(status).getReasonPhrase()
                : "HTTP " + status;
        String slug = title.toLowerCase().replace(' ', '-');
        return respond(request, status, slug, title, e.getMessage(), List.of());
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, HttpServerRequest request) {
        String requestId = requestId(request);
        if (lostDatabaseConnection(e)) {
            // The database dropped the connection (restarted, failed over, terminated it): the service is
            // unavailable for this request, not broken; the pool replaces the connection.
            // Lost while committing, the database may have carried the commit out: the caller must look before
            // repeating.
            boolean inDoubt = failedAtCommit(e);
            LOG.warnf(
                    "Database connection lost during %s %s%s [request %s]",
                    request.method(), request.path(), inDoubt ? " as it committed" : "", requestId);
            return Response.fromResponse(respond(
                            request,
                            503,
                            "service-unavailable",
                            "Service unavailable",
                            inDoubt
                                    ? "The connection to the database broke as the change was being saved: it may have been saved or not. "
                                            + "Look before you try again."
                                    : "The connection to the database was lost while the request was handled; nothing was changed. "
                                            + "Try again in a moment.",
                            List.of()))
                    .header("Retry-After", "1")
                    .build();
        }
        LOG.errorf(e, "Unexpected failure of %s %s [request %s]", request.method(), request.path(), requestId);
        var problem = new Problem(
                Problem.type("internal"),
                "Internal error",
                500,
                "The request failed unexpectedly; quote request id " + requestId + " when reporting it",
                request.path(),
                requestId,
                List.of());
        return Response.status(500).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    /**
     * A connection failure (SQLState class 08) or a server that ended the session (57P01-57P03) anywhere among the
     * causes, or among what was suppressed on the way (a failed commit carries the driver's exception as suppressed).
     */
    static boolean lostDatabaseConnection(Throwable e) {
        return lostDatabaseConnection(e, Collections.newSetFromMap(new IdentityHashMap<>()));
    }

    /** The transaction manager reports a failed commit (rather than a failed statement before it). */
    static boolean failedAtCommit(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof RollbackException || t instanceof HeuristicMixedException) {
                return true;
            }
        }
        return false;
    }

    private static boolean lostDatabaseConnection(Throwable e, Set<Throwable> seen) {
        if (e == null || !seen.add(e) || seen.size() > 50) {
            return false;
        }
        if (e instanceof SQLException sql
                && sql.getSQLState() != null
                && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P0"))) {
            return true;
        }
        for (Throwable suppressed : e.getSuppressed()) {
            if (lostDatabaseConnection(suppressed, seen)) {
                return true;
            }
        }
        return lostDatabaseConnection(e.getCause(), seen);
    }

    private static Response respond(
            HttpServerRequest request,
            int status,
            String slug,
            String title,
            String detail,
            List<Problem.FieldError> errors) {
        var problem =
                new Problem(Problem.type(slug), title, status, detail, request.path(), requestId(request), errors);
        return Response.status(status).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    /** The request's id, as its log lines name it. */
    static String requestId(HttpServerRequest request) {
        return RequestLogContext.requestId(request);
    }

    /** "submit.request.employerName" (method.param.field) becomes "employerName". */
    private static String fieldOf(String propertyPath) {
        String[] parts = propertyPath.split("\\.");
        return parts.length > 2
                ? String.join(".", java.util.Arrays.copyOfRange(parts, 2, parts.length))
                : parts[parts.length - 1];
    }
}
