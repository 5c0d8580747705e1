package nl.integrity.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import nl.integrity.e2e.MultiInstanceIT.Alumnus;
import nl.integrity.e2e.MultiInstanceIT.Submission;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL drops every connection of declaration-service, again and again, while alumni declare through
 * both gateways (as a failover, a restart or an administrator would): the requests caught in it get a 503
 * problem, never a 500; the instances recover by themselves; and the database holds no half-written
 * declaration and no event without its state change.
 */
class DroppedDatabaseConnectionsIT {

    @Test
    void declarationServiceLosesEveryConnectionFiveTimesUnderLoad_andRecoversWithNothingHalfWritten() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<Alumnus> alumni = MultiInstanceIT.alumni(6, run);
        try {
            for (Alumnus alumnus : alumni) {
                Awaitility.await()
                        .atMost(Duration.ofSeconds(60))
                        .pollInterval(Duration.ofMillis(500))
                        .until(() -> MultiInstanceIT.submit(
                                                Platform.GATEWAY_1, alumnus, "DB-" + run + "-first-" + alumnus.id())
                                        .status()
                                == 201);
            }

            AtomicBoolean dropping = new AtomicBoolean(true);
            ExecutorService clients = Executors.newFixedThreadPool(4);
            List<Future<List<Submission>>> work = new ArrayList<>();
            for (int c = 0; c < 4; c++) {
                int client = c;
                work.add(clients.submit(() -> {
                    List<Submission> made = new ArrayList<>();
                    for (int n = 0; dropping.get(); n++) {
                        Alumnus alumnus = alumni.get((client + n * 4) % alumni.size());
                        String employer = "DB-" + run + "-" + client + "-" + n;
                        made.add(new Submission(
                                n,
                                employer,
                                alumnus,
                                MultiInstanceIT.submit(MultiInstanceIT.GATEWAYS[(client + n) % 2], alumnus, employer)));
                    }
                    return made;
                }));
            }
            int terminated = 0;
            for (int round = 0; round < 5; round++) {
                Thread.sleep(3000);
                terminated += terminateConnections("declaration");
            }
            Thread.sleep(2000);
            dropping.set(false);
            List<Submission> submissions = new ArrayList<>();
            for (var w : work) {
                submissions.addAll(w.get(2, TimeUnit.MINUTES));
            }
            clients.shutdown();
            Map<Integer, Long> statuses =
                    submissions.stream().collect(Collectors.groupingBy(Submission::status, Collectors.counting()));
            System.out.printf(
                    "[dropped-connections] %d connections terminated in 5 rounds; %d declarations, by status: %s%n",
                    terminated, submissions.size(), statuses);
            assertTrue(terminated >= 5, "the service's connections were dropped: " + terminated);
            assertTrue(
                    Set.of(201, 503).containsAll(statuses.keySet()),
                    "accepted, or refused as unavailable: " + statuses);
            assertTrue(statuses.getOrDefault(201, 0L) > submissions.size() / 2, "most went through: " + statuses);

            // Both instances serve again at once, without a restart.
            for (String gateway : MultiInstanceIT.GATEWAYS) {
                for (int i = 0; i < 4; i++) {
                    assertEquals(
                            201,
                            MultiInstanceIT.submit(
                                            gateway, alumni.get(i), "DB-" + run + "-after-" + i + gateway.hashCode())
                                    .status(),
                            "declaring works again through " + gateway);
                }
            }
            assertEquals(200, KafkaOutageIT.health("declaration-service", 1, "/q/health/ready"));
            assertEquals(200, KafkaOutageIT.health("declaration-service", 2, "/q/health/ready"));

            // Every accepted declaration is stored whole, with its submitted event.
            for (Submission s : submissions) {
                if (s.status() == 201) {
                    assertEquals(
                            1,
                            Platform.count(
                                    "declaration",
                                    "select count(*) from declaration_version where declaration_id = ?::uuid",
                                    s.declarationId()),
                            s.employer() + " stored with its one version");
                    assertEquals(
                            1,
                            Platform.count(
                                    "declaration",
                                    "select count(*) from outbox_message where aggregate_id = ? "
                                            + "and event_type = ?",
                                    s.declarationId(),
                                    KafkaOutageIT.SUBMITTED),
                            s.employer() + " has its event");
                }
            }
            String employers = "DB-" + run + "-%";
            // Nothing half-written, whatever the answer was: no declaration without its version or its event, no event
            // of a declaration that is not there.
            assertEquals(0, Platform.count("declaration", """
                    select count(*) from declaration d where not exists (select 1 from declaration_version v where v.declaration_id = d.id)"""), "no declaration without its version");
            assertEquals(
                    0,
                    Platform.count("declaration", """
                    select count(*) from declaration_version v where v.employer_name like ?
                    and not exists (select 1 from outbox_message m where m.aggregate_id = v.declaration_id::text and m.event_type = ?)""", employers, KafkaOutageIT.SUBMITTED),
                    "no declaration without its submitted event");
            assertEquals(
                    0, Platform.count("declaration", """
                    select count(*) from outbox_message m where m.event_type = ?
                    and not exists (select 1 from declaration d where d.id::text = m.aggregate_id)""", KafkaOutageIT.SUBMITTED), "no event without its declaration");
            // A refusal changed nothing, unless it says the connection broke as the change was being saved (the
            // database may have committed it then): those the caller must look up before declaring again.
            int inDoubt = 0;
            for (Submission s : submissions) {
                if (s.status() == 503) {
                    boolean saved = Platform.count(
                                    "declaration",
                                    "select count(*) from declaration_version where employer_name = ?",
                                    s.employer())
                            > 0;
                    boolean saysInDoubt = s.answer().body().contains("may have been saved");
                    inDoubt += saysInDoubt ? 1 : 0;
                    assertTrue(
                            !saved || saysInDoubt,
                            s.employer() + " refused as unchanged, yet saved: "
                                    + s.answer().body());
                }
            }
            System.out.printf(
                    "[dropped-connections] refusals in doubt (the connection broke during the commit): %d%n", inDoubt);
        } finally {
            alumni.forEach(a -> TestAlumni.delete(a.login()));
        }
    }

    /** Ends every session the service has open on its database, as pg_terminate_backend does for an administrator. */
    static int terminateConnections(String service) throws Exception {
        try (Connection c = Platform.database(service);
                Statement s = c.createStatement();
                ResultSet rows = s.executeQuery(
                        "select count(*) filter (where pg_terminate_backend(pid)) from pg_stat_activity "
                                + "where datname = current_database() and pid <> pg_backend_pid() and backend_type = 'client backend'")) {
            rows.next();
            return rows.getInt(1);
        }
    }
}
