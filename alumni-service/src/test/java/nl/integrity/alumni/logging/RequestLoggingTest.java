package nl.integrity.alumni.logging;

import static io.restassured.RestAssured.given;
import static nl.integrity.platform.testing.KeycloakLogins.tokenFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import nl.integrity.platform.logging.RequestLogContext;
import org.awaitility.Awaitility;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.Test;

/**
 * Log lines written while a request is handled carry the gateway's request id and trace id (from
 * {@code traceparent}); the access log never holds the query string (an alumni search by name
 * must not end up in a log).
 */
@QuarkusTest
class RequestLoggingTest {

    @Test
    void accessLogCarriesRequestIdAndTrace_butNoQuery() {
        List<ExtLogRecord> lines = new CopyOnWriteArrayList<>();
        Handler capture = capturing(lines);
        Logger accessLog = Logger.getLogger("io.quarkus.http.access-log");
        accessLog.addHandler(capture);
        try {
            String trace = "4bf92f3577b34da6a3ce929d0e0e4736";
            given().auth()
                    .oauth2(tokenFor("officer.politie"))
                    .header("traceparent", "00-" + trace + "-00f067aa0ba902b7-01")
                    .header("X-Request-Id", "log-test-1")
                    .queryParam("name", "Jansen")
                    .get("/api/alumni")
                    .then()
                    .statusCode(200);
            Awaitility.await()
                    .atMost(Duration.ofSeconds(10))
                    .until(() -> lines.stream().anyMatch(r -> trace.equals(r.getMdc(RequestLogContext.TRACE_ID))));
            ExtLogRecord record = lines.stream()
                    .filter(r -> trace.equals(r.getMdc(RequestLogContext.TRACE_ID)))
                    .findFirst()
                    .orElseThrow();
            assertEquals("log-test-1", record.getMdc(RequestLogContext.REQUEST_ID));
            String line = record.getFormattedMessage();
            assertTrue(line.startsWith("GET /api/alumni 200 "), line);
            assertFalse(line.contains("Jansen"), "no query, so no names: " + line);
        } finally {
            accessLog.removeHandler(capture);
        }
    }

    @Test
    void aCallWithoutASaneRequestId_getsOne_andItsProblemAndLogLineNameTheSame() {
        List<ExtLogRecord> lines = new CopyOnWriteArrayList<>();
        Handler capture = capturing(lines);
        Logger accessLog = Logger.getLogger("io.quarkus.http.access-log");
        accessLog.addHandler(capture);
        try {
            String trace = "5cf92f3577b34da6a3ce929d0e0e4737";
            String problemId = given().auth()
                    .oauth2(tokenFor("officer.politie"))
                    .header("traceparent", "00-" + trace + "-00f067aa0ba902b7-01")
                    .header("X-Request-Id", "not sane <id>")
                    .get("/api/alumni/{id}", java.util.UUID.randomUUID())
                    .then()
                    .statusCode(400)
                    .extract()
                    .path("requestId");
            Awaitility.await()
                    .atMost(Duration.ofSeconds(10))
                    .until(() -> lines.stream().anyMatch(r -> trace.equals(r.getMdc(RequestLogContext.TRACE_ID))));
            ExtLogRecord record = lines.stream()
                    .filter(r -> trace.equals(r.getMdc(RequestLogContext.TRACE_ID)))
                    .findFirst()
                    .orElseThrow();
            assertTrue(problemId.matches("[0-9a-f-]{36}"), problemId);
            assertEquals(problemId, record.getMdc(RequestLogContext.REQUEST_ID));
        } finally {
            accessLog.removeHandler(capture);
        }
    }

    private static Handler capturing(List<ExtLogRecord> lines) {
        return new Handler() {
            @Override
            public void publish(LogRecord record) {
                ExtLogRecord ext = ExtLogRecord.wrap(record);
                ext.copyMdc(); // the context of the logging thread, now
                lines.add(ext);
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
    }
}
