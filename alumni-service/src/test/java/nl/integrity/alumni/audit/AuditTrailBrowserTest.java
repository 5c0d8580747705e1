package nl.integrity.alumni.audit;

import static io.restassured.RestAssured.given;
import static nl.integrity.platform.testing.KeycloakLogins.hrSystemToken;
import static nl.integrity.platform.testing.KeycloakLogins.tokenFor;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Administrators browse their organisation's audit trail, filter it, page through it and take it
 * away as CSV; nobody else reads it, and nobody changes it.
 */
@QuarkusTest
class AuditTrailBrowserTest {

    @Inject
    EntityManager em;

    String alumnus;

    @BeforeEach
    void registerAndReadTwice() {
        alumnus = given().auth()
                .oauth2(hrSystemToken())
                .contentType(ContentType.JSON)
                .body("""
                        {"organisation":"POLITIE","personnelNumber":"B-%s","fullName":"Spoor Lezer",
                         "functions":[{"functionCode":"INT-CIE","from":"2020-01-01"}],
                         "departureDate":"2026-05-31","departureReason":"OTHER_DISMISSAL"}""".formatted(UUID.randomUUID().toString().substring(0, 8)))
                .post("/api/departures")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        for (String purpose : new String[] {"ALERT_FOLLOW_UP", "AUDIT"}) {
            given().auth()
                    .oauth2(tokenFor("officer.politie"))
                    .header("X-Request-Id", "req-browse-" + purpose)
                    .queryParam("purpose", purpose)
                    .get("/api/alumni/{id}", alumnus)
                    .then()
                    .statusCode(200);
        }
    }

    @Test
    void administrator_filtersByRecordAndAction_newestFirst() {
        given().auth()
                .oauth2(tokenFor("admin"))
                .queryParam("subjectId", alumnus)
                .queryParam("action", "READ_RECORD")
                .get("/api/alumni/audit-trail")
                .then()
                .statusCode(200)
                .body("entries", hasSize(2))
                .body("entries[0].purpose", equalTo("AUDIT"))
                .body("entries[0].actor", equalTo("officer.politie"))
                .body("entries[0].actorRole", equalTo("integrity-officer"))
                .body("entries[0].subjectType", equalTo("alumnus"))
                .body("entries[0].requestId", equalTo("req-browse-AUDIT"))
                .body("entries[1].purpose", equalTo("ALERT_FOLLOW_UP"))
                .body("next", nullValue());
    }

    @Test
    void pages_followTheCursorWithoutGapOrRepeat() {
        String first = given().auth()
                .oauth2(tokenFor("admin"))
                .queryParam("subjectId", alumnus)
                .queryParam("action", "READ_RECORD")
                .queryParam("limit", 1)
                .get("/api/alumni/audit-trail")
                .then()
                .statusCode(200)
                .body("entries", hasSize(1))
                .body("entries[0].purpose", equalTo("AUDIT"))
                .body("next", notNullValue())
                .extract()
                .path("next")
                .toString();
        given().auth()
                .oauth2(tokenFor("admin"))
                .queryParam("subjectId", alumnus)
                .queryParam("action", "READ_RECORD")
                .queryParam("limit", 1)
                .queryParam("before", first)
                .get("/api/alumni/audit-trail")
                .then()
                .statusCode(200)
                .body("entries", hasSize(1))
                .body("entries[0].purpose", equalTo("ALERT_FOLLOW_UP"));
    }

    @Test
    void listEntries_nameEverySubjectTheListShowed_andCountInThePersonsTrail() {
        UUID other = UUID.randomUUID();
        QuarkusTransaction.requiringNew()
                .run(() -> em.createNativeQuery("""
                        insert into staff_audit (occurred_at, actor, actor_id, actor_role, organisation, action,
                                                 subject_type, subject_ids)
                        values (now(), 'officer.politie', 'x', 'integrity-officer', 'POLITIE', 'SEARCH_ALUMNI',
                                'alumnus', cast(?1 as uuid[]))""")
                        .setParameter(1, "{" + alumnus + "," + other + "}")
                        .executeUpdate());

        given().auth()
                .oauth2(tokenFor("admin"))
                .queryParam("subjectId", alumnus)
                .queryParam("action", "SEARCH_ALUMNI")
                .get("/api/alumni/audit-trail")
                .then()
                .statusCode(200)
                .body("entries", hasSize(1))
                .body("entries[0].subjectId", nullValue())
                .body("entries[0].subjectIds", hasItem(other.toString()))
                .body("entries[0].subjectIds", hasItem(alumnus));
        given().auth()
                .oauth2(tokenFor("admin"))
                .get("/api/alumni/{id}/audit-trail", alumnus)
                .then()
                .statusCode(200)
                .body("action", hasItem("SEARCH_ALUMNI"));
    }

    @Test
    void csv_holdsTheFilteredEntriesWithAHeaderLine() {
        String csv = given().auth()
                .oauth2(tokenFor("admin"))
                .queryParam("subjectId", alumnus)
                .queryParam("action", "READ_RECORD")
                .queryParam("format", "csv")
                .get("/api/alumni/audit-trail")
                .then()
                .statusCode(200)
                .contentType(startsWith("text/csv"))
                .header("Content-Disposition", containsString("audit-trail.csv"))
                .extract()
                .asString();
        String[] lines = csv.split("\r\n");
        assertEquals(3, lines.length, csv);
        assertEquals(
                "id,occurredAt,actor,actorRole,action,subjectType,subjectId,subjectIds,purpose,detail,requestId",
                lines[0]);
        assertEquals(true, lines[1].contains(",READ_RECORD,alumnus," + alumnus + ",,AUDIT,,req-browse-AUDIT"), csv);
    }

    @Test
    void anotherOrganisationsAdministrator_seesNoneOfIt() {
        given().auth()
                .oauth2(tokenFor("admin.kmar"))
                .queryParam("subjectId", alumnus)
                .get("/api/alumni/audit-trail")
                .then()
                .statusCode(200)
                .body("entries", empty());
        given().auth()
                .oauth2(tokenFor("admin.kmar"))
                .get("/api/alumni/audit-trail")
                .then()
                .statusCode(200)
                .body("entries.subjectId", everyItem(not(equalTo(alumnus))));
    }

    @Test
    void officersAndAlumni_mayNotBrowseTheTrail() {
        given().auth()
                .oauth2(tokenFor("officer.politie"))
                .get("/api/alumni/audit-trail")
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(tokenFor("alumnus.politie"))
                .get("/api/alumni/audit-trail")
                .then()
                .statusCode(403);
        given().get("/api/alumni/audit-trail").then().statusCode(401);
    }

    @Test
    void badFilters_areProblemsNamingTheField() {
        given().auth()
                .oauth2(tokenFor("admin"))
                .queryParam("from", "2026-02-30")
                .get("/api/alumni/audit-trail")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("from"));
        given().auth()
                .oauth2(tokenFor("admin"))
                .queryParam("from", "2026-03-02")
                .queryParam("to", "2026-03-01")
                .get("/api/alumni/audit-trail")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("to"));
        given().auth()
                .oauth2(tokenFor("admin"))
                .queryParam("format", "xlsx")
                .get("/api/alumni/audit-trail")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("format"));
    }

    @Test
    void theTrail_cannotBeChangedEmptiedOrCutShort_butOutlivedEntriesGo() {
        assertThrows(
                Exception.class,
                () -> QuarkusTransaction.requiringNew()
                        .run(() -> em.createNativeQuery("truncate staff_audit").executeUpdate()));
        assertThrows(
                Exception.class,
                () -> QuarkusTransaction.requiringNew()
                        .run(() -> em.createNativeQuery(
                                        "update staff_audit set actor = 'someone.else' where subject_id = ?1")
                                .setParameter(1, UUID.fromString(alumnus))
                                .executeUpdate()));
        assertThrows(
                Exception.class,
                () -> QuarkusTransaction.requiringNew()
                        .run(() -> em.createNativeQuery("delete from staff_audit where subject_id = ?1")
                                .setParameter(1, UUID.fromString(alumnus))
                                .executeUpdate()));

        UUID old = UUID.randomUUID();
        int deleted = QuarkusTransaction.requiringNew().call(() -> {
            em.createNativeQuery("""
                            insert into staff_audit (occurred_at, actor, actor_id, actor_role, organisation, action,
                                                     subject_type, subject_id)
                            values (?1, 'officer.politie', 'x', 'integrity-officer', 'POLITIE', 'READ_RECORD',
                                    'alumnus', ?2)""")
                    .setParameter(1, Timestamp.from(Instant.now().minus(1830, ChronoUnit.DAYS)))
                    .setParameter(2, old)
                    .executeUpdate();
            return em.createNativeQuery("delete from staff_audit where subject_id = ?1")
                    .setParameter(1, old)
                    .executeUpdate();
        });
        assertEquals(1, deleted, "an entry past the trail's five years may go");
    }
}
