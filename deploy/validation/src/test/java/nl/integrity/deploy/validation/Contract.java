package nl.integrity.deploy.validation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the manifests must agree with: the repository's own sources where one exists (the topic lists of
 * deploy/local/platform, the project version of the root pom, the realm file under deploy/keycloak/), and the
 * platform's contract otherwise (services, ports, metric names, who produces and consumes which topic).
 */
final class Contract {

    /** The platform's own workloads and their management ports (health and metrics). */
    static final Map<String, Integer> MANAGEMENT_PORTS = Map.of(
            "alumni-service", 9081,
            "declaration-service", 9082,
            "notification-service", 9083,
            "gateway", 9080);

    /** The services that use Kafka; each has a KafkaUser of the same name. */
    static final List<String> KAFKA_CLIENTS = List.of("alumni-service", "declaration-service", "notification-service");

    /** Event topics each service produces (dead-letter topics are written by the consuming group, see below). */
    static final Map<String, Set<String>> PRODUCES = Map.of(
            "alumni-service", Set.of("alumni.events", "function-profile.events"),
            "declaration-service", Set.of("declaration.events"));

    /** Event topics each consumer group (named after its service) reads. */
    static final Map<String, Set<String>> CONSUMES = Map.of(
            "declaration-service", Set.of("alumni.events", "function-profile.events"),
            "notification-service", Set.of("alumni.events", "declaration.events"));

    static final String COMPACTED_TOPIC = "function-profile.events";
    static final int PARTITIONS = 12;
    static final String RETENTION_MS = "604800000";
    static final String SEGMENT_MS = "86400000";

    /** The metric names the services expose (Prometheus names of the Micrometer meters). */
    static final Set<String> METRICS = Set.of(
            "http_server_requests_seconds_count",
            "http_server_requests_seconds_sum",
            "http_server_requests_seconds_bucket",
            "kafka_consumer_fetch_manager_records_lag_max",
            "outbox_backlog",
            "outbox_oldest_unpublished_age_seconds",
            "notification_delivery_queue",
            "notification_deliveries_total",
            "scheduled_runs_total",
            "scheduled_run_last_success_timestamp_seconds",
            "declarations_overdue");

    /**
     * Label names an alert or dashboard may group by or print: the metrics' own labels, Prometheus' target labels
     * and the rules' routing labels. None of them identifies a person; anything else fails the check.
     */
    static final Set<String> LABELS = Set.of(
            "application",
            "method",
            "uri",
            "status",
            "outcome",
            "exception",
            "error",
            "client_id",
            "topic",
            "partition",
            "channel",
            "task",
            "organisation",
            "le",
            "quantile",
            "namespace",
            "pod",
            "instance",
            "service",
            "container",
            "endpoint",
            "severity",
            "team",
            "alertname");

    private Contract() {}

    static Path root() {
        String configured = System.getProperty("repository.root");
        Path start = configured != null ? Path.of(configured) : Path.of("").toAbsolutePath();
        for (Path p = start.toAbsolutePath().normalize(); p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("deploy/local/platform"))) {
                return p;
            }
        }
        throw new IllegalStateException("no repository root (with deploy/local/platform) above " + start);
    }

    /** The project version the platform images carry (the root pom's, passed in by Maven). */
    static String projectVersion() {
        String v = System.getProperty("project.version");
        if (v != null && !v.isBlank()) {
            return v;
        }
        Matcher m = Pattern.compile("<artifactId>integrity-platform</artifactId>\\s*<version>([^<]+)</version>")
                .matcher(read(root().resolve("pom.xml")));
        if (!m.find()) {
            throw new IllegalStateException("no version in the root pom.xml");
        }
        return m.group(1);
    }

    static List<String> eventTopics() {
        return platformArray("EVENT_TOPICS");
    }

    static List<String> deadLetterTopics() {
        return platformArray("DEAD_LETTER_TOPICS");
    }

    static List<String> allTopics() {
        List<String> all = new ArrayList<>(eventTopics());
        all.addAll(deadLetterTopics());
        return all;
    }

    /** Dead-letter topics by the consumer group that writes them: {@code <topic>.<group>.dlq}. */
    static Map<String, Set<String>> deadLettersByGroup() {
        Map<String, Set<String>> byGroup = new LinkedHashMap<>();
        for (String dlq : deadLetterTopics()) {
            String group = KAFKA_CLIENTS.stream()
                    .filter(s -> dlq.endsWith("." + s + ".dlq"))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("dead-letter topic of no known group: " + dlq));
            byGroup.computeIfAbsent(group, g -> new java.util.TreeSet<>()).add(dlq);
        }
        return byGroup;
    }

    /** A bash array of deploy/local/platform, e.g. {@code EVENT_TOPICS=(a b c)}, possibly over several lines. */
    static List<String> platformArray(String name) {
        String script = read(root().resolve("deploy/local/platform"));
        Matcher m = Pattern.compile("(?m)^" + name + "=\\(([^)]*)\\)").matcher(script);
        if (!m.find()) {
            throw new IllegalStateException(name + "=(...) not found in deploy/local/platform");
        }
        List<String> values = Arrays.stream(m.group(1).trim().split("\\s+"))
                .filter(s -> !s.isEmpty())
                .toList();
        if (values.isEmpty()) {
            throw new IllegalStateException(name + " is empty in deploy/local/platform");
        }
        return values;
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
