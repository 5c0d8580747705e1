package nl.integrity.declaration;

import static io.restassured.RestAssured.given;
import static nl.integrity.platform.testing.KeycloakLogins.tokenFor;

import io.restassured.http.ContentType;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import nl.integrity.declaration.alumni.AlumniEvents;
import nl.integrity.declaration.alumni.KnownFacts;
import nl.integrity.declaration.declaration.Activity;
import nl.integrity.declaration.declaration.DeclarationKind;
import nl.integrity.declaration.risk.Sector;

/** Test data: the demo alumni in the read model with chosen facts, and declarations made over HTTP. */
public final class Fixtures {

    /** A declaration of a Dutch employer in an ordinary sector: LOW risk for an alumnus without a window. */
    public static final String ORDINARY = """
            {"employerName":"Veilig & Zeker BV","kvkNumber":"12345678","country":"NL","sector":"HOSPITALITY",
             "role":"Operations manager","duties":"Runs the night shift","startDate":"2099-02-01","paid":true,
             "hoursPerWeek":36,"selfEmployed":false,"expectsContact":false,"usesKnowledge":false}""";

    /** A risk rule of an organisation: self-employment is a high risk. */
    public static final String SELF_EMPLOYED_RULE = """
            {"level":"HIGH","conditions":[{"kind":"SELF_EMPLOYED"}],"enabled":true,
             "textNl":"U werkt als zelfstandige in de sector {sector}.","textEn":"You work self-employed in {sector}."}""";

    private Fixtures() {}

    /** The demo alumnus in the read model, with no obligation window and an unrated function. */
    public static UUID plainAlumnus(String organisation, String personnelNumber) {
        UUID id = AlumniEvents.ensureKnown(organisation, personnelNumber);
        KnownFacts.alumnus(id, null, null, null, null, "TST-NONE", "VOLUNTARY");
        return id;
    }

    /** The demo alumnus inside a window that rests on a function of this risk, sensitive for these sectors. */
    public static UUID alumnusInWindow(
            String organisation, String personnelNumber, String riskLevel, List<String> sensitive) {
        UUID id = AlumniEvents.ensureKnown(organisation, personnelNumber);
        String code = "TST-" + riskLevel;
        KnownFacts.alumnus(id, LocalDate.of(2026, 1, 1), LocalDate.of(2100, 1, 1), code, riskLevel, code, "VOLUNTARY");
        KnownFacts.function(
                organisation,
                code,
                "Test function " + riskLevel,
                "INVESTIGATION",
                riskLevel,
                24,
                List.copyOf(sensitive));
        return id;
    }

    /** An activity as the domain holds it, for tests below the HTTP layer. */
    public static Activity activity(String employer) {
        return new Activity(
                DeclarationKind.FIRM,
                employer,
                "12345678",
                "NL",
                Sector.ICT,
                "Developer",
                "Builds software",
                LocalDate.of(2099, 2, 1),
                true,
                36,
                false,
                false,
                null,
                false,
                null);
    }

    public static String declare(String user, String body) {
        return given().auth()
                .oauth2(tokenFor(user))
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/declarations")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }
}
