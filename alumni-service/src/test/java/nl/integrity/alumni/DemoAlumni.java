package nl.integrity.alumni;

import static io.restassured.RestAssured.given;
import static nl.integrity.platform.testing.KeycloakLogins.hrSystemToken;

import io.restassured.http.ContentType;
import org.hamcrest.Matchers;

/**
 * The departures of the realm's demo alumni (alumnus.politie: P100001, alumnus.kmar: K200001),
 * registered by the HR system with always the same facts, so tests that share them never move
 * each other's records. Registration is idempotent: any test may call these first.
 */
public final class DemoAlumni {

    private DemoAlumni() {}

    /** Pieter de Vries, digital investigator (REC-DIG, 18 months): window 2026-09-30 to 2028-03-30. */
    public static String registerPolitie() {
        return register("""
                {"organisation":"POLITIE","personnelNumber":"P100001","fullName":"Pieter de Vries",
                 "functions":[{"functionCode":"REC-DIG","from":"2021-01-01"}],
                 "departureDate":"2026-09-30","departureReason":"VOLUNTARY"}""");
    }

    /** Karin Jansen, identity-fraud expert (GRS-IDF, 12 months): window 2026-10-31 to 2027-10-31. */
    public static String registerKmar() {
        return register("""
                {"organisation":"KMAR","personnelNumber":"K200001","fullName":"Karin Jansen",
                 "functions":[{"functionCode":"GRS-IDF","from":"2019-05-01"}],
                 "departureDate":"2026-10-31","departureReason":"RETIREMENT"}""");
    }

    private static String register(String departure) {
        String organisation = departure.contains("\"KMAR\"") ? "KMAR" : "POLITIE";
        return given().auth()
                .oauth2(hrSystemToken(organisation))
                .contentType(ContentType.JSON)
                .body(departure)
                .post("/api/departures")
                .then()
                .statusCode(Matchers.oneOf(200, 201))
                .extract()
                .path("id");
    }
}
