package nl.integrity.alumni.registry;

import static io.restassured.RestAssured.given;
import static nl.integrity.platform.testing.KeycloakLogins.hrSystemToken;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.time.Duration;
import nl.integrity.platform.outbox.OutboxMessage;
import nl.integrity.platform.outbox.OutboxRelay;
import nl.integrity.platform.testing.KafkaProbe;
import org.junit.jupiter.api.Test;

/**
 * Several instances of a service share one outbox: while one relay publishes (holds the
 * advisory lock), the others publish nothing, so the order per aggregate holds. The lock is
 * taken here on a connection of its own, as another instance's relay would.
 */
@QuarkusTest
class OutboxRelayInstancesTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void relay_publishesNothingWhileAnotherInstanceHoldsTheLock_thenEverything() throws Exception {
        try (var probe = KafkaProbe.watch("test.alumni.events")) {
            String id;
            try (Connection otherInstance = dataSource.getConnection();
                    var lock = otherInstance.prepareStatement("select pg_advisory_lock(?)")) {
                lock.setLong(1, OutboxRelay.ADVISORY_LOCK_KEY);
                lock.execute();

                id = given().auth()
                        .oauth2(hrSystemToken("KMAR"))
                        .contentType(ContentType.JSON)
                        .body(DepartureResourceTest.departure("KMAR", DepartureResourceTest.uniqueNumber()))
                        .post("/api/departures")
                        .then()
                        .statusCode(201)
                        .extract()
                        .path("id");

                // Two poll intervals and the after-commit wake-up pass without a publication.
                String waiting = id;
                assertTrue(
                        probe.drain(Duration.ofMillis(2500)).stream().noneMatch(r -> waiting.equals(r.key())),
                        "published although another instance held the relay lock");
                assertNull(QuarkusTransaction.requiringNew()
                        .call(() -> OutboxMessage.<OutboxMessage>find("subject", "alumni/" + waiting)
                                .<OutboxMessage>singleResult()
                                .publishedAt()));

                try (var unlock = otherInstance.prepareStatement("select pg_advisory_unlock(?)")) {
                    unlock.setLong(1, OutboxRelay.ADVISORY_LOCK_KEY);
                    unlock.execute();
                }
            }
            String released = id;
            probe.await(r -> released.equals(r.key()), Duration.ofSeconds(15))
                    .orElseThrow(() -> new AssertionError("not published after the lock was released"));
        }
    }
}
