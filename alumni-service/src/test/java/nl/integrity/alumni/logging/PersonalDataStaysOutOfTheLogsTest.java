package nl.integrity.alumni.logging;

import static io.restassured.RestAssured.given;
import static nl.integrity.platform.testing.KeycloakLogins.hrSystemToken;
import static nl.integrity.platform.testing.KeycloakLogins.tokenFor;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * No log line holds personal data, also when the database refuses a statement: a registration
 * racing its twin into the unique key once logged the failing row's values (the driver's error
 * detail). Every line written while the service works on a known person's data is searched for
 * their name, e-mail address and personnel number, including the exceptions' messages.
 */
@QuarkusTest
class PersonalDataStaysOutOfTheLogsTest {

    @Test
    void racingRegistrations_refusedInput_andSearches_leaveNoPersonalDataInAnyLogLine() throws Exception {
        String tag = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        String number = "PD" + tag;
        String name = "Zwaantje Vlinderkamp" + tag;
        String email = "zwaantje." + tag + "@example.nl";
        List<String> lines = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                var text = new StringBuilder(String.valueOf(record.getMessage()));
                if (record.getParameters() != null) {
                    for (Object parameter : record.getParameters()) {
                        text.append(' ').append(parameter);
                    }
                }
                for (Throwable t = record.getThrown(); t != null; t = t.getCause() == t ? null : t.getCause()) {
                    text.append(' ').append(t);
                    if (t instanceof java.sql.SQLException sql && sql.getNextException() != null) {
                        text.append(' ').append(sql.getNextException());
                    }
                }
                lines.add(text.toString());
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        Logger root = Logger.getLogger("");
        root.addHandler(capture);
        try {
            String body = """
                    {"organisation":"POLITIE","personnelNumber":"%s","fullName":"%s","email":"%s","unit":"Recherche Noord",
                     "functions":[{"functionCode":"REC-TAC","from":"2015-01-01"}],
                     "departureDate":"2026-06-30","departureReason":"VOLUNTARY"}""".formatted(number, name, email);
            // Eight registrations of one person at once: all but one meet the unique key in the database.
            var barrier = new CyclicBarrier(8);
            var pool = Executors.newFixedThreadPool(8);
            List<Future<Integer>> results = new ArrayList<>();
            String token = hrSystemToken();
            for (int i = 0; i < 8; i++) {
                results.add(pool.submit(() -> {
                    barrier.await();
                    return given().auth()
                            .oauth2(token)
                            .contentType(ContentType.JSON)
                            .body(body)
                            .post("/api/departures")
                            .statusCode();
                }));
            }
            for (var r : results) {
                int status = r.get();
                assertTrue(
                        status == 200 || status == 201, "a twin registration is answered with the record: " + status);
            }
            pool.shutdown();
            // Refused input and unknown codes carrying the same data; a search by name.
            given().auth()
                    .oauth2(token)
                    .contentType(ContentType.JSON)
                    .body(body.replace("REC-TAC", "NO-SUCH").replace(number, number + "X"))
                    .post("/api/departures");
            given().auth()
                    .oauth2(token)
                    .contentType(ContentType.JSON)
                    .body(body.replace(name, name + "\\u0000"))
                    .post("/api/departures");
            given().auth()
                    .oauth2(tokenFor("officer.politie"))
                    .queryParam("name", name)
                    .get("/api/alumni");
            given().auth()
                    .oauth2(tokenFor("officer.politie"))
                    .queryParam("personnelNumber", number)
                    .get("/api/alumni");
        } finally {
            root.removeHandler(capture);
        }
        assertTrue(lines.size() > 10, "the capture saw the service's lines: " + lines.size());
        for (String value : List.of(number, name, email, tag)) {
            assertTrue(
                    lines.stream().noneMatch(line -> line.contains(value)),
                    "a log line holds " + value + ": "
                            + lines.stream()
                                    .filter(l -> l.contains(value))
                                    .findFirst()
                                    .orElse(""));
        }
    }
}
