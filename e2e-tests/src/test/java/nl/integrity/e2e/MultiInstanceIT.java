package nl.integrity.e2e;

import static io.restassured.RestAssured.given;
import static nl.integrity.platform.testing.KeycloakLogins.hrSystemToken;
import static nl.integrity.platform.testing.KeycloakLogins.tokenFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.http.ContentType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import nl.integrity.platform.testing.Mailboxes;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * Two of everything, under faults: two instances of every service and two gateways, sharing one
 * PostgreSQL, Kafka, Keycloak and Redis, with instances killed by SIGKILL while they work. Each
 * test leaves every instance running again.
 */
class MultiInstanceIT {

    static final String[] GATEWAYS = {Platform.GATEWAY_1, Platform.GATEWAY_2};
    static final Set<String> NOTICES = Set.of(
            "nl.integrity.declaration.information-requested.v1",
            "nl.integrity.declaration.decided.v1",
            "nl.integrity.declaration.reminder-due.v1");
    static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    record Alumnus(TestAlumni.Login login, String id, String email, String token) {}

    /** What the platform answered to a declaration: the status (negative: no answer), the new id, the body. */
    record Answer(int status, String declarationId, String body) {}

    record Submission(int number, String employer, Alumnus alumnus, Answer answer) {
        int status() {
            return answer.status();
        }

        String declarationId() {
            return answer.declarationId();
        }
    }

    static List<Alumnus> alumni(int count, String run) {
        List<Alumnus> alumni = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            TestAlumni.Login login = TestAlumni.create("POLITIE");
            String email = login.username() + "@mi.integrity.example.nl";
            String id = TestAlumni.registerDeparture(
                    login, "Veelvoud " + run + "-" + i, email, "REC-DIG", "2022-01-01", "2026-10-31", "VOLUNTARY");
            alumni.add(new Alumnus(login, id, email, tokenFor(login.username(), login.password())));
        }
        return alumni;
    }

    /**
     * Declares through {@code gateway}; a client that cannot connect to it tries the other gateway, as a load
     * balancer in front of them would (the request never reached the first).
     */
    static Answer submit(String gateway, Alumnus alumnus, String employer) {
        Answer answer = submitOnce(gateway, alumnus, employer);
        if (answer.status() == CONNECTION_REFUSED) {
            answer = submitOnce(gateway.equals(GATEWAYS[0]) ? GATEWAYS[1] : GATEWAYS[0], alumnus, employer);
        }
        return answer;
    }

    static final int CONNECTION_REFUSED = -2;

    static Answer submitOnce(String gateway, Alumnus alumnus, String employer) {
        String body = """
                {"employerName":"%s","kvkNumber":"12345678","country":"NL","sector":"HOSPITALITY",
                 "role":"Bedrijfsleider","duties":"Runs a restaurant","startDate":"2099-02-01","paid":true,
                 "hoursPerWeek":36,"selfEmployed":false,"expectsContact":false,"usesKnowledge":false}""".formatted(employer);
        try {
            HttpResponse<String> response = HTTP.send(
                    HttpRequest.newBuilder(URI.create(gateway + "/api/declarations"))
                            .timeout(Duration.ofSeconds(30))
                            .header("Authorization", "Bearer " + alumnus.token())
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(body))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            Matcher matcher =
                    Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"").matcher(response.body());
            String id = response.statusCode() / 100 == 2 && matcher.find() ? matcher.group(1) : null;
            return new Answer(response.statusCode(), id, response.body());
        } catch (java.net.ConnectException e) {
            return new Answer(CONNECTION_REFUSED, null, null);
        } catch (java.io.IOException e) {
            return new Answer(-1, null, null); // the connection broke: the gateway died mid-request
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(-1, null, null);
        }
    }

    @Test
    void fiveHundredDeclarations_throughBothGateways_whileAnInstanceOfEachPartIsKilled_areStoredAndNotifiedOnce()
            throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<Alumnus> alumni = alumni(20, run);
        try (var receiver = new WebhookReceiver(Platform.WEBHOOK_TIMEOUT)) {
            String subscription = given().auth()
                    .oauth2(tokenFor("admin"))
                    .contentType(ContentType.JSON)
                    .body("{\"url\":\"%s\",\"eventTypes\":[\"*\"],\"description\":\"multi-instance %s\"}"
                            .formatted(receiver.url(), run))
                    .post(Platform.GATEWAY_1 + "/api/webhook-subscriptions")
                    .then()
                    .statusCode(201)
                    .extract()
                    .path("id");
            // While instances die, the receiver acknowledges nothing: no delivery is then sent and acknowledged but
            // not yet recorded when its instance dies (HTTP cannot make that window vanish; receivers deduplicate on
            // webhook-id for it). Whatever waits is retried and acknowledged after the faults.
            receiver.failing.set(true);

            // 1. 500 declarations from 20 alumni, 8 at a time, alternating gateways; one instance of each part dies.
            ExecutorService clients = Executors.newFixedThreadPool(8);
            ExecutorService operator = Executors.newSingleThreadExecutor();
            AtomicInteger done = new AtomicInteger();
            List<Future<Submission>> submissions = new ArrayList<>();
            for (int n = 0; n < 500; n++) {
                int number = n;
                submissions.add(clients.submit(() -> {
                    Alumnus alumnus = alumni.get(number % alumni.size());
                    String employer = "MI-" + run + "-" + number;
                    Answer answer = submit(GATEWAYS[number % 2], alumnus, employer);
                    done.incrementAndGet();
                    return new Submission(number, employer, alumnus, answer);
                }));
            }
            Future<?> faults = operator.submit(() -> {
                Awaitility.await().atMost(Duration.ofMinutes(2)).until(() -> done.get() >= 80);
                Platform.kill("declaration-service", 1);
                Platform.kill("alumni-service", 1);
                Platform.kill("notification-service", 1);
                Platform.kill("gateway", 1);
                Awaitility.await().atMost(Duration.ofMinutes(2)).until(() -> done.get() >= 250);
                var starts = Executors.newFixedThreadPool(4);
                List<Future<?>> started = new ArrayList<>();
                for (String component :
                        List.of("declaration-service", "alumni-service", "notification-service", "gateway")) {
                    started.add(starts.submit(() -> Platform.start(component, 1)));
                }
                for (var f : started) {
                    f.get(4, TimeUnit.MINUTES);
                }
                starts.shutdown();
                return null;
            });
            List<Submission> results = new ArrayList<>();
            for (var s : submissions) {
                results.add(s.get(3, TimeUnit.MINUTES));
            }
            faults.get(5, TimeUnit.MINUTES);
            clients.shutdown();
            operator.shutdown();
            List<Submission> accepted =
                    results.stream().filter(s -> s.status() / 100 == 2).toList();
            Map<Integer, Long> statuses =
                    results.stream().collect(Collectors.groupingBy(Submission::status, Collectors.counting()));
            System.out.printf("[multi-instance] submissions by status: %s%n", statuses);
            assertTrue(accepted.size() >= 400, "most submissions accepted, the faults notwithstanding: " + statuses);

            // Every accepted submission is stored, once; no submission is stored twice.
            for (Submission s : accepted) {
                assertEquals(
                        1,
                        Platform.count(
                                "declaration",
                                "select count(*) from declaration where id = ?::uuid",
                                s.declarationId()),
                        s.employer() + " stored once");
            }
            assertEquals(0, Platform.count("declaration", """
                    select count(*) from (select employer_name from declaration_version
                                          where employer_name like ? group by employer_name
                                          having count(distinct declaration_id) > 1) twice""", "MI-" + run + "-%"), "no declaration stored twice");

            // 2. The office decides some of them, through both gateways, while one declaration-service instance dies.
            receiver.failing.set(false);
            String officer = tokenFor("officer.politie");
            List<Submission> toDecide = accepted.subList(0, 30);
            ExecutorService deciders = Executors.newFixedThreadPool(4);
            List<Future<Integer>> decisions = new ArrayList<>();
            for (int i = 0; i < toDecide.size(); i++) {
                Submission s = toDecide.get(i);
                String gateway = GATEWAYS[i % 2];
                decisions.add(deciders.submit(() -> given().auth()
                        .oauth2(officer)
                        .contentType(ContentType.JSON)
                        .body("{\"outcome\":\"NO_OBJECTION\",\"rationale\":\"Geen raakvlak met het vorige werk\"}")
                        .post(gateway + "/api/declarations/{id}/decision", s.declarationId())
                        .statusCode()));
                if (i == 10) {
                    Platform.kill("declaration-service", 2);
                }
            }
            Map<Integer, Long> decided = new HashMap<>();
            for (var d : decisions) {
                decided.merge(d.get(2, TimeUnit.MINUTES), 1L, Long::sum);
            }
            deciders.shutdown();
            Platform.start("declaration-service", 2);
            System.out.printf("[multi-instance] decisions by status: %s%n", decided);
            // Only those on their way to the instance as it died can fail; the rest went to the other instance.
            assertTrue(decided.getOrDefault(200, 0L) >= 20, "decisions went on with one instance down: " + decided);

            // 3. Once the platform caught up: an alert per event and kind, a mail per notice, a webhook per delivery.
            List<String> ids = accepted.stream().map(Submission::declarationId).toList();
            String idList = ids.stream().map(id -> "'" + id + "'").collect(Collectors.joining(","));
            Awaitility.await()
                    .atMost(Duration.ofMinutes(3))
                    .pollInterval(Duration.ofSeconds(2))
                    .untilAsserted(() -> {
                        long submitted = Platform.count(
                                "declaration",
                                "select count(*) from outbox_message where event_type = "
                                        + "'nl.integrity.declaration.submitted.v1' and aggregate_id in (" + idList
                                        + ")");
                        long alerts = Platform.count(
                                "notification",
                                "select count(*) from alert where kind = 'DECLARATION_SUBMITTED'"
                                        + " and declaration_id::text in (" + idList + ")");
                        assertEquals(accepted.size(), submitted, "a submitted event per accepted declaration");
                        assertEquals(submitted, alerts, "an alert per submitted event");
                    });
            for (Alumnus alumnus : alumni) {
                Awaitility.await()
                        .atMost(Duration.ofMinutes(2))
                        .pollInterval(Duration.ofSeconds(2))
                        .untilAsserted(() -> {
                            long notices = Platform.count(
                                    "declaration",
                                    "select count(*) from outbox_message where event_type in ("
                                            + NOTICES.stream()
                                                    .map(t -> "'" + t + "'")
                                                    .collect(Collectors.joining(","))
                                            + ") and (payload::json ->> 'alumnusId') = ?",
                                    alumnus.id());
                            assertEquals(
                                    notices,
                                    declarationNoticesTo(alumnus.email()).size(),
                                    "one mail per legally required notice to " + alumnus.email());
                        });
            }
            Awaitility.await()
                    .atMost(Duration.ofMinutes(3))
                    .pollInterval(Duration.ofSeconds(2))
                    .untilAsserted(() -> {
                        long open = Platform.count("notification", """
                        select count(*) from delivery d join webhook_subscription s on s.id = d.subscription_id
                        where s.url = ? and d.status <> 'SENT'""", receiver.url());
                        assertEquals(0, open, "every webhook delivery acknowledged");
                    });
            long deliveries = Platform.count("notification", """
                    select count(*) from delivery d join webhook_subscription s on s.id = d.subscription_id where s.url = ?""", receiver.url());
            assertEquals(deliveries, receiver.acknowledged.size(), "each delivery reached the receiver");
            // A message is sent again only when its acknowledgement came after the sender had stopped waiting
            // (the platform under faults on two cores can be that slow); receivers deduplicate on webhook-id for it.
            assertEquals(Map.of(), receiver.duplicates(), "no webhook-id acknowledged twice while the sender waited");
            long resent = receiver.acknowledged.values().stream()
                    .mapToInt(c -> c.get() - 1)
                    .sum();
            System.out.printf(
                    "[multi-instance] %d accepted declarations, %d webhook deliveries (refused while failing: %d; "
                            + "sent again after an acknowledgement later than the timeout: %d)%n",
                    accepted.size(), deliveries, receiver.refused.get(), resent);
            // The receiver goes away with this test: later tests' events need not queue up for it.
            given().auth()
                    .oauth2(tokenFor("admin"))
                    .contentType(ContentType.JSON)
                    .body("{\"url\":\"%s\",\"eventTypes\":[\"*\"],\"enabled\":false}".formatted(receiver.url()))
                    .put(Platform.GATEWAY_1 + "/api/webhook-subscriptions/{id}", subscription)
                    .then()
                    .statusCode(200);
        } finally {
            alumni.forEach(a -> TestAlumni.delete(a.login()));
        }
    }

    @Test
    void theDailyReminderRun_firesOnBothDeclarationInstancesAtOnce_andRemindsEachAlumnusOnce() {
        // The end-to-end platform runs the reminder run every 10 seconds: each is a period of its own, triggered
        // on both declaration-service instances at the same second.
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<Alumnus> alumni = alumni(3, run);
        try {
            for (Alumnus alumnus : alumni) {
                Awaitility.await()
                        .atMost(Duration.ofSeconds(60))
                        .pollInterval(Duration.ofSeconds(1))
                        .until(() -> reminders(alumnus) > 0);
            }
            long periodsBefore =
                    Platform.count("declaration", "select count(*) from scheduled_run where job = 'reminders'");
            // Three more periods, each fired on both instances.
            Awaitility.await()
                    .atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofSeconds(1))
                    .until(() -> Platform.count(
                                    "declaration",
                                    "select count(*) from scheduled_run where job = 'reminders' and finished_at is not null")
                            >= periodsBefore + 3);
            for (Alumnus alumnus : alumni) {
                assertEquals(1, reminders(alumnus), "one reminder event for " + alumnus.email());
                Awaitility.await()
                        .atMost(Duration.ofSeconds(90))
                        .pollInterval(Duration.ofSeconds(1))
                        .until(() -> !declarationNoticesTo(alumnus.email()).isEmpty());
                assertEquals(
                        1, declarationNoticesTo(alumnus.email()).size(), "one reminder mail to " + alumnus.email());
            }
            List<Object> runners = Platform.column(
                    "declaration",
                    "select distinct instance from scheduled_run where job = 'reminders' and finished_at is not null");
            System.out.printf("[multi-instance] reminder periods run by: %s%n", runners);
        } finally {
            alumni.forEach(a -> TestAlumni.delete(a.login()));
        }
    }

    static long reminders(Alumnus alumnus) {
        return Platform.count(
                "declaration",
                "select count(*) from outbox_message where event_type = "
                        + "'nl.integrity.declaration.reminder-due.v1' and aggregate_id = ?",
                alumnus.id());
    }

    /** Rows of the import whose instance dies after the first 1,000: enough that most are read by the other. */
    static final int IMPORT_ROWS = 8_000;

    @Test
    void anImportWhoseInstanceDies_isFinishedByTheOther_everyRowCountedOnce() {
        String p = "MI" + UUID.randomUUID().toString().substring(0, 6);
        String csv = "organisation,personnelNumber,fullName,email,unit,departureDate,departureReason,functions\n"
                + IntStream.rangeClosed(1, IMPORT_ROWS)
                        .mapToObj(i -> "POLITIE,%s-%d,Rij %d,,Eenheid Oost,2026-01-31,VOLUNTARY,OPS-AGT:2015-01-01:"
                                .formatted(p, i, i))
                        .collect(Collectors.joining("\n"))
                + "\n";
        String location = given().auth()
                .oauth2(hrSystemToken())
                .contentType("text/csv")
                .body(csv)
                .post(Platform.GATEWAY_1 + "/api/departures/imports")
                .then()
                .statusCode(202)
                .extract()
                .header("Location");
        String id = location.substring(location.lastIndexOf('/') + 1);

        Awaitility.await()
                .atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> Platform.count("alumni", "select rows_read from departure_import where id = ?::uuid", id)
                        >= 1000);
        String owner =
                (String) Platform.column("alumni", "select lease_owner from departure_import where id = ?::uuid", id)
                        .get(0);
        int instance = Integer.parseInt(owner.substring(owner.lastIndexOf('-') + 1));
        Platform.kill("alumni-service", instance);
        long readWhenKilled = Platform.count("alumni", "select rows_read from departure_import where id = ?::uuid", id);
        try {
            Awaitility.await()
                    .atMost(Duration.ofMinutes(2))
                    .pollInterval(Duration.ofSeconds(1))
                    .until(() -> "COMPLETED"
                            .equals(given().auth()
                                    .oauth2(hrSystemToken())
                                    .get(Platform.GATEWAY_2 + "/api/departures/imports/{id}", id)
                                    .then()
                                    .statusCode(200)
                                    .extract()
                                    .path("status")));
        } finally {
            Platform.start("alumni-service", instance);
        }
        // The registrations flow to the other services; later tests need their consumers with them again.
        Platform.awaitConsumersCaughtUp(Duration.ofMinutes(3));
        var job = given().auth()
                .oauth2(hrSystemToken())
                .get(Platform.GATEWAY_2 + "/api/departures/imports/{id}", id)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        System.out.printf(
                "[multi-instance] import killed on %s after %d of %d rows; finished elsewhere%n",
                owner, readWhenKilled, IMPORT_ROWS);
        assertTrue(readWhenKilled < IMPORT_ROWS / 2, "killed early in the import (" + readWhenKilled + " rows read)");
        assertEquals(IMPORT_ROWS, job.getInt("rowsRead"));
        assertEquals(IMPORT_ROWS, job.getInt("imported"), "every row registered, and counted, once");
        assertEquals(0, job.getInt("alreadyRegistered"));
        assertEquals(0, job.getInt("rejected"));
        assertEquals(
                IMPORT_ROWS,
                Platform.count("alumni", "select count(*) from alumnus where personnel_number like ?", p + "-%"));
    }

    @Test
    void aSessionLoggedOutThroughOneGateway_isRefusedByTheOther() throws Exception {
        try (var browser = new Browser("two-gateways")) {
            browser.open(Platform.GATEWAY_1 + "/office/");
            browser.logInAtKeycloak("officer.politie", "demo");
            browser.visible(By.id("alert-rows"));
            String cookie = browser.driver.manage().getCookies().stream()
                    .filter(c -> c.getName().startsWith("q_session_portal"))
                    .map(c -> c.getName() + "=" + c.getValue())
                    .collect(Collectors.joining("; "));

            assertEquals(200, get(Platform.GATEWAY_2 + "/session", cookie), "the other gateway knows the session");
            assertEquals(200, get(Platform.GATEWAY_2 + "/api/alerts", cookie));

            browser.open(Platform.GATEWAY_1 + "/logout");
            browser.visible(By.tagName("body"));
            assertEquals(401, get(Platform.GATEWAY_2 + "/session", cookie), "logged out everywhere");
            assertEquals(401, get(Platform.GATEWAY_2 + "/api/alerts", cookie));
            assertEquals(401, get(Platform.GATEWAY_1 + "/api/alerts", cookie));
        }
    }

    static int get(String url, String cookie) throws Exception {
        return HTTP.send(
                        HttpRequest.newBuilder(URI.create(url))
                                .header("Cookie", cookie)
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    @Test
    void aCallersRequestsSpreadOverBothGateways_shareOneAllowance() throws Exception {
        // 300 requests a minute per person, refilled evenly (5 a second): 700 requests as fast as one client goes.
        TestAlumni.Login login = TestAlumni.create("KMAR");
        try {
            String token = tokenFor(login.username(), login.password());
            Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
            long started = System.nanoTime();
            for (int i = 0; i < 700; i++) {
                int status = HTTP.send(
                                HttpRequest.newBuilder(URI.create(GATEWAYS[i % 2] + "/api/condition-types"))
                                        .header("Authorization", "Bearer " + token)
                                        .GET()
                                        .build(),
                                HttpResponse.BodyHandlers.discarding())
                        .statusCode();
                statuses.merge(status, 1, Integer::sum);
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            int allowed = statuses.getOrDefault(200, 0);
            System.out.printf("[multi-instance] 700 requests in %.1f s over two gateways: %s%n", seconds, statuses);
            assertTrue(statuses.getOrDefault(429, 0) > 0, "the allowance ran out: " + statuses);
            // One allowance for both: 300 plus what refilled meanwhile; two allowances would have let ~600 through.
            assertTrue(allowed <= 300 + (int) Math.ceil(seconds * 5) + 2, allowed + " allowed in " + seconds + " s");
            assertTrue(allowed >= 300, allowed + " allowed: the whole allowance was usable");
        } finally {
            TestAlumni.delete(login);
        }
    }

    /** The notices about declarations mailed to an alumnus: without the departure briefing's (which link to it). */
    static List<Map<String, Object>> declarationNoticesTo(String address) {
        return Mailboxes.noticesTo(address).stream()
                .filter(m -> !String.valueOf(m.get("mimeMessage")).contains("/alumni/briefing"))
                .toList();
    }
}
