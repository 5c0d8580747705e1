package nl.integrity.alumni.registry;

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
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import nl.integrity.alumni.DemoAlumni;
import org.junit.jupiter.api.Test;

/** A page of search results shown to an officer is one audit entry naming exactly the records on it. */
@QuarkusTest
class SearchAuditTest {

    @Inject
    EntityManager em;

    void register(String fullName) {
        given().auth()
                .oauth2(hrSystemToken())
                .contentType(ContentType.JSON)
                .body("""
                        {"organisation":"POLITIE","personnelNumber":"L-%s","fullName":"%s",
                         "functions":[{"functionCode":"REC-TAC","from":"2015-01-01"}],
                         "departureDate":"2026-06-30","departureReason":"VOLUNTARY"}""".formatted(UUID.randomUUID().toString().substring(0, 8), fullName))
                .post("/api/departures")
                .then()
                .statusCode(201);
    }

    /** The audit entries written under this request id: subject ids, detail. */
    List<Object[]> entriesOf(String requestId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<Object[]> rows =
                    em.createNativeQuery("""
                            select cast(subject_ids as varchar), detail, action, subject_type, actor, subject_id
                            from staff_audit where request_id = ?1""").setParameter(1, requestId).getResultList();
            return rows;
        });
    }

    static Set<String> ids(String array) {
        return new HashSet<>(List.of(array.substring(1, array.length() - 1).split(",")));
    }

    @Test
    void aSearchPage_isOneEntryNamingExactlyTheRecordsShown_withoutWhatWasTyped() {
        String family = "Lijst" + UUID.randomUUID().toString().substring(0, 6);
        for (String first : List.of("Anna", "Bram", "Cor")) {
            register(first + " " + family);
        }
        String requestId = "req-search-" + UUID.randomUUID();
        List<String> shown = given().auth()
                .oauth2(tokenFor("officer.politie"))
                .header("X-Request-Id", requestId)
                .queryParam("name", family)
                .queryParam("status", "DEPARTED")
                .queryParam("size", 2)
                .get("/api/alumni")
                .then()
                .statusCode(200)
                .extract()
                .path("items.id");
        assertEquals(2, shown.size());

        var entries = entriesOf(requestId);
        assertEquals(1, entries.size());
        Object[] entry = entries.get(0);
        assertEquals(Set.copyOf(shown), ids((String) entry[0]));
        assertEquals("SEARCH_ALUMNI", entry[2]);
        assertEquals("alumnus", entry[3]);
        assertEquals("officer.politie", entry[4]);
        assertEquals(null, entry[5]);
        String detail = (String) entry[1];
        assertTrue(detail.contains("name") && detail.contains("status=DEPARTED"), detail);
        assertFalse(detail.toLowerCase().contains(family.toLowerCase()), detail);
    }

    @Test
    void aSearchThatFindsNobody_leavesNoEntry() {
        String requestId = "req-search-" + UUID.randomUUID();
        given().auth()
                .oauth2(tokenFor("officer.politie"))
                .header("X-Request-Id", requestId)
                .queryParam("name", "Niemand" + UUID.randomUUID())
                .get("/api/alumni")
                .then()
                .statusCode(200);
        assertTrue(entriesOf(requestId).isEmpty());
    }

    @Test
    void theAlumnusSeesInTheirExportThatTheyWereListed() {
        DemoAlumni.registerPolitie();
        String requestId = "req-search-" + UUID.randomUUID();
        given().auth()
                .oauth2(tokenFor("officer.politie"))
                .header("X-Request-Id", requestId)
                .queryParam("personnelNumber", "P100001")
                .get("/api/alumni")
                .then()
                .statusCode(200);
        assertFalse(((String) entriesOf(requestId).get(0)[1]).contains("P100001"));

        List<Map<String, Object>> accessLog = given().auth()
                .oauth2(tokenFor("alumnus.politie"))
                .get("/api/alumni/me/export")
                .then()
                .statusCode(200)
                .extract()
                .path("accessLog");
        assertTrue(
                accessLog.stream()
                        .anyMatch(a -> "SEARCH_ALUMNI".equals(a.get("action"))
                                && Boolean.TRUE.equals(a.get("listed"))
                                && "integrity-officer".equals(a.get("actorRole"))),
                accessLog.toString());
    }
}
