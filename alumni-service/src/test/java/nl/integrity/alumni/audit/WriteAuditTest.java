package nl.integrity.alumni.audit;

import static io.restassured.RestAssured.given;
import static nl.integrity.platform.testing.KeycloakLogins.hrSystemToken;
import static nl.integrity.platform.testing.KeycloakLogins.tokenFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Writes by staff and by machine clients are in the audit trail with their actor. */
@QuarkusTest
class WriteAuditTest {

    @Inject
    EntityManager em;

    /** action, actor, actor role, detail of each entry about the subject, oldest first. */
    List<Object[]> trailOf(String subjectType, String id) {
        return QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("""
                            select action, actor, actor_role, detail, purpose from staff_audit
                            where subject_type = ?1 and subject_id = ?2 order by id""")
                    .setParameter(1, subjectType)
                    .setParameter(2, UUID.fromString(id))
                    .getResultList();
            return rows;
        });
    }

    String departure(String number, String unit) {
        return """
                {"organisation":"POLITIE","personnelNumber":"%s","fullName":"Schrijf Spoor","unit":"%s",
                 "functions":[{"functionCode":"REC-TAC","from":"2015-01-01"}],
                 "departureDate":"2026-06-30","departureReason":"VOLUNTARY"}""".formatted(number, unit);
    }

    @Test
    void hrRegistrationAndUpdate_areInTheTrailWithTheClientAsActor_namingTheFieldsNotTheirValues() {
        String number = "W-" + UUID.randomUUID().toString().substring(0, 8);
        String id = given().auth()
                .oauth2(hrSystemToken())
                .contentType(ContentType.JSON)
                .body(departure(number, "Eenheid Noord"))
                .post("/api/departures")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        // The same facts again change nothing, and are no write.
        given().auth()
                .oauth2(hrSystemToken())
                .contentType(ContentType.JSON)
                .body(departure(number, "Eenheid Noord"))
                .post("/api/departures")
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(hrSystemToken())
                .contentType(ContentType.JSON)
                .body(departure(number, "Eenheid Zuidwest"))
                .post("/api/departures")
                .then()
                .statusCode(200);

        var trail = trailOf("alumnus", id);
        assertEquals(2, trail.size());
        assertEquals("REGISTER_DEPARTURE", trail.get(0)[0]);
        assertEquals("UPDATE_RECORD", trail.get(1)[0]);
        assertTrue(((String) trail.get(1)[1]).contains("hr-politie"), (String) trail.get(1)[1]);
        assertEquals("hr-system", trail.get(1)[2]);
        assertEquals("changed: unit", trail.get(1)[3]);
        assertEquals(null, trail.get(1)[4]);
        assertFalse(((String) trail.get(1)[3]).contains("Zuidwest"));
    }

    @Test
    void catalogueChanges_areInTheTrailAboutTheProfile_withItsCode() {
        String code = "W-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        String definition =
                "{\"title\":\"Schrijver\",\"functionGroup\":\"ICT\",\"riskLevel\":\"%s\",\"coolingOffMonths\":%d}";
        String profile = given().auth()
                .oauth2(tokenFor("admin"))
                .contentType(ContentType.JSON)
                .body("{\"code\":\"" + code + "\",\"definition\":" + definition.formatted("LOW", 3) + "}")
                .post("/api/function-profiles")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        given().auth()
                .oauth2(tokenFor("admin"))
                .contentType(ContentType.JSON)
                .body("{\"expectedVersion\":1,\"definition\":" + definition.formatted("HIGH", 12) + "}")
                .put("/api/function-profiles/{id}", profile)
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(tokenFor("admin"))
                .post("/api/function-profiles/{id}/retire", profile)
                .then()
                .statusCode(200);

        var trail = trailOf("function-profile", profile);
        assertEquals(
                List.of("CREATE_FUNCTION_PROFILE", "CHANGE_FUNCTION_PROFILE", "RETIRE_FUNCTION_PROFILE"),
                trail.stream().map(e -> e[0]).toList());
        assertEquals("admin", trail.get(1)[1]);
        assertEquals("integrity-admin", trail.get(1)[2]);
        assertEquals(code + " version 2", trail.get(1)[3]);
    }
}
