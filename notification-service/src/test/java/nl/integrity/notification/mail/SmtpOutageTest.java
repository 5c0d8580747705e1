package nl.integrity.notification.mail;

import static nl.integrity.platform.testing.Mailboxes.mailsMentioning;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.Collections;
import java.util.Map;
import java.util.UUID;
import nl.integrity.notification.alert.Alert;
import nl.integrity.notification.delivery.Delivery;
import nl.integrity.notification.delivery.DeliveryStatus;
import nl.integrity.notification.inbound.DeclarationEventsConsumerTest;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * A dead mail server: the service sends mail through a port this test opens and closes. While
 * nothing listens there, mail fails and waits for its retries, and the Kafka consumer goes on
 * raising alerts; once the port forwards to the real SMTP server again, the waiting mail arrives,
 * once.
 */
@QuarkusTest
@TestProfile(SmtpOutageTest.SmtpBehindSwitch.class)
class SmtpOutageTest {

    static final Duration WAIT = Duration.ofSeconds(30);
    static final int PORT = freePort();
    static volatile ServerSocket forwarder;

    /** The same service, its SMTP server at {@link #PORT}, where nothing listens until the test says so. */
    public static class SmtpBehindSwitch implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // Retries often enough for the outage to outlast several attempts without the mail going dead.
            return Map.of(
                    "quarkus.mailer.port",
                    String.valueOf(PORT),
                    "notification.mail.retry-schedule",
                    String.join(",", Collections.nCopies(60, "PT0.5S")));
        }
    }

    @AfterAll
    static void closeForwarder() throws IOException {
        if (forwarder != null) {
            forwarder.close();
        }
    }

    @Test
    void mailWaitsWhileTheServerIsDown_theConsumerGoesOn_andTheMailArrivesOnceItIsBack() throws IOException {
        new AlumnusMailTest().consumersHaveJoined();
        UUID alumnus = UUID.randomUUID();
        String email = AlumnusMailTest.mailbox();
        AlumnusMailTest.register(alumnus, email);
        Awaitility.await().atMost(WAIT).until(() -> AlumnusMailTest.contact(alumnus) != null);
        UUID declaration = UUID.randomUUID();
        AlumnusMailTest.publishDeclarationEvent(
                UUID.randomUUID(), "information-requested.v1", declaration, alumnus, "");

        Awaitility.await().atMost(WAIT).until(() -> {
            Delivery d = deliveryTo(alumnus);
            return d != null && d.status() == DeliveryStatus.FAILED && d.attempts() >= 2;
        });
        Delivery failing = deliveryTo(alumnus);
        assertTrue(failing.lastError() != null && !failing.lastError().isBlank(), "the log says why");
        assertTrue(failing.nextAttemptAt() != null, "a retry is scheduled");

        // The consumer is not held up by the mail server: the next event still becomes an alert.
        UUID next = UUID.randomUUID();
        DeclarationEventsConsumerTest.publishSubmitted(UUID.randomUUID(), next, "POLITIE");
        Awaitility.await()
                .atMost(WAIT)
                .until(() -> QuarkusTransaction.requiringNew().call(() -> Alert.count("declarationId", next)) == 1);

        forwardTo(3025);
        Awaitility.await().atMost(WAIT).until(() -> deliveryTo(alumnus).status() == DeliveryStatus.SENT);
        Awaitility.await()
                .atMost(WAIT)
                .until(() -> !mailsMentioning(email, declaration.toString()).isEmpty());
        assertEquals(1, mailsMentioning(email, declaration.toString()).size(), "sent once");
        assertTrue(deliveryTo(alumnus).attempts() > failing.attempts(), "sent on a retry");
    }

    static Delivery deliveryTo(UUID alumnus) {
        return QuarkusTransaction.requiringNew()
                .call(() -> Delivery.<Delivery>find("recipient", "alumnus:" + alumnus)
                        .firstResult());
    }

    /** From now on, {@link #PORT} passes every connection on to the SMTP server at {@code target}. */
    static void forwardTo(int target) throws IOException {
        forwarder = new ServerSocket(PORT, 50, InetAddress.getLoopbackAddress());
        daemon(() -> {
            while (!forwarder.isClosed()) {
                try {
                    Socket client = forwarder.accept();
                    Socket server = new Socket(InetAddress.getLoopbackAddress(), target);
                    pipe(client.getInputStream(), server.getOutputStream());
                    pipe(server.getInputStream(), client.getOutputStream());
                } catch (IOException e) {
                    // closed at the end of the test
                }
            }
        });
    }

    private static void pipe(InputStream from, OutputStream to) {
        daemon(() -> {
            try (from;
                    to) {
                from.transferTo(to);
            } catch (IOException e) {
                // one side hung up
            }
        });
    }

    private static void daemon(Runnable work) {
        Thread thread = new Thread(work, "smtp-forwarder");
        thread.setDaemon(true);
        thread.start();
    }

    private static int freePort() {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
