package nl.integrity.platform.problem;

import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.integrity.platform.input.PlatformDates;
import nl.integrity.platform.input.StorableText;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Checks the query and path parameters of every request before the resource sees them: text the
 * platform cannot store ({@link StorableText}), and a value that is not of the parameter's type
 * (a whole number, a yes/no, a date inside {@link PlatformDates}), are a 400 problem naming the
 * parameter, instead of a 404 or a failure in the database.
 */
public class RequestParameters {

    @ServerRequestFilter
    public void check(ContainerRequestContext request, ResourceInfo resource) {
        var uri = request.getUriInfo();
        checkText(uri.getQueryParameters());
        checkText(uri.getPathParameters());
        Method method = resource == null ? null : resource.getResourceMethod();
        if (method == null) {
            return;
        }
        for (Parameter parameter : method.getParameters()) {
            QueryParam query = parameter.getAnnotation(QueryParam.class);
            if (query != null) {
                for (String value : uri.getQueryParameters().getOrDefault(query.value(), List.of())) {
                    typeProblem(parameter.getType(), value).ifPresent(problem -> {
                        throw new InvalidField(query.value(), problem);
                    });
                }
            }
            PathParam path = parameter.getAnnotation(PathParam.class);
            if (path != null && parameter.getType() != java.util.UUID.class) {
                String value = uri.getPathParameters().getFirst(path.value());
                typeProblem(parameter.getType(), value).ifPresent(problem -> {
                    throw new InvalidField(path.value(), problem);
                });
            }
        }
    }

    private static void checkText(Map<String, List<String>> parameters) {
        parameters.forEach((name, values) -> {
            StorableText.problem(name).ifPresent(problem -> {
                throw new InvalidField("(parameter name)", problem);
            });
            for (String value : values) {
                StorableText.problem(value).ifPresent(problem -> {
                    throw new InvalidField(name, problem);
                });
            }
        });
    }

    /** Why {@code value} is not a {@code type}, for the types the platform's parameters use. */
    static Optional<String> typeProblem(Class<?> type, String value) {
        if (value == null || value.isEmpty()) {
            return Optional.empty();
        }
        try {
            if (type == int.class || type == Integer.class) {
                Integer.parseInt(value);
            } else if (type == long.class || type == Long.class) {
                Long.parseLong(value);
            } else if (type == boolean.class || type == Boolean.class) {
                if (!value.equals("true") && !value.equals("false")) {
                    return Optional.of("must be true or false");
                }
            } else if (type == LocalDate.class) {
                return PlatformDates.problem(LocalDate.parse(value));
            } else if (type == java.util.UUID.class) {
                java.util.UUID.fromString(value);
            }
            return Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.of("must be a whole number");
        } catch (DateTimeParseException e) {
            return Optional.of("must be " + PlatformDates.RANGE);
        } catch (IllegalArgumentException e) {
            return Optional.of("must be an identifier (UUID)");
        }
    }
}
