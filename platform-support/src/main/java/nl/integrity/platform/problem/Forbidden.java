package nl.integrity.platform.problem;

/** The caller's role allows the operation, but not on this: another organisation's data, say (403). */
public class Forbidden extends ProblemException {

    public Forbidden(String detail) {
        super(403, "forbidden", "Forbidden", detail);
    }
}
