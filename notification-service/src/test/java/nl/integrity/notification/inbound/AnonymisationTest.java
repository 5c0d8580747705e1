package nl.integrity.notification.inbound;

import static io.restassured.RestAssured.given;
import static nl.integrity.platform.testing.KeycloakLogins.tokenFor;
import static nl.integrity.platform.testing.Mailboxes.mailsMentioning;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import nl.integrity.notification.alert.Alert;
import nl.integrity.notification.delivery.Delivery;
import nl.integrity.notification.delivery.DeliveryStatus;
import nl.integrity.notification.mail.AlumnusMailTest;
import nl.integrity.platform.testing.KafkaProbe;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An anonymised alumnus leaves nothing here that names or reaches them: after
 * {@code nl.integrity.alumni.anonymised.v1} on the real broker, no row of alert, delivery or
 * alumnus_contact holds their address, personnel number, name, employer or role, and mail that
 * was still waiting for them never goes out.
 */
@QuarkusTest
class AnonymisationTest {

    static final Duration WAIT = Duration.ofSeconds(20);
    static final String ALUMNI = "test.alumni.events";

    @Inject
    EntityManager em;

    @BeforeEach
    void consumersHaveJoined() {
        new AlumnusMailTest().consumersHaveJoined();
    }

    @Test
    void afterAnonymisation_noAlertDeliveryOrContactHoldsWhatNamesTheAlumnus() throws IOException {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        UUID alumnus = UUID.randomUUID();
        UUID declaration = UUID.randomUUID();
        String email = "anna." + suffix + "@example.nl";
        String personnelNumber = "A-" + suffix;
        String fullName = "Anna Zeldenrust " + suffix;
        String employer = "Havenadvies Zeeland " + suffix;
        String role = "Havenmeester " + suffix;

        List<String> received = new CopyOnWriteArrayList<>();
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            received.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        String subscription = given().auth()
                .oauth2(tokenFor("admin"))
                .contentType(ContentType.JSON)
                .body("{\"url\":\"http://127.0.0.1:%d/hook\",\"eventTypes\":[\"*\"]}"
                        .formatted(receiver.getAddress().getPort()))
                .post("/api/webhook-subscriptions")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        try {
            KafkaProbe.publish(
                    ALUMNI, alumnus.toString(), UUID.randomUUID(), "nl.integrity.alumni.registered.v1", """
                    {"alumnusId":"%s","organisation":"POLITIE","personnelNumber":"%s","fullName":"%s",
                     "departureDate":"2026-03-31","departureReason":"VOLUNTARY","status":"DEPARTED","version":0,
                     "email":"%s","language":"nl"}""".formatted(
                                    alumnus, personnelNumber, fullName, email));
            Awaitility.await().atMost(WAIT).until(() -> AlumnusMailTest.contact(alumnus) != null);
            publish(
                    "submitted.v1",
                    alumnus,
                    declaration,
                    ",\"versionNumber\":1,\"employerName\":\"%s\",\"sector\":\"MARITIME\",\"role\":\"%s\",\"startDate\":\"2027-03-01\""
                            .formatted(employer, role));
            publish(
                    "assessed.v1",
                    alumnus,
                    declaration,
                    ",\"versionNumber\":1,\"riskLevel\":\"CRITICAL\",\"late\":true");
            publish("information-requested.v1", alumnus, declaration, "");
            Awaitility.await().atMost(WAIT).until(() -> alertsAbout(alumnus) == 3);
            Awaitility.await()
                    .atMost(WAIT)
                    .until(() -> !mailsMentioning(email, declaration.toString()).isEmpty());
            Awaitility.await().atMost(WAIT).until(() -> received.stream().anyMatch(b -> b.contains(employer)));
            String alert = QuarkusTransaction.requiringNew()
                    .call(() -> Alert.<Alert>find("declarationId", declaration)
                            .<Alert>firstResult()
                            .id()
                            .toString());
            given().auth()
                    .oauth2(tokenFor("officer.politie"))
                    .contentType(ContentType.JSON)
                    .body("{\"note\":\"Gebeld met %s over de functie bij %s\"}".formatted(fullName, employer))
                    .post("/api/alerts/{id}/resolution", alert)
                    .then()
                    .statusCode(200);
            // What the test looks for afterwards is there before.
            assertTrue(
                    rowsHolding("alumnus_contact", email) == 1 && rowsHolding("alumnus_contact", personnelNumber) == 1);
            assertTrue(rowsHolding("alert", employer) >= 1 && rowsHolding("alert", fullName) == 1);
            assertTrue(rowsHolding("delivery", role) > 0 && rowsHolding("delivery", personnelNumber) > 0);

            KafkaProbe.publish(
                    ALUMNI,
                    alumnus.toString(),
                    UUID.randomUUID(),
                    "nl.integrity.alumni.anonymised.v1",
                    "{\"alumnusId\":\"%s\",\"organisation\":\"POLITIE\"}".formatted(alumnus));
            Awaitility.await()
                    .atMost(WAIT)
                    .until(() -> AlumnusMailTest.contact(alumnus).anonymised());

            for (String value : List.of(email, personnelNumber, employer, role, fullName)) {
                for (String table : List.of("alert", "delivery", "alumnus_contact")) {
                    assertEquals(0, rowsHolding(table, value), table + " still holds " + value);
                }
            }
            given().auth()
                    .oauth2(tokenFor("officer.politie"))
                    .queryParam("alumnusId", alumnus)
                    .get("/api/alerts")
                    .then()
                    .statusCode(200)
                    .body("items", hasSize(3))
                    .body("items.summary", everyItem(equalTo("Details removed: the alumnus was anonymised")))
                    .body(
                            "items.summaryNl",
                            everyItem(equalTo("Details verwijderd: de oud-medewerker is geanonimiseerd")))
                    .body("items.resolution", everyItem(nullValue()));
            List<Delivery> deliveries = QuarkusTransaction.requiringNew()
                    .call(() -> Delivery.<Delivery>list(
                            // the webhook telling subscribers of the anonymisation carries the id and nothing else
                            "alumnusId = ?1 and eventType <> ?2", alumnus, "nl.integrity.alumni.anonymised.v1"));
            assertTrue(
                    deliveries.size() >= 4, "the alumnus mail, the office mail and the webhooks: " + deliveries.size());
            deliveries.forEach(d -> assertNull(d.payload(), "no payload kept: " + d.id()));
            assertTrue(
                    deliveries.stream().anyMatch(d -> d.status() == DeliveryStatus.SENT),
                    "status and dates stay for the log");

            // A late event about the alumnus (a replay) raises its alert without names and reaches no subscriber.
            publish(
                    "submitted.v1",
                    alumnus,
                    UUID.randomUUID(),
                    ",\"versionNumber\":1,\"employerName\":\"%s\",\"sector\":\"MARITIME\",\"role\":\"%s\",\"startDate\":\"2027-03-01\""
                            .formatted(employer, role));
            Awaitility.await().atMost(WAIT).until(() -> alertsAbout(alumnus) == 4);
            assertEquals(0, rowsHolding("alert", employer));
            assertEquals(0, rowsHolding("delivery", employer), "no webhook delivery of the late event");
        } finally {
            given().auth()
                    .oauth2(tokenFor("admin"))
                    .contentType(ContentType.JSON)
                    .body("{\"url\":\"http://127.0.0.1:%d/hook\",\"eventTypes\":[\"*\"],\"enabled\":false}"
                            .formatted(receiver.getAddress().getPort()))
                    .put("/api/webhook-subscriptions/{id}", subscription)
                    .then()
                    .statusCode(200);
            receiver.stop(0);
        }
    }

    @Test
    void mailStillWaitingForAnAnonymisedAlumnus_isCancelled_andNoneGoesOutAfterwards() {
        UUID alumnus = UUID.randomUUID();
        String email = "waiting-" + alumnus.toString().substring(0, 8) + "@example.nl";
        AlumnusMailTest.register(alumnus, email);
        Awaitility.await().atMost(WAIT).until(() -> AlumnusMailTest.contact(alumnus) != null);
        // A notice waiting for its next attempt, and a mail from before deliveries named their alumnus: to the address.
        UUID waiting = insertDelivery("alumnus:" + alumnus, alumnus, "FAILED", "{\"notice\":\"DECIDED\"}");
        UUID old = insertDelivery(email, null, "SENT", "{\"subject\":\"Besluit\",\"text\":\"Beste Anna\"}");

        KafkaProbe.publish(
                ALUMNI,
                alumnus.toString(),
                UUID.randomUUID(),
                "nl.integrity.alumni.anonymised.v1",
                "{\"alumnusId\":\"%s\",\"organisation\":\"POLITIE\"}".formatted(alumnus));
        Awaitility.await()
                .atMost(WAIT)
                .until(() -> AlumnusMailTest.contact(alumnus).anonymised());

        Delivery cancelled = delivery(waiting);
        assertEquals(DeliveryStatus.CANCELLED, cancelled.status());
        assertEquals(Delivery.ANONYMISED, cancelled.lastError());
        assertNull(cancelled.nextAttemptAt());
        assertNull(cancelled.payload());
        Delivery stripped = delivery(old);
        assertEquals(DeliveryStatus.SENT, stripped.status());
        assertEquals("alumnus:" + alumnus, stripped.recipient());
        assertEquals(alumnus, stripped.alumnusId());
        assertNull(stripped.payload());
        given().auth()
                .oauth2(tokenFor("admin"))
                .post("/api/deliveries/{id}/replay", old)
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", endsWith("/payload-removed"));

        // A notice queued afterwards (a late event) is refused by the mail dispatcher, for good.
        UUID declaration = UUID.randomUUID();
        publish("information-requested.v1", alumnus, declaration, "");
        Awaitility.await()
                .atMost(WAIT)
                .until(() -> QuarkusTransaction.requiringNew()
                                .call(() ->
                                        Delivery.count("alumnusId = ?1 and status = ?2", alumnus, DeliveryStatus.DEAD))
                        == 1);
        assertTrue(mailsMentioning(email, declaration.toString()).isEmpty());
        assertNull(AlumnusMailTest.contact(alumnus).email());
    }

    private UUID insertDelivery(String recipient, UUID alumnus, String status, String payload) {
        UUID id = UUID.randomUUID();
        QuarkusTransaction.requiringNew()
                .run(() -> em.createNativeQuery("""
                        insert into delivery (id, channel, organisation, recipient, event_id, event_type, payload, status,
                                              attempts, next_attempt_at, created_at, alumnus_id)
                        values (?1, 'EMAIL', 'POLITIE', ?2, ?3, 'nl.integrity.declaration.decided.v1', ?4, ?5, 1,
                                case when ?5 = 'FAILED' then now() + interval '1 hour' end, now(), ?6)""")
                        .setParameter(1, id)
                        .setParameter(2, recipient)
                        .setParameter(3, UUID.randomUUID())
                        .setParameter(4, payload)
                        .setParameter(5, status)
                        .setParameter(6, alumnus)
                        .executeUpdate());
        return id;
    }

    private static Delivery delivery(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> Delivery.<Delivery>findById(id));
    }

    private static void publish(String type, UUID alumnus, UUID declaration, String extra) {
        KafkaProbe.publish(
                DeclarationEventsConsumerTest.TOPIC,
                declaration.toString(),
                UUID.randomUUID(),
                "nl.integrity.declaration." + type,
                """
                {"declarationId":"%s","alumnusId":"%s","organisation":"POLITIE"%s}""".formatted(declaration, alumnus, extra));
    }

    private static long alertsAbout(UUID alumnus) {
        return QuarkusTransaction.requiringNew().call(() -> Alert.count("alumnusId", alumnus));
    }

    /** Rows of {@code table} whose text, any column, contains {@code value} (case-insensitive). */
    private long rowsHolding(String table, String value) {
        return QuarkusTransaction.requiringNew()
                .call(() -> ((Number) em.createNativeQuery(
                                        "select count(*) from " + table + " t where cast(t as text) ilike ?1")
                                .setParameter(1, "%" + value + "%")
                                .getSingleResult())
                        .longValue());
    }
}
