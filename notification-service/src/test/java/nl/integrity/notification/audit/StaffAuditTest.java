package nl.integrity.notification.audit;

import static io.restassured.RestAssured.given;
import static nl.integrity.platform.testing.KeycloakLogins.tokenFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import nl.integrity.notification.alert.Alert;
import nl.integrity.notification.alert.AlertKind;
import nl.integrity.notification.alert.AlertText;
import org.junit.jupiter.api.Test;

/**
 * What officers and administrators see and do is in the trail: an alert inbox page as one entry
 * naming every alumnus it showed, an alert handled with the alert as subject (and not the officer's
 * note), a webhook subscription made or changed.
 */
@QuarkusTest
class StaffAuditTest {

    @Inject
    EntityManager em;

    /** One row of staff_audit, as the tests read it. */
    record Row(
            String actor,
            String actorRole,
            String action,
            String subjectType,
            UUID subjectId,
            Set<UUID> listed,
            String detail) {}

    @Test
    void anInboxPage_isOneEntryNamingEveryAlumnusOnIt_andAnEmptyPageNone() {
        String officer = "audit." + UUID.randomUUID().toString().substring(0, 8);
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        raise(first, officer);
        raise(second, officer);
        raise(first, officer);

        given().auth()
                .oauth2(tokenFor("officer.politie"))
                .queryParam("assignee", officer)
                .get("/api/alerts")
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(tokenFor("officer.politie"))
                .queryParam("assignee", officer + ".nobody")
                .get("/api/alerts")
                .then()
                .statusCode(200);

        List<Row> rows = rows("action = 'LIST_ALERTS' and detail like '%assignee=" + officer + "%'");
        assertEquals(1, rows.size(), "one entry for the page, none for the empty one: " + rows);
        Row page = rows.get(0);
        assertEquals("officer.politie", page.actor());
        assertEquals("integrity-officer", page.actorRole());
        assertEquals("alumnus", page.subjectType());
        assertEquals(Set.of(first, second), page.listed());
        assertEquals("assignee=" + officer + " page=0", page.detail());
    }

    @Test
    void resolvingAnAlert_isRecordedWithTheAlertAsSubject_withoutTheNote() {
        UUID alert = raise(UUID.randomUUID(), null);
        String note = "Gesproken met de werkgever " + UUID.randomUUID();

        given().auth()
                .oauth2(tokenFor("officer.politie"))
                .contentType(ContentType.JSON)
                .body("{\"note\":\"%s\"}".formatted(note))
                .post("/api/alerts/{id}/resolution", alert)
                .then()
                .statusCode(200);

        List<Row> rows = rows("subject_type = 'alert' and subject_id = '" + alert + "'");
        assertEquals(1, rows.size());
        assertEquals("ALERT_RESOLVED", rows.get(0).action());
        assertEquals("officer.politie", rows.get(0).actor());
        assertEquals("with a note", rows.get(0).detail());
        assertTrue(rows("detail like '%" + note + "%'").isEmpty(), "free text stays out of the trail");
    }

    @Test
    void aWebhookSubscription_madeAndChanged_isInTheTrail_withItsHostOnly() {
        String body =
                "{\"url\":\"http://127.0.0.1:9/hook?token=geheim\",\"eventTypes\":[\"nl.integrity.declaration.decided.v1\"],"
                        + "\"enabled\":false}";
        String id = given().auth()
                .oauth2(tokenFor("admin"))
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/webhook-subscriptions")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        given().auth()
                .oauth2(tokenFor("admin"))
                .contentType(ContentType.JSON)
                .body(body)
                .put("/api/webhook-subscriptions/{id}", id)
                .then()
                .statusCode(200);

        List<Row> rows = rows("subject_type = 'webhook-subscription' and subject_id = '" + id + "'");
        assertEquals(
                List.of("WEBHOOK_SUBSCRIBED", "WEBHOOK_CHANGED"),
                rows.stream().map(Row::action).toList());
        assertEquals("integrity-admin", rows.get(0).actorRole());
        assertEquals(
                "disabled, 127.0.0.1, nl.integrity.declaration.decided.v1",
                rows.get(0).detail());
        assertFalse(rows.get(0).detail().contains("geheim"));
    }

    @Test
    void theTrailCannotBeChanged() {
        raise(UUID.randomUUID(), null);
        given().auth()
                .oauth2(tokenFor("officer.politie"))
                .get("/api/alerts")
                .then()
                .statusCode(200);
        assertThrows(
                RuntimeException.class,
                () -> QuarkusTransaction.requiringNew()
                        .run(() -> em.createNativeQuery("update staff_audit set actor = 'someone else'")
                                .executeUpdate()));
        assertTrue(rows("actor = 'someone else'").isEmpty());
    }

    private static UUID raise(UUID alumnus, String assignee) {
        return QuarkusTransaction.requiringNew().call(() -> {
            var alert = Alert.raise(
                    "POLITIE",
                    AlertKind.DECLARATION_MISSING,
                    new AlertText("Een oud-medewerker heeft niets gemeld", "An alumnus has declared nothing"),
                    Alert.About.alumnus(alumnus).withAssignee(assignee),
                    UUID.randomUUID(),
                    Instant.now());
            alert.persist();
            return alert.id();
        });
    }

    @SuppressWarnings("unchecked")
    private List<Row> rows(String where) {
        return QuarkusTransaction.requiringNew()
                .call(() -> ((List<Object[]>) em.createNativeQuery(
                                        "select actor, actor_role, action, subject_type, subject_id, cast(subject_ids as varchar),"
                                                + " detail from staff_audit where " + where + " order by id")
                                .getResultList())
                        .stream()
                                .map(r -> new Row(
                                        (String) r[0],
                                        (String) r[1],
                                        (String) r[2],
                                        (String) r[3],
                                        (UUID) r[4],
                                        r[5] == null
                                                ? Set.of()
                                                : Set.of(((String) r[5])
                                                                .replaceAll("[{}]", "")
                                                                .split(","))
                                                        .stream()
                                                        .map(UUID::fromString)
                                                        .collect(Collectors.toSet()),
                                        (String) r[6]))
                                .toList());
    }
}
