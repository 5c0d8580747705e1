package nl.integrity.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The end-to-end platform the tests run against, started by {@code deploy/local/platform test}:
 * two instances of every service and two gateways, with databases of their own ({@code *_e2e}).
 * Tests start and kill its instances through the same script, and look into its databases to
 * check what each service stored.
 */
final class Platform {

    static final String GATEWAY_1 = System.getProperty("gateway.url", "http://localhost:18080");
    static final String GATEWAY_2 = System.getProperty("gateway2.url", "http://localhost:18090");
    /** How long notification-service waits for a webhook receiver's answer (its default; the script leaves it). */
    static final java.time.Duration WEBHOOK_TIMEOUT = java.time.Duration.ofSeconds(10);

    private static final String SCRIPT = System.getProperty("platform.script", "../deploy/local/platform");

    private Platform() {}

    /** SIGKILL: no shutdown hook, no goodbye to Kafka or PostgreSQL, as when a machine dies. */
    static void kill(String component, int instance) {
        run("kill", component, instance);
    }

    /** Starts the instance again and waits until it is ready. */
    static void start(String component, int instance) {
        run("start", component, instance);
    }

    /**
     * Stops the shared broker (SIGTERM, as an orderly shutdown for maintenance would; after 15 s SIGKILL). Every
     * platform on it loses it, the demo platform too: its outbox holds what it publishes meanwhile.
     */
    static void stopKafka() {
        script("kafka", "stop");
    }

    /** Starts the broker again and waits until it answers. */
    static void startKafka() {
        script("kafka", "start");
    }

    private static void run(String action, String component, int instance) {
        script("instance", "e2e", action, component, Integer.toString(instance));
    }

    private static void script(String... arguments) {
        List<String> command = new ArrayList<>(List.of("bash", SCRIPT));
        command.addAll(List.of(arguments));
        try {
            Process process =
                    new ProcessBuilder(command).redirectErrorStream(true).start();
            if (!process.waitFor(180, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", arguments) + " took over 180 s");
            }
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", arguments) + " failed: " + output);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * The base URL of an instance's management interface (health, metrics): its port plus 1000. The end-to-end
     * platform's ports start at 18080: gateway +0, alumni-service +1, declaration-service +2, notification-service +3,
     * plus 10 for each further instance.
     */
    static String management(String component, int instance) {
        int offset = switch (component) {
            case "gateway" -> 0;
            case "alumni-service" -> 1;
            case "declaration-service" -> 2;
            case "notification-service" -> 3;
            default -> throw new IllegalArgumentException(component);
        };
        return "http://127.0.0.1:" + (PORT_BASE + offset + (instance - 1) * 10 + 1000);
    }

    private static final int PORT_BASE = Integer.getInteger("platform.port-base", 18080);

    /** A connection to a service's end-to-end database: {@code alumni}, {@code declaration} or {@code notification}. */
    static Connection database(String service) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/" + service + "_e2e", service, service);
    }

    /** The first column of every row {@code sql} selects, with {@code parameters} bound in order. */
    static List<Object> column(String service, String sql, Object... parameters) {
        try (Connection c = database(service);
                PreparedStatement statement = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            List<Object> values = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    values.add(rows.getObject(1));
                }
            }
            return values;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static long count(String service, String sql, Object... parameters) {
        return ((Number) column(service, sql, parameters).get(0)).longValue();
    }

    /** The end-to-end platform's consumer groups. */
    static final List<String> CONSUMER_GROUPS = List.of("e2e.declaration-service", "e2e.notification-service");

    /** Waits until every consumer group of the platform has read every record on its topics. */
    static void awaitConsumersCaughtUp(java.time.Duration atMost) {
        var config = new java.util.Properties();
        config.put("bootstrap.servers", System.getProperty("kafka.bootstrap", "127.0.0.1:9092"));
        try (var admin = org.apache.kafka.clients.admin.Admin.create(config)) {
            org.awaitility.Awaitility.await()
                    .atMost(atMost)
                    .pollInterval(java.time.Duration.ofSeconds(1))
                    .until(() -> {
                        long lag = 0;
                        for (String group : CONSUMER_GROUPS) {
                            var committed = admin.listConsumerGroupOffsets(group)
                                    .partitionsToOffsetAndMetadata()
                                    .get();
                            var latest = admin.listOffsets(committed.keySet().stream()
                                            .collect(java.util.stream.Collectors.toMap(
                                                    tp -> tp,
                                                    tp -> org.apache.kafka.clients.admin.OffsetSpec.latest())))
                                    .all()
                                    .get();
                            for (var entry : committed.entrySet()) {
                                long end = latest.get(entry.getKey()).offset();
                                lag += entry.getValue() == null
                                        ? end
                                        : end - entry.getValue().offset();
                            }
                        }
                        return lag == 0;
                    });
        }
    }
}
