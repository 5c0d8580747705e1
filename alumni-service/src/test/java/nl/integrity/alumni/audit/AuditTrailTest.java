package nl.integrity.alumni.audit;

import static io.restassured.RestAssured.given;
import static nl.integrity.platform.testing.KeycloakLogins.hrSystemToken;
import static nl.integrity.platform.testing.KeycloakLogins.tokenFor;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every staff read of a person's record is in its append-only audit trail, with who, when and why;
 * so is the HR system's registration of it.
 */
@QuarkusTest
class AuditTrailTest {

    @Inject
    EntityManager em;

    String alumnus;

    @BeforeEach
    void registerAlumnus() {
        alumnus = given().auth()
                .oauth2(hrSystemToken())
                .contentType(ContentType.JSON)
                .body("""
                        {"organisation":"POLITIE","personnelNumber":"A-%s","fullName":"Audit Persoon",
                         "functions":[{"functionCode":"INT-CIE","from":"2020-01-01"}],
                         "departureDate":"2026-05-31","departureReason":"OTHER_DISMISSAL"}""".formatted(UUID.randomUUID().toString().substring(0, 8)))
                .post("/api/departures")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    @Test
    void officersRead_isInTheTrailWithActorPurposeAndRequestId() {
        given().auth()
                .oauth2(tokenFor("officer.politie"))
                .header("X-Request-Id", "req-audit-1")
                .queryParam("purpose", "ALERT_FOLLOW_UP")
                .get("/api/alumni/{id}", alumnus)
                .then()
                .statusCode(200);

        given().auth()
                .oauth2(tokenFor("admin"))
                .get("/api/alumni/{id}/audit-trail", alumnus)
                .then()
                .statusCode(200)
                .body("", hasSize(2))
                .body("[0].actorRole", equalTo("hr-system"))
                .body("[0].action", equalTo("REGISTER_DEPARTURE"))
                .body("[0].purpose", nullValue())
                .body("[1].actor", equalTo("officer.politie"))
                .body("[1].actorRole", equalTo("integrity-officer"))
                .body("[1].action", equalTo("READ_RECORD"))
                .body("[1].purpose", equalTo("ALERT_FOLLOW_UP"))
                .body("[1].listed", equalTo(false))
                .body("[1].requestId", equalTo("req-audit-1"));
    }

    @Test
    void readWithoutAPurpose_isRefusedAndLeavesNoTrace() {
        given().auth()
                .oauth2(tokenFor("officer.politie"))
                .get("/api/alumni/{id}", alumnus)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("purpose"));
        given().auth()
                .oauth2(tokenFor("officer.politie"))
                .queryParam("purpose", "CURIOSITY")
                .get("/api/alumni/{id}", alumnus)
                .then()
                .statusCode(400);

        given().auth()
                .oauth2(tokenFor("admin"))
                .get("/api/alumni/{id}/audit-trail", alumnus)
                .then()
                .statusCode(200)
                .body("action", contains("REGISTER_DEPARTURE"));
    }

    @Test
    void readOfAnotherOrganisationsRecord_isNotFoundAndNotAudited() {
        given().auth()
                .oauth2(tokenFor("officer.kmar"))
                .queryParam("purpose", "DECLARATION_REVIEW")
                .get("/api/alumni/{id}", alumnus)
                .then()
                .statusCode(404);

        given().auth()
                .oauth2(tokenFor("admin"))
                .get("/api/alumni/{id}/audit-trail", alumnus)
                .then()
                .statusCode(200)
                .body("action", contains("REGISTER_DEPARTURE"));
    }

    @Test
    void trail_isForAdministratorsOfTheSameOrganisationOnly() {
        given().auth()
                .oauth2(tokenFor("admin.kmar"))
                .get("/api/alumni/{id}/audit-trail", alumnus)
                .then()
                .statusCode(404)
                .body("type", endsWith("/problems/not-found"));
        given().auth()
                .oauth2(tokenFor("officer.politie"))
                .get("/api/alumni/{id}/audit-trail", alumnus)
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(hrSystemToken())
                .get("/api/alumni/{id}/audit-trail", alumnus)
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(tokenFor("alumnus.politie"))
                .get("/api/alumni/{id}/audit-trail", alumnus)
                .then()
                .statusCode(403);
    }

    @Test
    void theDatabaseRefusesToChangeOrDeleteAuditEntries() {
        given().auth()
                .oauth2(tokenFor("officer.politie"))
                .queryParam("purpose", "AUDIT")
                .get("/api/alumni/{id}", alumnus)
                .then()
                .statusCode(200);

        assertThrows(
                Exception.class,
                () -> QuarkusTransaction.requiringNew()
                        .run(() -> em.createNativeQuery(
                                        "update staff_audit set purpose = 'AUDIT' where subject_id = ?1")
                                .setParameter(1, UUID.fromString(alumnus))
                                .executeUpdate()));
        assertThrows(
                Exception.class,
                () -> QuarkusTransaction.requiringNew()
                        .run(() -> em.createNativeQuery("delete from staff_audit where subject_id = ?1")
                                .setParameter(1, UUID.fromString(alumnus))
                                .executeUpdate()));
        given().auth()
                .oauth2(tokenFor("admin"))
                .get("/api/alumni/{id}/audit-trail", alumnus)
                .then()
                .body("action", contains("REGISTER_DEPARTURE", "READ_RECORD"));
    }
}
