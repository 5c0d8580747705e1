package nl.integrity.alumni.registry;

import static io.restassured.RestAssured.given;
import static nl.integrity.platform.testing.KeycloakLogins.hrSystemToken;
import static nl.integrity.platform.testing.KeycloakLogins.tokenFor;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Officers search their own organisation's alumni; every criterion, sort and page, with real tokens. */
@QuarkusTest
class AlumniSearchTest {

    /** A name part no other test uses, so each run searches only its own alumni. */
    String family;

    void register(String organisation, String given, String function, String departure) {
        given().auth()
                .oauth2(hrSystemToken(organisation))
                .contentType(ContentType.JSON)
                .body("""
                        {"organisation":"%s","personnelNumber":"S-%s","fullName":"%s %s",
                         "functions":[{"functionCode":"%s","from":"2015-01-01"}],
                         "departureDate":"%s","departureReason":"VOLUNTARY"}""".formatted(
                        organisation, UUID.randomUUID().toString().substring(0, 8), given, family, function, departure))
                .post("/api/departures")
                .then()
                .statusCode(201);
    }

    @BeforeEach
    void alumni() {
        family = "Zoek" + UUID.randomUUID().toString().substring(0, 6);
        register("POLITIE", "Anna", "REC-TAC", "2026-06-30"); // investigation, window active until 2027-06-30
        register("POLITIE", "Bram", "ICT-BEH", "2024-01-31"); // ICT, window ended 2025-01-31
        register("POLITIE", "Cor", "INT-CIE", "2027-03-31"); // intelligence, still leaving
        register("KMAR", "Anna", "REC-MAR", "2026-06-30"); // same name part, other organisation
    }

    RequestSpecification asPolitieOfficer() {
        return given().auth().oauth2(tokenFor("officer.politie")).queryParam("name", family.toLowerCase());
    }

    @Test
    void byName_findsOnlyTheCallersOrganisationSortedByName() {
        asPolitieOfficer()
                .get("/api/alumni")
                .then()
                .statusCode(200)
                .body("items.fullName", contains("Anna " + family, "Bram " + family, "Cor " + family))
                .body("hasMore", equalTo(false));
        given().auth()
                .oauth2(tokenFor("officer.kmar"))
                .queryParam("name", family)
                .get("/api/alumni")
                .then()
                .statusCode(200)
                .body("items.fullName", contains("Anna " + family));
    }

    @Test
    void criteriaCombine() {
        asPolitieOfficer()
                .queryParam("functionGroup", "ICT")
                .get("/api/alumni")
                .then()
                .body("items.fullName", contains("Bram " + family))
                .body("items[0].lastFunctionGroup", equalTo("ICT"));
        asPolitieOfficer()
                .queryParam("status", "LEAVING")
                .get("/api/alumni")
                .then()
                .body("items.fullName", contains("Cor " + family));
        asPolitieOfficer()
                .queryParam("windowActive", true)
                .get("/api/alumni")
                .then()
                .body("items.fullName", contains("Anna " + family))
                .body("items[0].windowEnd", equalTo("2027-06-30"));
        asPolitieOfficer()
                .queryParam("windowActive", false)
                .get("/api/alumni")
                .then()
                .body("items.fullName", contains("Bram " + family, "Cor " + family));
    }

    @Test
    void byPersonnelNumber_findsExactlyThatAlumnus() {
        String number = asPolitieOfficer().get("/api/alumni").then().extract().path("items[1].personnelNumber");
        given().auth()
                .oauth2(tokenFor("officer.politie"))
                .queryParam("personnelNumber", number)
                .get("/api/alumni")
                .then()
                .body("items.personnelNumber", contains(number));
    }

    @Test
    void sortsAndPages() {
        asPolitieOfficer()
                .queryParam("sort", "-departureDate")
                .get("/api/alumni")
                .then()
                .body("items.fullName", contains("Cor " + family, "Anna " + family, "Bram " + family));
        asPolitieOfficer()
                .queryParam("size", 2)
                .get("/api/alumni")
                .then()
                .body("items.size()", equalTo(2))
                .body("hasMore", equalTo(true));
        asPolitieOfficer()
                .queryParam("size", 2)
                .queryParam("page", 1)
                .get("/api/alumni")
                .then()
                .body("items.fullName", contains("Cor " + family))
                .body("hasMore", equalTo(false));
    }

    @Test
    void likeWildcardsInTheNameAreTakenLiterally() {
        given().auth()
                .oauth2(tokenFor("officer.politie"))
                .queryParam("name", "%")
                .queryParam("size", 1)
                .get("/api/alumni")
                .then()
                .statusCode(200)
                .body("items.size()", equalTo(0));
    }

    @Test
    void invalidCriteriaAreProblemsListingTheField() {
        given().auth()
                .oauth2(tokenFor("officer.politie"))
                .queryParam("sort", "salary")
                .get("/api/alumni")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("sort"));
        given().auth()
                .oauth2(tokenFor("officer.politie"))
                .queryParam("size", 101)
                .get("/api/alumni")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("size"));
        given().auth()
                .oauth2(tokenFor("officer.politie"))
                .queryParam("functionGroup", "ASTROLOGY")
                .get("/api/alumni")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("functionGroup"));
    }

    @Test
    void searchIsForOfficers() {
        given().auth()
                .oauth2(tokenFor("alumnus.politie"))
                .get("/api/alumni")
                .then()
                .statusCode(403);
        given().auth().oauth2(hrSystemToken()).get("/api/alumni").then().statusCode(403);
        given().get("/api/alumni").then().statusCode(401);
    }
}
