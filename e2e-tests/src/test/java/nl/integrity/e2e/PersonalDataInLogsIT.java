package nl.integrity.e2e;

import static io.restassured.RestAssured.given;
import static nl.integrity.platform.testing.KeycloakLogins.hrSystemToken;
import static nl.integrity.platform.testing.KeycloakLogins.tokenFor;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.http.ContentType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import nl.integrity.platform.testing.Mailboxes;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * A whole journey through the gateways with personal data nobody else uses (a name, an e-mail
 * address, a personnel number, a telephone number, free texts), including requests the platform
 * refuses, and then every log line of every instance of the end-to-end platform is searched for
 * those values. None may be there.
 */
class PersonalDataInLogsIT {

    static final Path LOGS = Path.of(
            System.getProperty("platform.state", System.getProperty("user.home") + "/.local/state/integrity-platform"),
            "logs");

    @Test
    void aWholeJourney_leavesNoPersonalDataInAnyLog() throws IOException {
        String tag = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        TestAlumni.Login login = TestAlumni.create("POLITIE");
        Map<String, String> personal = Map.of(
                "name", "Ansje Pimpelmees" + tag,
                "email", "ansje." + tag + "@privemail.example.nl",
                "personnel number", login.personnelNumber(),
                "phone", "+31 6 " + tag.substring(0, 8).replaceAll("[a-f]", "7"),
                "duties", "Geheime opdracht " + tag,
                "answer", "Mijn antwoord " + tag,
                "rationale", "Onderbouwing " + tag);
        String gateway = Platform.GATEWAY_1;
        try {
            String alumnusId = TestAlumni.registerDeparture(
                    login,
                    personal.get("name"),
                    personal.get("email"),
                    "REC-DIG",
                    "2022-01-01",
                    "2026-10-31",
                    "VOLUNTARY");
            // Refused requests carry the same data.
            given().auth()
                    .oauth2(hrSystemToken())
                    .contentType(ContentType.JSON)
                    .body("""
                    {"organisation":"POLITIE","personnelNumber":"%s","fullName":"%s\\u0000","email":"%s",
                     "functions":[{"functionCode":"NO-SUCH","from":"2022-01-01"}],"departureDate":"2026-10-31",
                     "departureReason":"VOLUNTARY"}""".formatted(login.personnelNumber(), personal.get("name"), personal.get("email")))
                    .post(gateway + "/api/departures")
                    .then()
                    .statusCode(400);
            given().auth()
                    .oauth2(hrSystemToken())
                    .contentType(ContentType.JSON)
                    .body("""
                    {"organisation":"POLITIE","personnelNumber":"%s","fullName":"%s",
                     "functions":[{"functionCode":"NO-SUCH","from":"2022-01-01"}],"departureDate":"2026-10-31",
                     "departureReason":"VOLUNTARY"}""".formatted(login.personnelNumber() + "x", personal.get("name")))
                    .post(Platform.GATEWAY_2 + "/api/departures")
                    .then()
                    .statusCode(422);

            String alumnus = tokenFor(login.username(), login.password());
            String declaration = TestAlumni.declare(login, """
                    {"employerName":"Logboek BV","kvkNumber":"12345678","country":"NL","sector":"ICT","role":"Adviseur",
                     "duties":"%s","startDate":"2027-03-01","paid":true,"hoursPerWeek":20,"selfEmployed":false,
                     "expectsContact":false,"usesKnowledge":false}""".formatted(personal.get("duties")));
            given().auth()
                    .oauth2(alumnus)
                    .contentType(ContentType.JSON)
                    .body("{\"duties\":\"%s\\u0000\"}".formatted(personal.get("duties")))
                    .put(gateway + "/api/declarations/{id}", declaration)
                    .then()
                    .statusCode(400);
            given().auth()
                    .oauth2(alumnus)
                    .contentType(ContentType.JSON)
                    .body("""
                    {"email":"%s","phone":"%s","language":"nl","expectedVersion":0}""".formatted(personal.get("email"), personal.get("phone")))
                    .put(gateway + "/api/alumni/me/contact");

            String officer = tokenFor("officer.politie");
            given().auth()
                    .oauth2(officer)
                    .contentType(ContentType.JSON)
                    .body("{\"question\":\"Voor wie precies?\"}")
                    .post(gateway + "/api/declarations/{id}/information-requests", declaration)
                    .then()
                    .statusCode(200);
            given().auth()
                    .oauth2(alumnus)
                    .contentType(ContentType.JSON)
                    .body("{\"answer\":\"%s\"}".formatted(personal.get("answer")))
                    .post(Platform.GATEWAY_2 + "/api/declarations/{id}/information", declaration)
                    .then()
                    .statusCode(200);
            given().auth()
                    .oauth2(officer)
                    .contentType(ContentType.JSON)
                    .body("{\"outcome\":\"NO_OBJECTION\",\"rationale\":\"%s\"}".formatted(personal.get("rationale")))
                    .post(gateway + "/api/declarations/{id}/decision", declaration)
                    .then()
                    .statusCode(200);
            given().auth()
                    .oauth2(officer)
                    .queryParam("name", personal.get("name"))
                    .get(gateway + "/api/alumni")
                    .then()
                    .statusCode(200);
            given().auth()
                    .oauth2(officer)
                    .queryParam("purpose", "DECLARATION_REVIEW")
                    .get(Platform.GATEWAY_2 + "/api/alumni/{id}", alumnusId)
                    .then()
                    .statusCode(200);
            // The notices reached the alumnus: every service has done its part of the journey.
            Awaitility.await()
                    .atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofSeconds(1))
                    .until(() -> Mailboxes.noticesTo(personal.get("email")).size() >= 2);
        } finally {
            TestAlumni.delete(login);
        }

        List<String> found = new ArrayList<>();
        List<Path> logs;
        try (Stream<Path> files = Files.list(LOGS)) {
            logs = files.filter(p -> p.getFileName().toString().startsWith("e2e-"))
                    .toList();
        }
        assertTrue(logs.size() >= 8, "the logs of every instance: " + logs);
        for (Path log : logs) {
            String text = Files.readString(log, StandardCharsets.UTF_8);
            personal.forEach((what, value) -> {
                if (text.contains(value)) {
                    found.add(what + " in " + log.getFileName());
                }
            });
            if (text.contains(tag)) {
                found.add("the journey's tag in " + log.getFileName());
            }
        }
        assertTrue(found.isEmpty(), "personal data in the logs: " + found);
    }
}
