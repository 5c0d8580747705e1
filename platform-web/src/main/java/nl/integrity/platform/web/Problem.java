package nl.integrity.platform.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.net.URI;
import java.util.List;

/**
 * An RFC 9457 problem detail. {@code type} is a stable URI per kind of problem;
 * {@code requestId} lets support find the request in the logs; {@code errors} lists the
 * offending fields of a validation problem. The services and the gateway write the same body.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(
        URI type, String title, int status, String detail, String instance, String requestId, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    static final String TYPE_BASE = "https://integrity.example.nl/problems/";

    public static URI type(String slug) {
        return URI.create(TYPE_BASE + slug);
    }

    /** One invalid field: its path in the request (e.g. {@code employerName}) and what is wrong. */
    public record FieldError(String field, String message) {}
}
