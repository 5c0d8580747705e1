package nl.integrity.platform.problem;

import java.util.List;

/** A request value the resource checks itself (one bean validation cannot express) is invalid: 400. */
public class InvalidField extends ProblemException {

    private final Problem.FieldError error;

    public InvalidField(String field, String message) {
        super(400, "validation", "Request is not valid", "Invalid fields: " + field);
        this.error = new Problem.FieldError(field, message);
    }

    @Override
    public List<Problem.FieldError> errors() {
        return List.of(error);
    }
}
