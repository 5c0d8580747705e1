package nl.integrity.platform.problem;

import nl.integrity.platform.web.Problem;

/**
 * Base of the named domain and application exceptions that become a problem response.
 * Subclasses fix the status, a stable type slug and a title; the message is the detail.
 */
public abstract class ProblemException extends RuntimeException {

    private final int status;
    private final String typeSlug;
    private final String title;

    protected ProblemException(int status, String typeSlug, String title, String detail) {
        super(detail);
        this.status = status;
        this.typeSlug = typeSlug;
        this.title = title;
    }

    public int status() {
        return status;
    }

    public String typeSlug() {
        return typeSlug;
    }

    public String title() {
        return title;
    }

    /** The offending fields, for problems about the request's content; empty otherwise. */
    public java.util.List<Problem.FieldError> errors() {
        return java.util.List.of();
    }
}
