package nl.integrity.alumni.privacy;

import static io.restassured.RestAssured.given;
import static nl.integrity.platform.testing.KeycloakLogins.tokenFor;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.integrity.alumni.DemoAlumni;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An alumnus asks for a correction of their record or objects to a processing; the office of their
 * organisation answers within the month the law gives; every step is in the audit trail.
 */
@QuarkusTest
class DataSubjectRequestTest {

    @Inject
    EntityManager em;

    String alumnus;

    @BeforeEach
    void demoAlumnus() {
        alumnus = DemoAlumni.registerPolitie();
    }

    @Test
    void theAlumnusAsks_theOfficeAnswersOnce_andTheAlumnusReadsTheAnswer() {
        String text = "Mijn naam is Pieter de Vries-Bakker sinds mijn huwelijk " + UUID.randomUUID();
        String id = given().auth()
                .oauth2(tokenFor("alumnus.politie"))
                .contentType(ContentType.JSON)
                .body(Map.of("kind", "RECTIFICATION", "field", "FULL_NAME", "text", text))
                .post("/api/alumni/me/requests")
                .then()
                .statusCode(201)
                .body("status", equalTo("OPEN"))
                .body("kind", equalTo("RECTIFICATION"))
                .body("field", equalTo("FULL_NAME"))
                .body(
                        "dueOn",
                        equalTo(LocalDate.now(ZoneOffset.UTC).plusMonths(1).toString()))
                .extract()
                .path("id");

        given().auth()
                .oauth2(tokenFor("officer.politie"))
                .queryParam("status", "OPEN")
                .queryParam("alumnusId", alumnus)
                .get("/api/alumni/data-subject-requests")
                .then()
                .statusCode(200)
                .body("items.id", hasItem(id))
                .body("items.find { it.id == '%s' }.fullName".formatted(id), equalTo("Pieter de Vries"))
                .body("items.find { it.id == '%s' }.text".formatted(id), equalTo(text))
                .body("items.find { it.id == '%s' }.overdue".formatted(id), equalTo(false))
                .body("open", greaterThanOrEqualTo(1));
        given().auth()
                .oauth2(tokenFor("officer.politie"))
                .get("/api/alumni/data-subject-requests/open-count")
                .then()
                .statusCode(200)
                .body("open", greaterThanOrEqualTo(1));
        given().auth()
                .oauth2(tokenFor("officer.kmar"))
                .get("/api/alumni/data-subject-requests")
                .then()
                .statusCode(200)
                .body("items.id", not(hasItem(id)));

        String answer = "Uw naam is aangepast in de registratie van HR; de wijziging volgt vanzelf.";
        given().auth()
                .oauth2(tokenFor("officer.kmar"))
                .contentType(ContentType.JSON)
                .body(Map.of("outcome", "GRANTED", "answer", answer))
                .post("/api/alumni/data-subject-requests/{id}/answer", id)
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(tokenFor("officer.politie"))
                .contentType(ContentType.JSON)
                .body(Map.of("outcome", "GRANTED", "answer", answer))
                .post("/api/alumni/data-subject-requests/{id}/answer", id)
                .then()
                .statusCode(200)
                .body("status", equalTo("ANSWERED"))
                .body("answeredBy", equalTo("officer.politie"));
        given().auth()
                .oauth2(tokenFor("officer.politie"))
                .contentType(ContentType.JSON)
                .body(Map.of("outcome", "REFUSED", "answer", "Toch niet"))
                .post("/api/alumni/data-subject-requests/{id}/answer", id)
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", endsWith("/already-answered"));

        given().auth()
                .oauth2(tokenFor("alumnus.politie"))
                .get("/api/alumni/me/requests")
                .then()
                .statusCode(200)
                .body("find { it.id == '%s' }.outcome".formatted(id), equalTo("GRANTED"))
                .body("find { it.id == '%s' }.answer".formatted(id), equalTo(answer))
                .body("find { it.id == '%s' }".formatted(id), not(hasKey("answeredBy")));
        given().auth()
                .oauth2(tokenFor("alumnus.politie"))
                .get("/api/alumni/me/export")
                .then()
                .statusCode(200)
                .body("dataSubjectRequests.id", hasItem(id))
                .body("accessLog.action", hasItem("ANSWER_DATA_SUBJECT_REQUEST"));

        List<Object[]> trail = QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("""
                            select action, actor_role, purpose, detail from staff_audit
                            where subject_type = 'alumnus'
                              and (subject_id = ?1 or subject_ids @> cast(?2 as uuid[]))
                              and action in ('REQUEST_SUBMITTED', 'READ_DATA_SUBJECT_REQUESTS', 'ANSWER_DATA_SUBJECT_REQUEST')
                            order by id""")
                    .setParameter(1, UUID.fromString(alumnus))
                    .setParameter(2, "{" + alumnus + "}")
                    .getResultList();
            return rows;
        });
        var actions = trail.stream().map(r -> (String) r[0]).toList();
        assertTrue(actions.contains("REQUEST_SUBMITTED"), actions.toString());
        assertTrue(actions.contains("READ_DATA_SUBJECT_REQUESTS"), actions.toString());
        assertTrue(actions.contains("ANSWER_DATA_SUBJECT_REQUEST"), actions.toString());
        assertTrue(trail.stream()
                .anyMatch(r -> "REQUEST_SUBMITTED".equals(r[0])
                        && "alumnus".equals(r[1])
                        && ((String) r[3]).startsWith("request " + id)));
        assertTrue(trail.stream()
                .anyMatch(r -> "ANSWER_DATA_SUBJECT_REQUEST".equals(r[0])
                        && "integrity-officer".equals(r[1])
                        && ((String) r[3]).equals("request " + id + " RECTIFICATION: GRANTED")));
        trail.forEach(r -> assertEquals("DATA_SUBJECT_REQUEST", r[2]));
        trail.forEach(r -> assertTrue(r[3] == null || !((String) r[3]).contains("Bakker"), (String) r[3]));
    }

    @Test
    void anObjection_needsNoField() {
        given().auth()
                .oauth2(tokenFor("alumnus.politie"))
                .contentType(ContentType.JSON)
                .body(Map.of("kind", "OBJECTION", "text", "Ik wil geen nazorggesprekken meer."))
                .post("/api/alumni/me/requests")
                .then()
                .statusCode(201)
                .body("kind", equalTo("OBJECTION"));
    }

    @Test
    void badRequests_areProblemsNamingTheField() {
        given().auth()
                .oauth2(tokenFor("alumnus.politie"))
                .contentType(ContentType.JSON)
                .body(Map.of("kind", "RECTIFICATION", "text", "Mijn afdeling klopt niet"))
                .post("/api/alumni/me/requests")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("field"));
        given().auth()
                .oauth2(tokenFor("alumnus.politie"))
                .contentType(ContentType.JSON)
                .body(Map.of("kind", "RECTIFICATION", "field", "UNIT", "text", "x".repeat(2001)))
                .post("/api/alumni/me/requests")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem(endsWith("text")));
        given().auth()
                .oauth2(tokenFor("alumnus.politie"))
                .contentType(ContentType.JSON)
                .body(Map.of("kind", "COMPLAINT", "text", "Iets"))
                .post("/api/alumni/me/requests")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem(endsWith("kind")));
        given().auth()
                .oauth2(tokenFor("alumnus.politie"))
                .contentType(ContentType.JSON)
                .body(Map.of("kind", "RECTIFICATION", "field", "SHOE_SIZE", "text", "Iets"))
                .post("/api/alumni/me/requests")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem(endsWith("field")));
        given().auth()
                .oauth2(tokenFor("officer.politie"))
                .queryParam("status", "SOMETIME")
                .get("/api/alumni/data-subject-requests")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("status"));

        String id = given().auth()
                .oauth2(tokenFor("alumnus.politie"))
                .contentType(ContentType.JSON)
                .body(Map.of("kind", "OBJECTION", "field", "CONTACT", "text", "Geen post meer naar mijn adres"))
                .post("/api/alumni/me/requests")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        given().auth()
                .oauth2(tokenFor("officer.politie"))
                .contentType(ContentType.JSON)
                .body(Map.of("outcome", "GRANTED", "answer", " "))
                .post("/api/alumni/data-subject-requests/{id}/answer", id)
                .then()
                .statusCode(400)
                .body("errors.field", hasItem(endsWith("answer")));
        given().auth()
                .oauth2(tokenFor("officer.politie"))
                .contentType(ContentType.JSON)
                .body(Map.of("outcome", "MAYBE", "answer", "Wij kijken ernaar"))
                .post("/api/alumni/data-subject-requests/{id}/answer", id)
                .then()
                .statusCode(400)
                .body("errors.field", hasItem(endsWith("outcome")));
        given().auth()
                .oauth2(tokenFor("officer.politie"))
                .contentType(ContentType.JSON)
                .body(Map.of("outcome", "REFUSED", "answer", "Niet"))
                .post("/api/alumni/data-subject-requests/{id}/answer", UUID.randomUUID())
                .then()
                .statusCode(404)
                .body("type", endsWith("/problems/not-found"));
    }
}
