package nl.integrity.alumni.account;

import static io.restassured.RestAssured.given;
import static nl.integrity.platform.testing.KeycloakLogins.hrSystemToken;
import static nl.integrity.platform.testing.KeycloakLogins.tokenFor;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.integrity.platform.testing.KeycloakLogins;
import nl.integrity.platform.testing.Mailboxes;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.CreatedResponseUtil;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

/**
 * A registered alumnus with an e-mail address gets a login in the real Keycloak and one invitation
 * mail from it (read at the real SMTP server), whatever is repeated; the office sees the login's
 * state and can send the invitation again; a person who already has a login is linked, not invited;
 * Keycloak refusing is recorded and tried again.
 */
@QuarkusTest
class AccountInvitationTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    Keycloak keycloak;

    @Inject
    jakarta.persistence.EntityManager em;

    @Inject
    nl.integrity.alumni.retention.Retention retention;

    @ConfigProperty(name = "alumni.accounts.realm")
    String realmName;

    private RealmResource realm() {
        return keycloak.realm(realmName);
    }

    private static String departure(String number, String email) {
        return """
                {"organisation":"POLITIE","personnelNumber":"%s","fullName":"Ines van Uitgenodigd","email":"%s",
                 "functions":[{"functionCode":"INT-CIE","from":"2020-01-01"}],
                 "departureDate":"2026-05-31","departureReason":"VOLUNTARY"}""".formatted(number, email);
    }

    private static String register(String number, String email) {
        return given().auth()
                .oauth2(hrSystemToken())
                .contentType(ContentType.JSON)
                .body(departure(number, email))
                .post("/api/departures")
                .then()
                .statusCode(org.hamcrest.Matchers.anyOf(equalTo(200), equalTo(201)))
                .extract()
                .path("id");
    }

    private static Map<String, Object> account(String alumnusId) {
        return given().auth()
                .oauth2(tokenFor("officer.politie"))
                .get("/api/alumni/{id}/account", alumnusId)
                .then()
                .statusCode(200)
                .extract()
                .as(Map.class);
    }

    private static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void aRegisteredAlumnus_getsOneLoginAndOneInvitation_andTheOfficeCanSendAnother() {
        String number = "INV-" + unique();
        String email = "invited-" + unique() + "@example.org";
        String id = register(number, email);

        Awaitility.await().atMost(WAIT).until(() -> "INVITED".equals(account(id).get("state")));
        Awaitility.await()
                .atMost(WAIT)
                .until(() -> Mailboxes.loginMailsTo(email).size() == 1);

        String username = (String) account(id).get("username");
        assertEquals("alumnus-" + id, username);
        List<UserRepresentation> users = realm().users().searchByUsername(username, true);
        assertEquals(1, users.size(), "one login");
        UserRepresentation user = users.get(0);
        assertEquals(email, user.getEmail());
        assertEquals(List.of("POLITIE"), user.getAttributes().get("organisation"));
        assertEquals(List.of(number), user.getAttributes().get("personnel_number"));
        assertEquals(List.of("nl"), user.getAttributes().get("locale"), "the invitation in the alumnus' language");
        assertEquals("Ines", user.getFirstName());
        assertTrue(
                realm().users().get(user.getId()).roles().realmLevel().listEffective().stream()
                        .map(RoleRepresentation::getName)
                        .anyMatch("alumnus"::equals),
                "the role alumnus");
        String mail = String.valueOf(Mailboxes.loginMailsTo(email).get(0).get("mimeMessage"));
        assertTrue(mail.contains("/realms/" + realmName + "/login-actions/action-token"), "a link to set a password");

        // The HR system repeats the registration: no second login, no invitation.
        register(number, email);
        // The office sends the invitation again: one more mail, so the repeat above sent none.
        given().auth()
                .oauth2(tokenFor("officer.politie"))
                .post("/api/alumni/{id}/account/invitation", id)
                .then()
                .statusCode(200)
                .body("state", equalTo("INVITATION_OWED"));
        Awaitility.await()
                .atMost(WAIT)
                .until(() -> Mailboxes.loginMailsTo(email).size() == 2);
        Awaitility.await().atMost(WAIT).until(() -> ((Number) account(id).get("invitations")).intValue() == 2);
        assertEquals(2, Mailboxes.loginMailsTo(email).size(), "one mail per request");
        assertEquals(1, realm().users().searchByUsername(username, true).size());

        given().auth()
                .oauth2(tokenFor("officer.kmar"))
                .get("/api/alumni/{id}/account", id)
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(tokenFor("alumnus.politie"))
                .post("/api/alumni/{id}/account/invitation", id)
                .then()
                .statusCode(403);
        realm().users().delete(user.getId()).close();
    }

    @Test
    void someoneWhoHasALoginAlready_isLinked_notInvited() {
        String number = "OWN-" + unique();
        String email = "own-" + unique() + "@example.org";
        var user = new UserRepresentation();
        user.setUsername("made-by-hand-" + unique());
        user.setEnabled(true);
        user.setEmail("other-" + unique() + "@example.org");
        user.setFirstName("Made");
        user.setLastName("By Hand");
        user.setAttributes(Map.of("organisation", List.of("POLITIE"), "personnel_number", List.of(number)));
        var password = new CredentialRepresentation();
        password.setType(CredentialRepresentation.PASSWORD);
        password.setValue("a-password-" + unique());
        password.setTemporary(false);
        user.setCredentials(List.of(password));
        String userId;
        try (Response created = realm().users().create(user)) {
            userId = CreatedResponseUtil.getCreatedId(created);
        }

        String id = register(number, email);

        Awaitility.await().atMost(WAIT).until(() -> "ACTIVE".equals(account(id).get("state")));
        assertEquals(0, ((Number) account(id).get("invitations")).intValue());
        assertEquals(List.of(), Mailboxes.loginMailsTo(email), "no invitation to someone who can log in");
        realm().users().delete(userId).close();
    }

    @Test
    void anAnonymisedRecord_losesItsLogin() {
        String number = "GONE-" + unique();
        String email = "gone-" + unique() + "@example.org";
        String id = given().auth()
                .oauth2(hrSystemToken())
                .contentType(ContentType.JSON)
                .body(departure(number, email).replace("2026-05-31", "2015-01-31"))
                .post("/api/departures")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        Awaitility.await().atMost(WAIT).until(() -> "INVITED".equals(account(id).get("state")));
        String username = "alumnus-" + id;
        assertEquals(1, realm().users().searchByUsername(username, true).size());

        retention.run(java.time.LocalDate.of(2026, 11, 29)); // the window ended in 2016: past retention

        Awaitility.await().atMost(WAIT).until(() -> "REMOVED".equals(account(id).get("state")));
        assertEquals(List.of(), realm().users().searchByUsername(username, true), "the login is gone");
    }

    @Test
    void anInvitationWhoseHandOverWasInterrupted_countsAsSent_andIsNotSentAgain() {
        // A record without an address: were the keeper to send, it would fail and stay owed.
        String id = given().auth()
                .oauth2(hrSystemToken())
                .contentType(ContentType.JSON)
                .body(departure("CUT-" + unique(), "x@example.org").replace("\"email\":\"x@example.org\",", ""))
                .post("/api/departures")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        // As an instance leaves it when it dies while handing the invitation to Keycloak.
        QuarkusTransaction.requiringNew()
                .run(() -> em.createNativeQuery("""
                        insert into alumnus_account (alumnus_id, organisation, username, owed, due_at, attempts,
                                                     invitations, sending, created_at, version)
                        values (?1, 'POLITIE', ?2, 'INVITATION', now(), 0, 0, true, now(), 0)""")
                        .setParameter(1, UUID.fromString(id))
                        .setParameter(2, "alumnus-" + id)
                        .executeUpdate());

        Awaitility.await().atMost(WAIT).until(() -> "INVITED".equals(account(id).get("state")));
        assertEquals(1, ((Number) account(id).get("invitations")).intValue());
        assertEquals(0, ((Number) account(id).get("failedAttempts")).intValue(), "nothing was tried again");
    }

    @Test
    void keycloakRefusing_isRecordedAndTriedAgain() {
        // The address belongs to another login already: Keycloak refuses a second user with it.
        String taken =
                realm().users().searchByUsername("officer.politie", true).get(0).getEmail();
        String id = register("TAKEN-" + unique(), taken);

        Awaitility.await()
                .atMost(WAIT)
                .untilAsserted(() -> given().auth()
                        .oauth2(tokenFor("officer.politie"))
                        .get("/api/alumni/{id}/account", id)
                        .then()
                        .statusCode(200)
                        .body("state", equalTo("INVITATION_OWED"))
                        .body("failedAttempts", greaterThanOrEqualTo(1))
                        .body("lastError", notNullValue()));
        assertTrue(KeycloakLogins.REALM.equals(realmName), "the tests' own realm");
    }
}
