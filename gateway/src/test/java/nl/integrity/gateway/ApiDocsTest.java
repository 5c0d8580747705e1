package nl.integrity.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** One page for every service's API: Swagger UI at /api-docs, each document fetched from its service. */
@QuarkusTest
@QuarkusTestResource(EchoService.class)
class ApiDocsTest {

    @Test
    void eachServicesDocumentComesFromTheServiceWithoutLogin() {
        given().get("/api-docs/alumni/openapi")
                .then()
                .statusCode(200)
                .body("uri", equalTo("/q/openapi?format=json"))
                .body("authorization", equalTo("null"));
    }

    @Test
    void unknownServiceIsAProblem() {
        given().get("/api-docs/payroll/openapi").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void thePageOffersEveryService() {
        given().get("/api-docs/").then().statusCode(200).contentType(containsString("text/html"));
        given().get("/api-docs/index.html")
                .then()
                .statusCode(200)
                .body(containsString("/api-docs/alumni/openapi"))
                .body(containsString("/api-docs/declaration/openapi"))
                .body(containsString("/api-docs/notification/openapi"));
    }
}
