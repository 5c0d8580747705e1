package nl.integrity.alumni.registry;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.LocalDate;
import java.util.Objects;

/** A function an alumnus held, from a date until a date (open: until the departure); a value, fixed once made. */
@Embeddable
class HeldFunction {

    @Column(name = "function_code", nullable = false)
    private String functionCode;

    @Column(name = "held_from", nullable = false)
    private LocalDate from;

    @Column(name = "held_until")
    private LocalDate until;

    protected HeldFunction() {}

    public HeldFunction(String functionCode, LocalDate from, LocalDate until) {
        this.functionCode = Objects.requireNonNull(functionCode, "functionCode");
        this.from = Objects.requireNonNull(from, "from");
        this.until = until;
        if (until != null && until.isBefore(from)) {
            throw new IllegalArgumentException("function " + functionCode + " ends before it starts");
        }
    }

    String functionCode() {
        return functionCode;
    }

    LocalDate from() {
        return from;
    }

    LocalDate until() {
        return until;
    }

    /** The last day held: {@code until}, or the departure date for the function held at departure. */
    LocalDate lastDay(LocalDate departureDate) {
        return until == null || until.isAfter(departureDate) ? departureDate : until;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof HeldFunction f
                && f.functionCode.equals(functionCode)
                && f.from.equals(from)
                && Objects.equals(f.until, until);
    }

    @Override
    public int hashCode() {
        return Objects.hash(functionCode, from, until);
    }
}
