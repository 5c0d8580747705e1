package nl.integrity.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import nl.integrity.e2e.MultiInstanceIT.Alumnus;
import nl.integrity.e2e.MultiInstanceIT.Submission;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * The real broker stopped for a minute while alumni declare through both gateways: the declarations are
 * accepted and held in declaration-service's outbox, health says the broker is missing (without taking the
 * instances out of service), and once the broker is back every event reaches notification-service and raises
 * its alert once.
 */
class KafkaOutageIT {

    static final String SUBMITTED = "nl.integrity.declaration.submitted.v1";
    static final Duration OUTAGE = Duration.ofSeconds(60);

    @Test
    void declarationsSubmittedWhileTheBrokerIsDownForAMinute_areAcceptedAndAlertedOnceAfterItReturns()
            throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<Alumnus> alumni = MultiInstanceIT.alumni(8, run);
        List<Submission> submissions = new ArrayList<>();
        try {
            // Each alumnus is known to declaration-service (it learns of departures over the broker) before it goes.
            for (Alumnus alumnus : alumni) {
                Awaitility.await()
                        .atMost(Duration.ofSeconds(60))
                        .pollInterval(Duration.ofMillis(500))
                        .until(() -> {
                            var answer = MultiInstanceIT.submit(
                                    Platform.GATEWAY_1, alumnus, "KO-" + run + "-first-" + alumnus.id());
                            if (answer.status() == 201) {
                                submissions.add(new Submission(-1, "first", alumnus, answer));
                            }
                            return answer.status() == 201;
                        });
            }

            long stoppedAt = System.nanoTime();
            Platform.stopKafka();
            try {
                // Health shows the outage (the whole picture, /q/health) but readiness stays up: the instance takes
                // work.
                Awaitility.await()
                        .atMost(Duration.ofSeconds(30))
                        .pollInterval(Duration.ofSeconds(1))
                        .until(() -> health("declaration-service", 1, "/q/health") == 503);
                assertEquals(200, health("declaration-service", 1, "/q/health/ready"), "readiness stays up");

                // Declarations for the rest of the minute, four clients through both gateways.
                ExecutorService clients = Executors.newFixedThreadPool(4);
                List<Future<List<Submission>>> work = new ArrayList<>();
                for (int c = 0; c < 4; c++) {
                    int client = c;
                    work.add(clients.submit(() -> {
                        List<Submission> made = new ArrayList<>();
                        for (int n = 0; System.nanoTime() - stoppedAt < OUTAGE.toNanos(); n++) {
                            Alumnus alumnus = alumni.get((client + n * 4) % alumni.size());
                            String employer = "KO-" + run + "-" + client + "-" + n;
                            made.add(new Submission(
                                    n,
                                    employer,
                                    alumnus,
                                    MultiInstanceIT.submit(
                                            MultiInstanceIT.GATEWAYS[(client + n) % 2], alumnus, employer)));
                            Thread.sleep(250);
                        }
                        return made;
                    }));
                }
                List<Submission> duringOutage = new ArrayList<>();
                for (var w : work) {
                    duringOutage.addAll(w.get(3, TimeUnit.MINUTES));
                }
                clients.shutdown();
                submissions.addAll(duringOutage);
                Map<Integer, Long> statuses =
                        duringOutage.stream().collect(Collectors.groupingBy(Submission::status, Collectors.counting()));
                System.out.printf(
                        "[kafka-outage] %d declarations during the outage, by status: %s%n",
                        duringOutage.size(), statuses);
                assertEquals(
                        Map.of(201, (long) duringOutage.size()),
                        statuses,
                        "every declaration accepted while the broker was down");
                // Health still shows the outage, and what the outbox holds meanwhile.
                var check =
                        io.restassured.path.json.JsonPath.from(healthBody("declaration-service", 1, "/q/health/well"));
                System.out.println(
                        "[kafka-outage] wellness at the end of the outage: " + check.getMap("checks[0].data"));
                assertEquals("DOWN", check.getString("checks.find { it.name == 'event-broker' }.status"));
                assertTrue(check.getString("checks.find { it.name == 'event-broker' }.data.broker")
                        .startsWith("unreachable"));
                assertTrue(
                        check.getLong("checks.find { it.name == 'event-broker' }.data.outboxWaiting")
                                >= duringOutage.size(),
                        "the outbox holds at least the submitted event of each declaration");
            } finally {
                long held = unpublished();
                System.out.printf(
                        "[kafka-outage] broker down for %d s; %d events held in declaration-service's outbox%n",
                        TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - stoppedAt), held);
                Platform.startKafka();
            }
            long restartedAt = System.nanoTime();

            Awaitility.await()
                    .atMost(Duration.ofMinutes(3))
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> unpublished() == 0);
            double drained = (System.nanoTime() - restartedAt) / 1e9;
            List<String> ids =
                    submissions.stream().map(Submission::declarationId).toList();
            String idList = ids.stream().map(id -> "'" + id + "'").collect(Collectors.joining(","));
            Awaitility.await()
                    .atMost(Duration.ofMinutes(3))
                    .pollInterval(Duration.ofSeconds(1))
                    .untilAsserted(() -> assertEquals(
                            ids.size(),
                            Platform.count(
                                    "notification",
                                    "select count(*) from alert where kind = "
                                            + "'DECLARATION_SUBMITTED' and declaration_id::text in (" + idList + ")"),
                            "an alert per declaration"));
            double alerted = (System.nanoTime() - restartedAt) / 1e9;
            System.out.printf(
                    "[kafka-outage] outbox drained %.1f s after the broker started; every alert raised %.1f s after%n",
                    drained, alerted);

            for (String id : ids) {
                assertEquals(
                        1,
                        Platform.count(
                                "declaration",
                                "select count(*) from outbox_message where event_type = ? " + "and aggregate_id = ?",
                                SUBMITTED,
                                id),
                        "one submitted event for " + id);
            }
            assertEquals(
                    0,
                    Platform.count(
                            "notification",
                            "select count(*) from (select declaration_id from alert where "
                                    + "kind = 'DECLARATION_SUBMITTED' and declaration_id::text in (" + idList
                                    + ") group by declaration_id "
                                    + "having count(*) > 1) twice"),
                    "no alert raised twice");
            Map<String, Integer> records = recordsOnTheTopic(ids);
            System.out.printf(
                    "[kafka-outage] %d submitted events on the topic, %d records%n",
                    records.size(),
                    records.values().stream().mapToInt(Integer::intValue).sum());
            assertEquals(ids.size(), records.size(), "every submitted event reached the topic");
            // The health check follows the Kafka clients' own reconnection, which backs off while the broker was gone:
            // on a loaded 2-core machine it once took longer than 30 s after everything above had already arrived.
            Awaitility.await()
                    .atMost(Duration.ofSeconds(90))
                    .pollInterval(Duration.ofSeconds(1))
                    .until(() -> health("declaration-service", 1, "/q/health") == 200);
        } finally {
            alumni.forEach(a -> TestAlumni.delete(a.login()));
        }
    }

    /** Declaration events the outbox holds, not yet acknowledged by the broker. */
    static long unpublished() {
        return Platform.count("declaration", "select count(*) from outbox_message where published_at is null");
    }

    static int health(String component, int instance, String path) throws Exception {
        return MultiInstanceIT.HTTP
                .send(
                        HttpRequest.newBuilder(URI.create(Platform.management(component, instance) + path))
                                .timeout(Duration.ofSeconds(10))
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    static String healthBody(String component, int instance, String path) throws Exception {
        return MultiInstanceIT.HTTP
                .send(
                        HttpRequest.newBuilder(URI.create(Platform.management(component, instance) + path))
                                .timeout(Duration.ofSeconds(10))
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
    }

    /** How many records of each declaration's submitted event the broker holds (several: sent more than once). */
    static Map<String, Integer> recordsOnTheTopic(List<String> declarationIds) {
        var config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, System.getProperty("kafka.bootstrap", "127.0.0.1:9092"));
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "kafka-outage-it-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        Map<String, Integer> records = new HashMap<>();
        var wanted = new java.util.HashSet<>(declarationIds);
        try (var consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            var partitions = consumer.partitionsFor("e2e.declaration.events").stream()
                    .map(p -> new org.apache.kafka.common.TopicPartition(p.topic(), p.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            var end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (var record : consumer.poll(Duration.ofSeconds(1))) {
                    var type = record.headers().lastHeader("ce_type");
                    if (wanted.contains(record.key()) && type != null && SUBMITTED.equals(new String(type.value()))) {
                        records.merge(record.key(), 1, Integer::sum);
                    }
                }
            }
        }
        return records;
    }
}
