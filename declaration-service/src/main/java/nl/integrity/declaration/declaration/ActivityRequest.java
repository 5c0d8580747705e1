package nl.integrity.declaration.declaration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import nl.integrity.declaration.risk.Sector;
import nl.integrity.platform.problem.InvalidField;
import nl.integrity.platform.web.Problem;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A version of a declaration as the alumnus sends it. Bean validation checks each field; {@link
 * #toActivity()} checks the rules between fields and reports every problem at once.
 */
public record ActivityRequest(
        @Schema(
                description = "FIRM (agreed) or SPECULATIVE (no offer yet, early advice); default FIRM",
                enumeration = {"FIRM", "SPECULATIVE"})
        String kind,

        @NotBlank @Size(max = 200) String employerName,

        @Schema(
                description =
                        "Dutch Chamber of Commerce number, eight digits; required when country is NL, absent otherwise")
        String kvkNumber,

        @Schema(description = "ISO 3166-1 alpha-2 country of the employer; default NL")
        String country,

        @NotBlank @Schema(implementation = Sector.class) String sector,
        @NotBlank @Size(max = 200) String role,
        @NotBlank @Size(max = 4000) String duties,

        @Schema(description = "Required for a firm declaration")
        LocalDate startDate,

        @NotNull Boolean paid,
        @NotNull @Min(0) @Max(80) Integer hoursPerWeek,
        @NotNull Boolean selfEmployed,
        @NotNull Boolean expectsContact,

        @Size(max = 2000) @Schema(description = "Required when expectsContact is true")
        String contactDetails,

        @NotNull Boolean usesKnowledge,
        @Size(max = 2000) String knowledgeDetails) {

    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    public Activity toActivity() {
        var errors = new ArrayList<Problem.FieldError>();
        DeclarationKind kind = this.kind == null || this.kind.isBlank()
                ? DeclarationKind.FIRM
                : enumValue("kind", DeclarationKind.class, this.kind, errors);
        Sector sector = enumValue("sector", Sector.class, this.sector, errors);
        String country = this.country == null || this.country.isBlank()
                ? "NL"
                : this.country.trim().toUpperCase(Locale.ROOT);
        if (!COUNTRIES.contains(country)) {
            errors.add(new Problem.FieldError("country", "an ISO 3166-1 alpha-2 country code, such as NL or BE"));
        }
        String kvk = kvkNumber == null || kvkNumber.isBlank()
                ? null
                : kvkNumber.replace(" ", "").trim();
        if ("NL".equals(country)) {
            if (kvk == null) {
                errors.add(new Problem.FieldError("kvkNumber", "required for an employer in the Netherlands"));
            } else if (!KvkNumber.isValid(kvk)) {
                errors.add(new Problem.FieldError("kvkNumber", "eight digits, as on the Chamber of Commerce register"));
            }
        } else if (kvk != null) {
            errors.add(new Problem.FieldError("kvkNumber", "only for an employer in the Netherlands"));
        }
        if (kind == DeclarationKind.FIRM && startDate == null) {
            errors.add(new Problem.FieldError("startDate", "required for a firm declaration"));
        }
        if (Boolean.TRUE.equals(expectsContact) && (contactDetails == null || contactDetails.isBlank())) {
            errors.add(new Problem.FieldError(
                    "contactDetails", "describe the expected contact with your former organisation"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidField(errors);
        }
        return new Activity(
                kind,
                employerName.trim(),
                kvk,
                country,
                sector,
                role.trim(),
                duties.trim(),
                startDate,
                paid,
                hoursPerWeek,
                selfEmployed,
                expectsContact,
                expectsContact ? contactDetails.trim() : null,
                usesKnowledge,
                knowledgeDetails == null || knowledgeDetails.isBlank() ? null : knowledgeDetails.trim());
    }

    private static <E extends Enum<E>> E enumValue(
            String field, Class<E> type, String value, List<Problem.FieldError> errors) {
        try {
            return InvalidField.enumValue(field, type, value);
        } catch (InvalidField e) {
            errors.addAll(e.errors());
            return null;
        }
    }
}
