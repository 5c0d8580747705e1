package nl.integrity.alumni.imports;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import jakarta.validation.Validator;
import java.io.IOException;
import java.io.Reader;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.integrity.alumni.catalogue.Organisation;
import nl.integrity.alumni.registry.DepartureReason;
import nl.integrity.alumni.registry.DepartureResource.DepartureRequest;
import nl.integrity.alumni.registry.DepartureResource.FunctionHeld;
import nl.integrity.platform.input.PlatformDates;
import nl.integrity.platform.input.StorableText;
import nl.integrity.platform.web.Problem.FieldError;

/**
 * Reads departures from CSV, one row at a time. The columns, named in a header row:
 * {@code organisation, personnelNumber, fullName, email, unit, departureDate, departureReason,
 * functions}, where {@code functions} lists {@code CODE:from:until} separated by {@code ;}
 * (until empty for the function held at departure). Each row is checked by the same rules as
 * {@code POST /api/departures}.
 */
final class CsvDepartures implements AutoCloseable {

    static final List<String> COLUMNS = List.of(
            "organisation",
            "personnelNumber",
            "fullName",
            "email",
            "unit",
            "departureDate",
            "departureReason",
            "functions");
    private static final CsvMapper CSV = new CsvMapper();

    /** One row: the request it makes, or why it cannot make one. */
    record Row(int number, DepartureRequest request, List<FieldError> errors) {}

    private final MappingIterator<Map<String, String>> rows;
    private final Validator validator;
    private final Organisation onlyFor;
    private int number;

    /** Rows of {@code csv}; when {@code onlyFor} is given, rows of any other organisation are rejected. */
    CsvDepartures(Reader csv, Validator validator, Organisation onlyFor) throws IOException {
        this.rows = CSV.readerFor(Map.class)
                .with(CsvSchema.emptySchema().withHeader().withColumnReordering(true))
                .readValues(csv);
        this.validator = validator;
        this.onlyFor = onlyFor;
        var header = ((CsvSchema) rows.getParser().getSchema()).getColumnNames();
        var missing = COLUMNS.stream().filter(c -> !header.contains(c)).toList();
        if (!missing.isEmpty() && !header.isEmpty()) {
            throw new IOException("The header lacks the columns " + String.join(", ", missing));
        }
    }

    /** The number of rows after the header in {@code csv}, counted as the import reads them but not checked. */
    static int count(Reader csv) throws IOException {
        try (var rows = new CsvDepartures(csv, null, null)) {
            int count = 0;
            while (rows.hasNext()) {
                count++;
                try {
                    rows.rows.next();
                } catch (RuntimeException unreadable) {
                    // counted all the same: the import reports it as a rejected row
                }
            }
            return count;
        }
    }

    /** Passes over {@code count} rows unread (those an earlier run of the import committed already). */
    void skip(int count) {
        for (int i = 0; i < count && rows.hasNext(); i++) {
            number++;
            try {
                rows.next();
            } catch (RuntimeException unreadable) {
                // counted when it was read the first time
            }
        }
    }

    boolean hasNext() {
        return rows.hasNext();
    }

    Row next() {
        number++;
        Map<String, String> values;
        try {
            values = rows.next();
        } catch (RuntimeException unreadable) {
            return new Row(number, null, List.of(new FieldError(null, "unreadable row: " + unreadable.getMessage())));
        }
        List<FieldError> errors = new ArrayList<>();
        values.forEach((column, value) ->
                StorableText.problem(value).ifPresent(problem -> errors.add(new FieldError(column, problem))));
        if (!errors.isEmpty()) {
            return new Row(number, null, errors);
        }
        var request = new DepartureRequest(
                enumValue(Organisation.class, "organisation", values, errors),
                text(values, "personnelNumber"),
                text(values, "fullName"),
                text(values, "email"),
                text(values, "unit"),
                functions(values, errors),
                date(values, "departureDate", errors),
                enumValue(DepartureReason.class, "departureReason", values, errors));
        if (onlyFor != null && request.organisation() != null && request.organisation() != onlyFor) {
            errors.add(new FieldError("organisation", "only rows of " + onlyFor + " can be imported here"));
        }
        var unreadable = errors.stream().map(FieldError::field).collect(java.util.stream.Collectors.toSet());
        validator.validate(request).stream()
                .map(v -> new FieldError(v.getPropertyPath().toString(), v.getMessage()))
                .filter(e -> !unreadable.contains(e.field())) // "not a date" says more than "must not be null"
                .forEach(errors::add);
        return new Row(number, errors.isEmpty() ? request : null, errors);
    }

    private static String text(Map<String, String> values, String column) {
        String value = values.get(column);
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static LocalDate date(Map<String, String> values, String column, List<FieldError> errors) {
        String value = text(values, column);
        try {
            LocalDate date = value == null ? null : LocalDate.parse(value);
            var problem = PlatformDates.problem(date);
            if (problem.isPresent()) {
                errors.add(new FieldError(column, problem.get()));
                return null;
            }
            return date;
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(column, "not a date (yyyy-mm-dd): " + value));
            return null;
        }
    }

    private static <E extends Enum<E>> E enumValue(
            Class<E> type, String column, Map<String, String> values, List<FieldError> errors) {
        String value = text(values, column);
        try {
            return value == null ? null : Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError(column, "one of " + java.util.Arrays.toString(type.getEnumConstants())));
            return null;
        }
    }

    private static List<FunctionHeld> functions(Map<String, String> values, List<FieldError> errors) {
        String value = text(values, "functions");
        List<FunctionHeld> functions = new ArrayList<>();
        if (value == null) {
            return functions;
        }
        for (String item : value.split(";")) {
            String[] parts = item.trim().split(":", -1);
            try {
                if (parts.length != 3) {
                    throw new DateTimeParseException("expected CODE:from:until", item, 0);
                }
                LocalDate from = LocalDate.parse(parts[1].trim());
                LocalDate until = parts[2].isBlank() ? null : LocalDate.parse(parts[2].trim());
                if (PlatformDates.problem(from)
                        .or(() -> PlatformDates.problem(until))
                        .isPresent()) {
                    errors.add(new FieldError(
                            "functions",
                            "dates must be from " + PlatformDates.EARLIEST + " up to " + PlatformDates.LATEST + ": "
                                    + item));
                    continue;
                }
                functions.add(new FunctionHeld(parts[0].trim(), from, until));
            } catch (DateTimeParseException e) {
                errors.add(new FieldError("functions", "not CODE:yyyy-mm-dd:yyyy-mm-dd (until may be empty): " + item));
            }
        }
        return functions;
    }

    @Override
    public void close() throws IOException {
        rows.close();
    }
}
