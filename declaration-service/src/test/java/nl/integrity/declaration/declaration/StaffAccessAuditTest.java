package nl.integrity.declaration.declaration;

import static io.restassured.RestAssured.given;
import static nl.integrity.declaration.Fixtures.ORDINARY;
import static nl.integrity.declaration.Fixtures.SELF_EMPLOYED_RULE;
import static nl.integrity.declaration.Fixtures.declare;
import static nl.integrity.platform.testing.KeycloakLogins.tokenFor;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import nl.integrity.declaration.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every staff look at and act on declarations leaves a line in the trail, with real tokens: an
 * officer opens one only for a stated purpose, a queue page is one entry naming what it showed,
 * and writes (claims, assignments, questions, rule changes) name who made them.
 */
@QuarkusTest
class StaffAccessAuditTest {

    @Inject
    EntityManager em;

    @BeforeEach
    void alumni() {
        Fixtures.plainAlumnus("POLITIE", "P100001");
    }

    /** The trail of the subject, oldest first, as "actor:action:purpose:detail". */
    @SuppressWarnings("unchecked")
    List<String> trailOf(String subjectType, UUID subject) {
        return QuarkusTransaction.requiringNew()
                .call(() -> em.createNativeQuery("""
                                select actor || ':' || action || ':' || coalesce(purpose, '-') || ':' || coalesce(detail, '-')
                                from staff_audit where subject_type = ?1 and subject_id = ?2 order by id""")
                        .setParameter(1, subjectType)
                        .setParameter(2, subject)
                        .getResultList());
    }

    @Test
    void anOfficerOpensADeclarationOnlyForAStatedPurpose_whichTheTrailKeeps() {
        String id = declare("alumnus.politie", ORDINARY);
        String officer = tokenFor("officer.politie");
        for (String path : List.of(
                "/api/declarations/{id}", "/api/declarations/{id}/versions", "/api/declarations/{id}/messages")) {
            given().auth()
                    .oauth2(officer)
                    .get(path, id)
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors[0].field", equalTo("purpose"));
            given().auth()
                    .oauth2(officer)
                    .queryParam("purpose", "CURIOSITY")
                    .get(path, id)
                    .then()
                    .statusCode(400)
                    .body("errors[0].field", equalTo("purpose"));
            given().auth()
                    .oauth2(tokenFor("alumnus.politie"))
                    .get(path, id)
                    .then()
                    .statusCode(200);
        }
        assertEquals(
                List.of(),
                trailOf("declaration", UUID.fromString(id)),
                "refused reads and the alumnus' own leave nothing");

        given().auth()
                .oauth2(officer)
                .queryParam("purpose", "DECLARATION_REVIEW")
                .get("/api/declarations/{id}", id)
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(officer)
                .queryParam("purpose", "AUDIT")
                .get("/api/declarations/{id}/versions", id)
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(officer)
                .queryParam("purpose", "DATA_SUBJECT_REQUEST")
                .get("/api/declarations/{id}/messages", id)
                .then()
                .statusCode(200);

        assertEquals(
                List.of(
                        "officer.politie:READ_DECLARATION:DECLARATION_REVIEW:-",
                        "officer.politie:READ_VERSIONS:AUDIT:-",
                        "officer.politie:READ_MESSAGES:DATA_SUBJECT_REQUEST:-"),
                trailOf("declaration", UUID.fromString(id)));
        given().auth()
                .oauth2(officer)
                .get("/api/declarations/{id}/audit", id)
                .then()
                .statusCode(200)
                .body("purpose", equalTo(List.of("DECLARATION_REVIEW", "AUDIT", "DATA_SUBJECT_REQUEST")));
    }

    @Test
    void aQueuePageServedToAnOfficer_isOneEntryNamingEveryDeclarationOnIt_theAlumnusOwnListIsNot() {
        for (int i = 0; i < 3; i++) {
            declare("alumnus.politie", ORDINARY);
        }
        long alumnusListsBefore = listEntriesOf("alumnus.politie");
        given().auth()
                .oauth2(tokenFor("alumnus.politie"))
                .get("/api/declarations")
                .then()
                .statusCode(200);
        assertEquals(alumnusListsBefore, listEntriesOf("alumnus.politie"), "an alumnus' own list is no staff look");

        long before = listEntriesOf("officer.politie");
        List<String> shown = given().auth()
                .oauth2(tokenFor("officer.politie"))
                .queryParam("status", "SUBMITTED")
                .queryParam("sort", "-submittedAt")
                .queryParam("size", 3)
                .get("/api/declarations")
                .then()
                .statusCode(200)
                .extract()
                .path("items.id");
        assertEquals(3, shown.size());
        assertEquals(before + 1, listEntriesOf("officer.politie"), "one entry for the page");
        Object[] entry = (Object[]) QuarkusTransaction.requiringNew()
                .call(() -> em.createNativeQuery("""
                                select cast(subject_ids as varchar), detail, subject_type, organisation
                                from staff_audit where actor = 'officer.politie' and action = 'LIST_DECLARATIONS'
                                order by id desc limit 1""").getSingleResult());
        String ids = (String) entry[0];
        assertEquals(
                Set.copyOf(shown),
                Arrays.stream(ids.substring(1, ids.length() - 1).split(",")).collect(Collectors.toSet()),
                "every declaration on the page, and only those");
        assertEquals("status=SUBMITTED sort=-submittedAt page=0 size=3", entry[1]);
        assertEquals("declaration", entry[2]);
        assertEquals("POLITIE", entry[3]);

        given().auth()
                .oauth2(tokenFor("officer.politie"))
                .get("/api/declarations/{id}/audit", shown.get(0))
                .then()
                .statusCode(200)
                .body("find { it.action == 'LIST_DECLARATIONS' }.listed", equalTo(true));

        long afterPage = listEntriesOf("officer.politie");
        given().auth()
                .oauth2(tokenFor("officer.politie"))
                .queryParam("dueBefore", "2000-01-01")
                .get("/api/declarations")
                .then()
                .statusCode(200)
                .body("items", org.hamcrest.Matchers.empty());
        assertEquals(afterPage, listEntriesOf("officer.politie"), "an empty page showed nobody");
    }

    long listEntriesOf(String actor) {
        return QuarkusTransaction.requiringNew()
                .call(() -> ((Number) em.createNativeQuery(
                                        "select count(*) from staff_audit where actor = ?1 and action = 'LIST_DECLARATIONS'")
                                .setParameter(1, actor)
                                .getSingleResult())
                        .longValue());
    }

    @Test
    void claimsAssignmentsQuestionsAndRuleChanges_areAuditedWithTheirActor() {
        String id = declare("alumnus.politie", ORDINARY);
        given().auth()
                .oauth2(tokenFor("officer.politie"))
                .post("/api/declarations/{id}/claim", id)
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(tokenFor("officer.politie"))
                .contentType(ContentType.JSON)
                .body("{\"officer\":\"officer2.politie\"}")
                .post("/api/declarations/{id}/assignment", id)
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(tokenFor("officer2.politie"))
                .contentType(ContentType.JSON)
                .body("{\"question\":\"Who are your clients?\"}")
                .post("/api/declarations/{id}/information-requests", id)
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(tokenFor("officer.politie"))
                .contentType(ContentType.JSON)
                .body("{\"outcome\":\"NO_OBJECTION\",\"rationale\":\"Fine\"}")
                .post("/api/declarations/{id}/decision", id)
                .then()
                .statusCode(409); // officer2 has the review now
        assertEquals(
                List.of(
                        "officer.politie:CLAIMED:DECLARATION_REVIEW:-",
                        "officer.politie:ASSIGNED:DECLARATION_REVIEW:to officer2.politie",
                        "officer2.politie:INFORMATION_REQUESTED:DECLARATION_REVIEW:-"),
                trailOf("declaration", UUID.fromString(id)),
                "a refused decision leaves no line; the question's words stay out of the trail");

        String code = "AUDITED_" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        for (int status : List.of(201, 200)) {
            given().auth()
                    .oauth2(tokenFor("admin"))
                    .contentType(ContentType.JSON)
                    .body(
                            status == 201
                                    ? SELF_EMPLOYED_RULE
                                    : SELF_EMPLOYED_RULE.replace("\"enabled\":true", "\"enabled\":false"))
                    .put("/api/risk-rules/{code}", code)
                    .then()
                    .statusCode(status);
        }
        UUID rule = QuarkusTransaction.requiringNew()
                .call(() -> (UUID)
                        em.createNativeQuery("select id from risk_rule where organisation = 'POLITIE' and code = ?1")
                                .setParameter(1, code)
                                .getSingleResult());
        assertEquals(
                List.of(
                        "admin:RISK_RULE_CREATED:-:" + code + " revision 1",
                        "admin:RISK_RULE_CHANGED:-:" + code + " revision 2 (disabled)"),
                trailOf("risk-rule", rule));
        given().auth()
                .oauth2(tokenFor("officer.politie"))
                .get("/api/declarations/{id}/audit", id)
                .then()
                .body("actor", hasItem("officer2.politie"));
        assertTrue(trailOf("risk-rule", UUID.randomUUID()).isEmpty());
    }
}
