package nl.integrity.deploy.validation;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * Kafka on Strimzi: the topics of the contract (read from deploy/local/platform, the one list), the users and their
 * ACLs, and in production a cluster that survives a broker loss without losing acknowledged writes.
 */
class KafkaRulesTest {

    static final List<String> OVERLAYS = Overlays.PLATFORM;

    @ParameterizedTest(name = "{0}")
    @FieldSource("OVERLAYS")
    void everyContractTopicIsAKafkaTopicWithTwelvePartitions(String overlay) {
        Manifests m = Overlays.render(overlay);
        List<String> problems = new ArrayList<>();
        String cluster = kafkaName(m, problems);
        List<String> contract = Contract.allTopics();
        Set<String> seen = new HashSet<>();
        for (JsonNode t : m.kind("KafkaTopic")) {
            String topic = topicName(t);
            if (!seen.add(topic)) {
                problems.add(Manifests.id(t) + ": topic " + topic + " is declared twice");
            }
            if (!contract.contains(topic)) {
                problems.add(Manifests.id(t) + ": topic " + topic + " is not in deploy/local/platform's"
                        + " EVENT_TOPICS/DEAD_LETTER_TOPICS");
            }
            int partitions = t.path("spec").path("partitions").asInt(-1);
            if (partitions != Contract.PARTITIONS) {
                problems.add(
                        Manifests.id(t) + ": spec.partitions is " + partitions + ", expected " + Contract.PARTITIONS);
            }
            String label =
                    t.path("metadata").path("labels").path("strimzi.io/cluster").asText("");
            if (cluster != null && !cluster.equals(label)) {
                problems.add(Manifests.id(t) + ": label strimzi.io/cluster is '" + label + "', the Kafka is '" + cluster
                        + "' (the topic operator ignores it otherwise)");
            }
        }
        for (String topic : contract) {
            if (!seen.contains(topic)) {
                problems.add("no KafkaTopic for " + topic);
            }
        }
        Overlays.assertNone("contract topics as KafkaTopics with 12 partitions", overlay, contract.size(), problems);
    }

    @ParameterizedTest(name = "{0}")
    @FieldSource("OVERLAYS")
    void topicRetentionFollowsTheContract(String overlay) {
        Manifests m = Overlays.render(overlay);
        List<String> problems = new ArrayList<>();
        for (JsonNode t : m.kind("KafkaTopic")) {
            String topic = topicName(t);
            JsonNode config = t.path("spec").path("config");
            String policy = config.path("cleanup.policy").asText("delete");
            if (topic.equals(Contract.COMPACTED_TOPIC)) {
                if (!policy.equals("compact")) {
                    problems.add(Manifests.id(t) + ": spec.config.cleanup.policy is '" + policy
                            + "', expected compact (consumers rely on the newest version per profile)");
                }
            } else {
                if (policy.contains("compact")) {
                    problems.add(Manifests.id(t) + ": spec.config.cleanup.policy is '" + policy + "', expected delete");
                }
                if (!Contract.RETENTION_MS.equals(config.path("retention.ms").asText())) {
                    problems.add(Manifests.id(t) + ": spec.config.retention.ms is '"
                            + config.path("retention.ms").asText() + "', expected " + Contract.RETENTION_MS
                            + " (a week, docs/privacy.md)");
                }
                if (!Contract.SEGMENT_MS.equals(config.path("segment.ms").asText())) {
                    problems.add(Manifests.id(t) + ": spec.config.segment.ms is '"
                            + config.path("segment.ms").asText() + "', expected " + Contract.SEGMENT_MS);
                }
            }
        }
        Overlays.assertNone(
                "topic cleanup policy and retention",
                overlay,
                m.kind("KafkaTopic").size(),
                problems);
    }

    @Test
    void productionKafkaHasThreeBrokersReplicationThreeAndMinInSyncTwo() {
        Manifests m = Overlays.render(Overlays.PRODUCTION);
        List<String> problems = new ArrayList<>();
        String cluster = kafkaName(m, problems);
        int brokers = 0;
        for (JsonNode pool : m.kind("KafkaNodePool")) {
            if (!pool.path("metadata")
                    .path("labels")
                    .path("strimzi.io/cluster")
                    .asText("")
                    .equals(cluster)) {
                problems.add(Manifests.id(pool) + ": label strimzi.io/cluster is not '" + cluster + "'");
                continue;
            }
            boolean broker = false;
            for (JsonNode role : pool.path("spec").path("roles")) {
                broker |= "broker".equals(role.asText());
            }
            if (broker) {
                brokers += pool.path("spec").path("replicas").asInt(0);
            }
        }
        if (brokers < 3) {
            problems.add("the KafkaNodePools of " + cluster + " have " + brokers + " brokers, expected 3 or more");
        }
        m.kind("Kafka").forEach(k -> {
            JsonNode config = k.path("spec").path("kafka").path("config");
            Map.of(
                            "default.replication.factor", "3",
                            "min.insync.replicas", "2",
                            "offsets.topic.replication.factor", "3",
                            "transaction.state.log.replication.factor", "3",
                            "transaction.state.log.min.isr", "2")
                    .forEach((key, expected) -> {
                        if (!expected.equals(config.path(key).asText())) {
                            problems.add(Manifests.id(k) + ": spec.kafka.config." + key + " is '"
                                    + config.path(key).asText("unset") + "', expected " + expected);
                        }
                    });
        });
        for (JsonNode t : m.kind("KafkaTopic")) {
            int replicas = t.path("spec").path("replicas").asInt(-1);
            if (t.path("spec").has("replicas") && replicas != 3) {
                problems.add(Manifests.id(t) + ": spec.replicas is " + replicas + ", expected 3");
            }
            JsonNode isr = t.path("spec").path("config").path("min.insync.replicas");
            if (!isr.isMissingNode() && !"2".equals(isr.asText())) {
                problems.add(Manifests.id(t) + ": spec.config.min.insync.replicas is " + isr.asText() + ", expected 2");
            }
        }
        Overlays.assertNone("3 brokers, replication 3, min.insync.replicas 2", Overlays.PRODUCTION, 1, problems);
    }

    @ParameterizedTest(name = "{0}")
    @FieldSource("OVERLAYS")
    void everyListenerAuthenticatesItsClients(String overlay) {
        Manifests m = Overlays.render(overlay);
        List<String> problems = new ArrayList<>();
        int listeners = 0;
        for (JsonNode k : m.kind("Kafka")) {
            for (JsonNode l : k.path("spec").path("kafka").path("listeners")) {
                listeners++;
                String auth = l.path("authentication").path("type").asText("");
                if (!List.of("tls", "scram-sha-512").contains(auth)) {
                    problems.add(Manifests.id(k) + " listener " + l.path("name").asText() + ": authentication is '"
                            + auth + "', expected tls or scram-sha-512");
                }
            }
            if (!"simple"
                    .equals(k.path("spec")
                            .path("kafka")
                            .path("authorization")
                            .path("type")
                            .asText())) {
                problems.add(Manifests.id(k) + ": spec.kafka.authorization.type is not simple (the users' ACLs"
                        + " would not apply)");
            }
        }
        Overlays.assertNone("Kafka listeners authenticate, ACLs apply", overlay, listeners, problems);
    }

    /**
     * A KafkaUser per service, with ACLs for only its own topics and its own consumer group: Write on what it
     * produces (its events and the dead-letter topics of its group), Read on what its group consumes.
     */
    @ParameterizedTest(name = "{0}")
    @FieldSource("OVERLAYS")
    void aKafkaUserPerServiceWithOnlyItsOwnAcls(String overlay) {
        Manifests m = Overlays.render(overlay);
        List<String> problems = new ArrayList<>();
        String cluster = kafkaName(m, problems);
        Map<String, Set<String>> deadLetters = Contract.deadLettersByGroup();
        for (String service : Contract.KAFKA_CLIENTS) {
            JsonNode user = m.named("KafkaUser", service).orElse(null);
            if (user == null) {
                problems.add("KafkaUser/" + service + " is missing");
                continue;
            }
            String id = Manifests.id(user);
            if (!user.path("metadata")
                    .path("labels")
                    .path("strimzi.io/cluster")
                    .asText("")
                    .equals(cluster)) {
                problems.add(id + ": label strimzi.io/cluster is not '" + cluster + "'");
            }
            if (!List.of("tls", "scram-sha-512")
                    .contains(user.path("spec")
                            .path("authentication")
                            .path("type")
                            .asText(""))) {
                problems.add(id + ": spec.authentication.type is not tls or scram-sha-512");
            }
            Set<String> writes = new HashSet<>(Contract.PRODUCES.getOrDefault(service, Set.of()));
            writes.addAll(deadLetters.getOrDefault(service, Set.of()));
            Set<String> reads = Contract.CONSUMES.getOrDefault(service, Set.of());
            Set<String> written = new HashSet<>();
            Set<String> read = new HashSet<>();
            boolean idempotent = false;
            for (JsonNode acl : user.path("spec").path("authorization").path("acls")) {
                JsonNode resource = acl.path("resource");
                String type = resource.path("type").asText();
                String name = resource.path("name").asText("");
                String pattern = resource.path("patternType").asText("literal");
                Set<String> ops = new HashSet<>();
                acl.path("operations").forEach(o -> ops.add(o.asText()));
                if (acl.has("operation")) {
                    ops.add(acl.path("operation").asText());
                }
                if ("deny".equalsIgnoreCase(acl.path("type").asText("allow"))) {
                    continue;
                }
                if (!"literal".equals(pattern) || "*".equals(name)) {
                    problems.add(id + ": ACL on " + type + " '" + name + "' uses pattern " + pattern
                            + "; name each topic and group literally");
                    continue;
                }
                if (ops.contains("All")) {
                    problems.add(id + ": ACL grants All on " + type + " " + name);
                }
                switch (type) {
                    case "topic" -> {
                        for (String op : ops) {
                            switch (op) {
                                case "Write" -> {
                                    written.add(name);
                                    if (!writes.contains(name)) {
                                        problems.add(id + ": may write to " + name + ", which it does not produce");
                                    }
                                }
                                case "Read" -> {
                                    read.add(name);
                                    if (!reads.contains(name)) {
                                        problems.add(id + ": may read " + name + ", which its group does not consume");
                                    }
                                }
                                case "Describe", "DescribeConfigs" -> {
                                    if (!writes.contains(name) && !reads.contains(name)) {
                                        problems.add(id + ": may describe " + name + ", a topic it does not use");
                                    }
                                }
                                default ->
                                    problems.add(id + ": topic operation " + op + " on " + name
                                            + " is more than a producer or consumer needs");
                            }
                        }
                    }
                    case "group" -> {
                        if (!service.equals(name)) {
                            problems.add(id + ": ACL on consumer group '" + name + "', its group is '" + service + "'");
                        }
                    }
                    case "cluster" -> {
                        idempotent |= ops.contains("IdempotentWrite");
                        ops.stream()
                                .filter(op -> !op.equals("IdempotentWrite"))
                                .forEach(op -> problems.add(id + ": cluster operation " + op + " is not needed"));
                    }
                    default -> problems.add(id + ": ACL on resource type " + type + " is not needed");
                }
            }
            for (String topic : writes) {
                if (!written.contains(topic)) {
                    problems.add(id + ": no Write on " + topic + ", which it produces");
                }
            }
            for (String topic : reads) {
                if (!read.contains(topic)) {
                    problems.add(id + ": no Read on " + topic + ", which its group consumes");
                }
            }
            if (Contract.PRODUCES.containsKey(service) && !idempotent) {
                problems.add(id + ": no IdempotentWrite on the cluster (its producer is idempotent)");
            }
        }
        Overlays.assertNone(
                "KafkaUser per service, own topics and group only", overlay, Contract.KAFKA_CLIENTS.size(), problems);
    }

    static String topicName(JsonNode topic) {
        return topic.path("spec").path("topicName").asText(Manifests.name(topic));
    }

    static String kafkaName(Manifests m, List<String> problems) {
        List<JsonNode> kafkas = m.kind("Kafka");
        if (kafkas.size() != 1) {
            problems.add(kafkas.size() + " Kafka objects, expected exactly one");
            return kafkas.isEmpty() ? null : Manifests.name(kafkas.get(0));
        }
        return Manifests.name(kafkas.get(0));
    }
}
