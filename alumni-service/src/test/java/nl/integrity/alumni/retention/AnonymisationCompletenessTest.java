package nl.integrity.alumni.retention;

import static io.restassured.RestAssured.given;
import static nl.integrity.platform.testing.KeycloakLogins.ADMIN_URL;
import static nl.integrity.platform.testing.KeycloakLogins.hrSystemToken;
import static nl.integrity.platform.testing.KeycloakLogins.masterAdminToken;
import static nl.integrity.platform.testing.KeycloakLogins.tokenFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * After retention anonymised a record, no table of alumni-service holds anything that names or
 * reaches the person: a record with distinctive values everywhere (record, contact details, exit
 * interview, agreement, aftercare, a request for correction and its answer, the events published
 * about it) is anonymised, and then every text column of every table is searched for each value.
 */
@QuarkusTest
class AnonymisationCompletenessTest {

    @Inject
    Retention retention;

    @Inject
    EntityManager em;

    String keycloakUser;

    /** A login in the test realm for a fresh personnel number, as production links them (user attributes). */
    String login(String username, String password, String personnelNumber) {
        Map<String, Object> user = Map.of(
                "username",
                username,
                "enabled",
                true,
                "email",
                username + "@login.integrity.example.nl",
                "emailVerified",
                true,
                "firstName",
                "Test",
                "lastName",
                "Login",
                "attributes",
                Map.of("organisation", List.of("POLITIE"), "personnel_number", List.of(personnelNumber)),
                "credentials",
                List.of(Map.of("type", "password", "value", password, "temporary", false)));
        String location = given().auth()
                .oauth2(masterAdminToken())
                .contentType(ContentType.JSON)
                .body(user)
                .post(ADMIN_URL + "/users")
                .then()
                .statusCode(201)
                .extract()
                .header("Location");
        keycloakUser = location.substring(location.lastIndexOf('/') + 1);
        Map<?, ?> role = given().auth()
                .oauth2(masterAdminToken())
                .get(ADMIN_URL + "/roles/alumnus")
                .then()
                .statusCode(200)
                .extract()
                .as(Map.class);
        given().auth()
                .oauth2(masterAdminToken())
                .contentType(ContentType.JSON)
                .body(List.of(role))
                .post(ADMIN_URL + "/users/" + keycloakUser + "/role-mappings/realm")
                .then()
                .statusCode(204);
        return tokenFor(username, password);
    }

    @AfterEach
    void removeLogin() {
        if (keycloakUser != null) {
            given().auth().oauth2(masterAdminToken()).delete(ADMIN_URL + "/users/" + keycloakUser);
        }
    }

    @Test
    void anAnonymisedRecord_leavesNoneOfThePersonsValuesInAnyTable() {
        String s = UUID.randomUUID().toString().substring(0, 8);
        Map<String, String> values = new LinkedHashMap<>();
        values.put("family name", "Quirijnsz" + s);
        values.put("full name", "Xandra Quirijnsz" + s);
        values.put("personnel number", "AQ-" + s);
        values.put("e-mail address", "xandra." + s + "@example.org");
        values.put("telephone", "+31 6 47" + s.replaceAll("[^0-9]", "7").substring(0, 6));
        values.put("unit", "Eenheid Zeldzaam " + s);
        values.put("interviewer", "Ondervrager " + s);
        values.put("interview summary", "Samenvatting " + s + " over de overstap");
        values.put("interview notes", "Notitie " + s + " over de thuissituatie");
        values.put("agreement subject", "Stichting Zeldzaam " + s);
        values.put("aftercare notes", "Nazorgnotitie " + s);
        values.put("request text", "Mijn naam is niet goed gespeld " + s);
        values.put("request answer", "Wij hebben HR gevraagd dit te herstellen " + s);

        String alumnusToken = login("anon-" + s, "pw-" + UUID.randomUUID(), values.get("personnel number"));
        String officer = tokenFor("officer.politie");
        String id = given().auth()
                .oauth2(hrSystemToken())
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "organisation", "POLITIE",
                        "personnelNumber", values.get("personnel number"),
                        "fullName", values.get("full name"),
                        "email", values.get("e-mail address"),
                        "unit", values.get("unit"),
                        "functions", List.of(Map.of("functionCode", "REC-TAC", "from", "2010-01-01")),
                        "departureDate", "2015-01-31",
                        "departureReason", "DISCIPLINARY_DISMISSAL"))
                .post("/api/departures")
                .then()
                .statusCode(201)
                .extract()
                .path("id");

        // The alumnus: a telephone number, consent for the network, a request for correction.
        int version = given().auth()
                .oauth2(alumnusToken)
                .get("/api/alumni/me")
                .then()
                .statusCode(200)
                .extract()
                .path("version");
        given().auth()
                .oauth2(alumnusToken)
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "expectedVersion", version,
                        "email", values.get("e-mail address"),
                        "phone", values.get("telephone")))
                .put("/api/alumni/me/contact")
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(alumnusToken)
                .contentType(ContentType.JSON)
                .body(Map.of("given", true))
                .put("/api/alumni/me/network-consent")
                .then()
                .statusCode(200);
        String request = given().auth()
                .oauth2(alumnusToken)
                .contentType(ContentType.JSON)
                .body(Map.of("kind", "RECTIFICATION", "field", "FULL_NAME", "text", values.get("request text")))
                .post("/api/alumni/me/requests")
                .then()
                .statusCode(201)
                .extract()
                .path("id");

        // The office: an exit interview, an agreement about a named body, aftercare notes, the answer.
        given().auth()
                .oauth2(officer)
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "heldOn", "2015-01-20",
                        "interviewer", values.get("interviewer"),
                        "obligationsBriefed", true,
                        "summary", values.get("interview summary"),
                        "notes", values.get("interview notes")))
                .post("/api/alumni/{id}/exit-interviews", id)
                .then()
                .statusCode(201);
        List<Map<String, Object>> library = given().auth()
                .oauth2(officer)
                .get("/api/agreement-templates")
                .then()
                .statusCode(200)
                .extract()
                .path("");
        Object noContact = library.stream()
                .filter(t -> "NO_CONTACT".equals(t.get("kind")))
                .findFirst()
                .orElseThrow()
                .get("id");
        given().auth()
                .oauth2(officer)
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "templateId", noContact, "subject", values.get("agreement subject"), "endsOn", "2099-01-01"))
                .post("/api/alumni/{id}/agreements", id)
                .then()
                .statusCode(201);
        String contact = given().auth()
                .oauth2(officer)
                .queryParam("purpose", "EXIT_INTERVIEW")
                .get("/api/alumni/{id}/aftercare", id)
                .then()
                .statusCode(200)
                .extract()
                .path("[0].id");
        given().auth()
                .oauth2(officer)
                .contentType(ContentType.JSON)
                .body(Map.of("doneOn", "2015-03-01", "outcome", "REACHED", "notes", values.get("aftercare notes")))
                .put("/api/alumni/{id}/aftercare/{contact}", id, contact)
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(officer)
                .contentType(ContentType.JSON)
                .body(Map.of("outcome", "PARTLY_GRANTED", "answer", values.get("request answer")))
                .post("/api/alumni/data-subject-requests/{id}/answer", request)
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(officer)
                .queryParam("name", values.get("family name"))
                .get("/api/alumni")
                .then()
                .statusCode(200);

        // Before: the values are there (so the search below can find them), and the events about the
        // record are on the broker.
        assertTrue(tablesHolding(values.get("request text")).contains("data_subject_request.text"));
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(() -> QuarkusTransaction.requiringNew()
                                .call(() -> ((Number) em.createNativeQuery(
                                                        "select count(*) from outbox_message where aggregate_id = ?1 and published_at is null")
                                                .setParameter(1, id)
                                                .getSingleResult())
                                        .longValue())
                        == 0);
        assertTrue(tablesHolding(values.get("full name")).contains("outbox_message.payload"));

        retention.run(LocalDate.now());

        Map<String, List<String>> left = new LinkedHashMap<>();
        values.forEach((what, value) -> {
            var found = tablesHolding(value);
            if (!found.isEmpty()) {
                left.put(what + " (" + value + ")", found);
            }
        });
        assertEquals(Map.of(), left, "personal values left after anonymisation");
        long announced = QuarkusTransaction.requiringNew()
                .call(() -> ((Number) em.createNativeQuery(
                                        "select count(*) from outbox_message where aggregate_id = ?1 and event_type = ?2")
                                .setParameter(1, id)
                                .setParameter(2, AlumnusAnonymised.TYPE)
                                .getSingleResult())
                        .longValue());
        assertEquals(1, announced, "the anonymisation itself is still to be announced, or was");
    }

    /**
     * Every column (table.column) of the service's database whose text holds {@code value}, ignoring
     * case: every text, character, JSON and array column of every table, and (as they are) the bytes of uploads.
     */
    List<String> tablesHolding(String value) {
        return QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<Object[]> columns = em.createNativeQuery("""
                            select c.table_name, c.column_name, c.data_type
                            from information_schema.columns c
                            join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
                            where c.table_schema = current_schema() and t.table_type = 'BASE TABLE'
                              and c.data_type in ('text', 'character varying', 'character', 'json', 'jsonb', 'ARRAY', 'bytea')
                            order by 1, 2""").getResultList();
            assertTrue(columns.size() > 30, "the columns are found: " + columns.size());
            List<String> found = new ArrayList<>();
            for (Object[] column : columns) {
                String table = (String) column[0];
                String name = (String) column[1];
                String expression = "bytea".equals(column[2])
                        ? "position(convert_to(?1, 'UTF8') in \"" + name + "\") > 0"
                        : "lower(\"" + name + "\"::text) like '%' || lower(?1) || '%'";
                long hits = ((Number) em.createNativeQuery("select count(*) from \"" + table + "\" where " + expression)
                                .setParameter(1, value)
                                .getSingleResult())
                        .longValue();
                if (hits > 0) {
                    found.add(table + "." + name);
                }
            }
            return found;
        });
    }
}
