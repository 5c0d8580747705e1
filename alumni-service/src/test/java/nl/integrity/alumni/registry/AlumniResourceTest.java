package nl.integrity.alumni.registry;

import static io.restassured.RestAssured.given;
import static nl.integrity.platform.testing.KeycloakLogins.tokenFor;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import nl.integrity.alumni.DemoAlumni;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Who sees which alumnus record, with real Keycloak tokens: an officer only their own
 * organisation's, an alumnus only their own (linked by the personnel number in their token).
 */
@QuarkusTest
class AlumniResourceTest {

    String politieAlumnus;
    String kmarAlumnus;

    /** Idempotent, so each test may do it; in @BeforeAll RestAssured would not yet know the test port. */
    @BeforeEach
    void registerDemoAlumni() {
        // The demo users alumnus.politie (P100001) and alumnus.kmar (K200001) of the realm file.
        politieAlumnus = DemoAlumni.registerPolitie();
        kmarAlumnus = DemoAlumni.registerKmar();
    }

    @Test
    void me_showsAnAlumnusTheirOwnRecord() {
        given().auth()
                .oauth2(tokenFor("alumnus.politie"))
                .when()
                .get("/api/alumni/me")
                .then()
                .statusCode(200)
                .body("id", equalTo(politieAlumnus))
                .body("personnelNumber", equalTo("P100001"));
        given().auth()
                .oauth2(tokenFor("alumnus.kmar"))
                .when()
                .get("/api/alumni/me")
                .then()
                .statusCode(200)
                .body("id", equalTo(kmarAlumnus));
    }

    @Test
    void byId_showsAnOfficerARecordOfTheirOwnOrganisation() {
        given().auth()
                .oauth2(tokenFor("officer.politie"))
                .queryParam("purpose", "DECLARATION_REVIEW")
                .when()
                .get("/api/alumni/{id}", politieAlumnus)
                .then()
                .statusCode(200)
                .body("organisation", equalTo("POLITIE"));
    }

    @Test
    void byId_hidesOtherOrganisationsRecordsFromOfficers() {
        given().auth()
                .oauth2(tokenFor("officer.kmar"))
                .queryParam("purpose", "DECLARATION_REVIEW")
                .when()
                .get("/api/alumni/{id}", politieAlumnus)
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("type", endsWith("/problems/not-found"));
        given().auth()
                .oauth2(tokenFor("officer.politie"))
                .queryParam("purpose", "DECLARATION_REVIEW")
                .when()
                .get("/api/alumni/{id}", kmarAlumnus)
                .then()
                .statusCode(404);
    }

    @Test
    void byId_isForbiddenToAlumni() {
        given().auth()
                .oauth2(tokenFor("alumnus.politie"))
                .when()
                .get("/api/alumni/{id}", politieAlumnus)
                .then()
                .statusCode(403);
    }

    @Test
    void me_isForbiddenToOfficers() {
        given().auth()
                .oauth2(tokenFor("officer.politie"))
                .when()
                .get("/api/alumni/me")
                .then()
                .statusCode(403);
    }

    @Test
    void byId_rejectsAnIdThatIsNoUuid() {
        given().auth()
                .oauth2(tokenFor("officer.politie"))
                .queryParam("purpose", "DECLARATION_REVIEW")
                .when()
                .get("/api/alumni/{id}", "not-a-uuid")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void everyEndpointRequiresAToken() {
        given().when().get("/api/alumni/me").then().statusCode(401).contentType("application/problem+json");
        given().when().get("/api/alumni/{id}", politieAlumnus).then().statusCode(401);
    }
}
