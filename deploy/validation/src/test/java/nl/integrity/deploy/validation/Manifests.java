package nl.integrity.deploy.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiConsumer;

/** The objects one overlay renders to, with the few look-ups the checks share. */
record Manifests(String overlay, List<JsonNode> objects) {

    static final YAMLMapper YAML = new YAMLMapper();

    static final Set<String> WORKLOADS = Set.of("Deployment", "StatefulSet", "DaemonSet", "Job", "CronJob");

    static Manifests parse(String overlay, String multiDocumentYaml) {
        List<JsonNode> objects = new ArrayList<>();
        try (MappingIterator<JsonNode> docs = YAML.readerFor(JsonNode.class).readValues(multiDocumentYaml)) {
            while (docs.hasNext()) {
                JsonNode doc = docs.next();
                if (doc != null && !doc.isNull() && !doc.isMissingNode() && !doc.isEmpty()) {
                    objects.add(doc);
                }
            }
        } catch (IOException e) {
            throw new AssertionError(
                    "the output of kubectl kustomize " + overlay + " is not YAML: " + e.getMessage(), e);
        }
        return new Manifests(overlay, List.copyOf(objects));
    }

    List<JsonNode> kind(String kind) {
        return objects.stream()
                .filter(o -> kind.equals(o.path("kind").asText()))
                .toList();
    }

    List<JsonNode> workloads() {
        return objects.stream()
                .filter(o -> WORKLOADS.contains(o.path("kind").asText()))
                .toList();
    }

    Optional<JsonNode> named(String kind, String name) {
        return kind(kind).stream().filter(o -> name.equals(name(o))).findFirst();
    }

    /** Objects per kind, for the report. */
    TreeMap<String, Integer> countByKind() {
        TreeMap<String, Integer> counts = new TreeMap<>();
        objects.forEach(o -> counts.merge(o.path("kind").asText(), 1, Integer::sum));
        return counts;
    }

    static String name(JsonNode o) {
        return o.path("metadata").path("name").asText();
    }

    /** Kind/name as in kubectl's messages, with the namespace where one is set. */
    static String id(JsonNode o) {
        String ns = o.path("metadata").path("namespace").asText("");
        return o.path("kind").asText("?") + "/" + (ns.isEmpty() ? "" : ns + "/") + name(o);
    }

    /** The pod template's spec of a workload, or a missing node. */
    static JsonNode podSpec(JsonNode workload) {
        JsonNode spec = workload.path("spec");
        if ("CronJob".equals(workload.path("kind").asText())) {
            spec = spec.path("jobTemplate").path("spec");
        }
        return spec.path("template").path("spec");
    }

    static JsonNode podLabels(JsonNode workload) {
        JsonNode spec = workload.path("spec");
        if ("CronJob".equals(workload.path("kind").asText())) {
            spec = spec.path("jobTemplate").path("spec");
        }
        return spec.path("template").path("metadata").path("labels");
    }

    /** Every container of a pod spec with its field path: containers and initContainers. */
    static void eachContainer(JsonNode podSpec, BiConsumer<String, JsonNode> action) {
        for (String field : List.of("initContainers", "containers")) {
            JsonNode list = podSpec.path(field);
            for (int i = 0; i < list.size(); i++) {
                action.accept(field + "[" + list.get(i).path("name").asText(String.valueOf(i)) + "]", list.get(i));
            }
        }
    }

    /** A dotted path (no arrays): {@code at(o, "spec.kafka.config")}. */
    static JsonNode at(JsonNode node, String dottedPath) {
        JsonNode n = node;
        for (String part : dottedPath.split("\\.")) {
            n = n.path(part);
        }
        return n == null ? MissingNode.getInstance() : n;
    }

    /** Does a label selector's matchLabels (or a plain label map) select these labels? Empty selects nothing here. */
    static boolean selects(JsonNode selector, JsonNode labels) {
        JsonNode match = selector.has("matchLabels") ? selector.path("matchLabels") : selector;
        if (!match.isObject() || match.isEmpty() || selector.has("matchExpressions")) {
            return false;
        }
        var it = match.fields();
        while (it.hasNext()) {
            var e = it.next();
            if (!e.getValue().asText().equals(labels.path(e.getKey()).asText(null))) {
                return false;
            }
        }
        return true;
    }
}
