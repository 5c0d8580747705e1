package nl.integrity.deploy.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * docker-compose.yml as {@code docker-compose config} resolves it: it must parse, every long-running container has a
 * health check, every dependency waits for health (or for a one-shot to finish), and the topics and Redis the
 * services need are there.
 */
class ComposeTest {

    private static final String COMPOSE = "docker-compose.yml";

    /** One-shot containers: they run to completion, so a dependency waits for that instead of for health. */
    private static final Set<String> ONE_SHOTS = Set.of("kafka-topics", "keycloak-realm");

    private static final Set<String> WAITING_CONDITIONS = Set.of("service_healthy", "service_completed_successfully");

    @Test
    void composeFileResolvesAndEveryContainerIsHealthChecked() {
        JsonNode services = resolved().path("services");
        List<String> problems = new ArrayList<>();
        int[] dependencies = {0};
        services.fields().forEachRemaining(e -> {
            String name = e.getKey();
            JsonNode service = e.getValue();
            if (!ONE_SHOTS.contains(name)
                    && service.path("healthcheck").path("test").isMissingNode()) {
                problems.add(name + ": no healthcheck");
            }
            if (ONE_SHOTS.contains(name) && !"no".equals(service.path("restart").asText("no"))) {
                problems.add(name + ": a one-shot container must not restart");
            }
            JsonNode dependsOn = service.path("depends_on");
            if (dependsOn.isArray()) {
                problems.add(name + ": depends_on lists names only, so nothing waits for health");
            }
            dependsOn.fields().forEachRemaining(d -> {
                dependencies[0]++;
                String condition = d.getValue().path("condition").asText();
                String expected = ONE_SHOTS.contains(d.getKey()) ? "service_completed_successfully" : "service_healthy";
                if (!WAITING_CONDITIONS.contains(condition) || !expected.equals(condition)) {
                    problems.add(name + " depends on " + d.getKey() + " with condition '" + condition + "', expected "
                            + expected);
                }
            });
        });
        for (String needed :
                List.of("postgres", "kafka", "kafka-topics", "keycloak", "redis", "greenmail", "gateway")) {
            if (services.path(needed).isMissingNode()) {
                problems.add("no service " + needed);
            }
        }
        for (String service : Contract.MANAGEMENT_PORTS.keySet()) {
            if (services.path(service).path("depends_on").isMissingNode()) {
                problems.add(service + ": depends on nothing");
            }
        }
        Overlays.assertNone(
                "compose health checks and depends_on", COMPOSE, services.size() + dependencies[0], problems);
    }

    @Test
    void composeCreatesEveryTopicWithTwelvePartitionsAndTheGatewayUsesRedis() {
        JsonNode services = resolved().path("services");
        String topicScript =
                String.join("\n", texts(services.path("kafka-topics").path("command")));
        List<String> problems = new ArrayList<>();
        for (String topic : Contract.allTopics()) {
            if (!topicScript.contains(topic)) {
                problems.add("kafka-topics does not create " + topic);
            }
        }
        if (!topicScript.contains("--partitions " + Contract.PARTITIONS)) {
            problems.add("kafka-topics does not create " + Contract.PARTITIONS + " partitions");
        }
        if (!topicScript.contains("cleanup.policy=compact") || !topicScript.contains(Contract.COMPACTED_TOPIC)) {
            problems.add(Contract.COMPACTED_TOPIC + " is not compacted");
        }
        String redisHosts = services.path("gateway")
                .path("environment")
                .path("QUARKUS_REDIS_HOSTS")
                .asText();
        if (!redisHosts.startsWith("redis://redis:")) {
            problems.add("the gateway's QUARKUS_REDIS_HOSTS is '" + redisHosts + "', not the compose redis");
        }
        Overlays.assertNone(
                "compose topics and Redis", COMPOSE, Contract.allTopics().size() + 1, problems);
    }

    private static List<String> texts(JsonNode node) {
        List<String> out = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(n -> out.add(n.asText()));
        } else if (!node.isMissingNode()) {
            out.add(node.asText());
        }
        return out;
    }

    /** The file as {@code docker-compose config} resolves it (anchors merged, defaults filled): what Compose runs. */
    private static JsonNode resolved() {
        String exe = Kubectl.findOnPath("docker-compose");
        if (exe == null) {
            throw new AssertionError("docker-compose not found on the PATH; install Debian's docker-compose package"
                    + " (deploy/local/platform test does).");
        }
        Kubectl.Result r = Kubectl.run(List.of(exe, "-f", COMPOSE, "config"), 60);
        if (r.exit() != 0) {
            throw new AssertionError("docker-compose config failed (exit " + r.exit() + "):\n" + r.err());
        }
        try {
            JsonNode resolved = new ObjectMapper(new YAMLFactory()).readTree(r.out());
            if (!resolved.path("services").isObject()) {
                throw new AssertionError("docker-compose config printed no services:\n" + r.out());
            }
            return resolved;
        } catch (IOException e) {
            throw new AssertionError("cannot read what docker-compose config printed: " + e.getMessage(), e);
        }
    }
}
