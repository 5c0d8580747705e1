package nl.integrity.declaration.declaration;

import static io.restassured.RestAssured.given;
import static nl.integrity.platform.testing.KeycloakLogins.hrSystemToken;
import static nl.integrity.platform.testing.KeycloakLogins.tokenFor;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.UUID;
import nl.integrity.declaration.alumni.AlumniEvents;
import nl.integrity.platform.outbox.OutboxMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Declarations over HTTP with real Keycloak tokens, against the real database. */
@QuarkusTest
class DeclarationResourceTest {

    static final String VALID = """
            {"employerName":"Veilig & Zeker BV","sector":"Private security","role":"Operations manager","startDate":"2027-02-01"}""";

    @Inject
    Declarations declarations;

    UUID politieAlumnus;
    UUID kmarAlumnus;

    @BeforeEach
    void demoAlumniAreKnown() {
        // The realm's demo users alumnus.politie and alumnus.kmar, registered through alumni.events.
        politieAlumnus = AlumniEvents.ensureKnown("POLITIE", "P100001");
        kmarAlumnus = AlumniEvents.ensureKnown("KMAR", "K200001");
    }

    String submitAsPolitieAlumnus() {
        return given().auth().oauth2(tokenFor("alumnus.politie")).contentType(ContentType.JSON).body(VALID)
                .post("/api/declarations").then().statusCode(201).extract().path("id");
    }

    @Test
    void submit_storesDeclarationOfTheCallerAndAppendsSubmittedEvent() {
        var response = given().auth().oauth2(tokenFor("alumnus.politie")).contentType(ContentType.JSON).body(VALID)
                .when().post("/api/declarations")
                .then().statusCode(201)
                .body("alumnusId", equalTo(politieAlumnus.toString()))
                .body("organisation", equalTo("POLITIE"))
                .body("employerName", equalTo("Veilig & Zeker BV"))
                .body("status", equalTo("SUBMITTED"))
                .extract();
        String id = response.path("id");
        assertEquals(true, response.header("Location").endsWith("/api/declarations/" + id));

        OutboxMessage event = QuarkusTransaction.requiringNew().call(() ->
                OutboxMessage.<OutboxMessage>find("aggregateId", id).<OutboxMessage>singleResult());
        assertEquals("nl.integrity.declaration.submitted.v1", event.eventType);
        assertEquals("declaration.events", event.topic);
        assertEquals(true, event.payload.contains("\"organisation\":\"POLITIE\""), event.payload);
    }

    @Test
    void submit_rejectsMissingAndBlankFieldsWithProblemListingThem() {
        long before = QuarkusTransaction.requiringNew().call(() -> Declaration.count());

        given().auth().oauth2(tokenFor("alumnus.politie")).contentType(ContentType.JSON)
                .body("""
                        {"employerName":"  ","role":"%s"}""".formatted("x".repeat(201)))
                .when().post("/api/declarations")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", endsWith("/problems/validation"))
                .body("errors.field", hasItems("employerName", "sector", "role", "startDate"));

        assertEquals(before, QuarkusTransaction.requiringNew().call(() -> Declaration.count()), "nothing stored");
    }

    @Test
    void submit_rejectsDateInWrongFormat() {
        given().auth().oauth2(tokenFor("alumnus.politie")).contentType(ContentType.JSON)
                .body(VALID.replace("2027-02-01", "01-02-2027"))
                .when().post("/api/declarations")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("startDate"));
    }

    @Test
    void submit_isRefusedWhenTheCallersDepartureIsUnknown() {
        // Every demo alumnus is registered, so the rule is checked on the application service.
        var refused = assertThrows(AlumnusNotRegistered.class, () -> declarations.submit("POLITIE", "NEVER-REGISTERED",
                new Activity("Data BV", "ICT", "Developer", LocalDate.of(2027, 1, 1))));
        assertEquals(422, refused.status());
    }

    @Test
    void submit_isForbiddenToOfficersAndTheHrSystem() {
        given().auth().oauth2(tokenFor("officer.politie")).contentType(ContentType.JSON).body(VALID)
                .when().post("/api/declarations").then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(hrSystemToken()).contentType(ContentType.JSON).body(VALID)
                .when().post("/api/declarations").then().statusCode(403);
    }

    @Test
    void everyEndpointRequiresAToken() {
        given().contentType(ContentType.JSON).body(VALID).when().post("/api/declarations").then().statusCode(401)
                .contentType("application/problem+json");
        given().when().get("/api/declarations").then().statusCode(401);
        given().when().get("/api/declarations/{id}", UUID.randomUUID()).then().statusCode(401);
    }

    @Test
    void byId_visibleToItsAlumnusAndOfficersOfTheSameOrganisationOnly() {
        String id = submitAsPolitieAlumnus();

        given().auth().oauth2(tokenFor("alumnus.politie")).get("/api/declarations/{id}", id).then().statusCode(200);
        given().auth().oauth2(tokenFor("officer.politie")).get("/api/declarations/{id}", id).then().statusCode(200)
                .body("id", equalTo(id));
        given().auth().oauth2(tokenFor("officer.kmar")).get("/api/declarations/{id}", id).then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(tokenFor("alumnus.kmar")).get("/api/declarations/{id}", id).then().statusCode(404);
    }

    @Test
    void list_showsAlumniTheirOwnAndOfficersTheirOrganisationsDeclarations() {
        String id = submitAsPolitieAlumnus();

        given().auth().oauth2(tokenFor("alumnus.politie")).get("/api/declarations").then().statusCode(200)
                .body("id", hasItem(id))
                .body("alumnusId", everyItem(equalTo(politieAlumnus.toString())));
        given().auth().oauth2(tokenFor("alumnus.kmar")).get("/api/declarations").then().statusCode(200)
                .body("id", not(hasItem(id)));
        given().auth().oauth2(tokenFor("officer.politie")).get("/api/declarations").then().statusCode(200)
                .body("id", hasItem(id))
                .body("organisation", everyItem(equalTo("POLITIE")));
        given().auth().oauth2(tokenFor("officer.kmar")).get("/api/declarations").then().statusCode(200)
                .body("id", not(hasItem(id)));
    }
}
