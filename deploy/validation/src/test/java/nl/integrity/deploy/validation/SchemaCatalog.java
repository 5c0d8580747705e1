package nl.integrity.deploy.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The JSON schemas of every kind the manifests may use, from the vendored files under {@code schemas/} (see its
 * README for where each comes from):
 *
 * <ul>
 *   <li>Kubernetes' built-in kinds: the strict definitions (every object closed with {@code additionalProperties:
 *       false}) generated from Kubernetes' OpenAPI, looked up by their {@code x-kubernetes-group-version-kind}.
 *   <li>Custom resources: the {@code openAPIV3Schema} of the operator's released CRD, one file per
 *       {@code <group>_<version>_<Kind>.json}. A CRD schema leaves objects open where it says nothing, as the API
 *       server prunes unknown fields silently; a pruned field is a setting that never takes effect, so the
 *       schema is made strict when it is loaded: see {@link #strict}.
 * </ul>
 *
 * Validation uses JSON Schema draft 4, the dialect OpenAPI 2/3.0 schemas (and so CRD schemas) are written in.
 */
final class SchemaCatalog {

    static final String K8S_DEFINITIONS = "schemas/kubernetes-v1.32.2/_definitions.json";
    static final String CRDS = "schemas/crds";
    static final String OBJECT_META = "io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static volatile SchemaCatalog instance;

    private final SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4);
    private final ObjectNode k8sDefinitions;
    private final Map<String, String> builtInKinds = new HashMap<>();
    private final Map<String, Path> customKinds = new HashMap<>();
    private final Map<String, Schema> compiled = new ConcurrentHashMap<>();

    static SchemaCatalog get() {
        if (instance == null) {
            synchronized (SchemaCatalog.class) {
                if (instance == null) {
                    instance = new SchemaCatalog();
                }
            }
        }
        return instance;
    }

    private SchemaCatalog() {
        k8sDefinitions = (ObjectNode) readResource(K8S_DEFINITIONS).path("definitions");
        k8sDefinitions.fields().forEachRemaining(e -> {
            for (JsonNode gvk : e.getValue().path("x-kubernetes-group-version-kind")) {
                String group = gvk.path("group").asText();
                String apiVersion = (group.isEmpty() ? "" : group + "/")
                        + gvk.path("version").asText();
                builtInKinds.putIfAbsent(key(apiVersion, gvk.path("kind").asText()), e.getKey());
            }
        });
        try (Stream<Path> files = Files.list(resourceDirectory(CRDS))) {
            files.filter(f -> f.getFileName().toString().endsWith(".json")).forEach(f -> {
                String[] parts =
                        f.getFileName().toString().replaceFirst("\\.json$", "").split("_");
                if (parts.length != 3) {
                    throw new IllegalStateException("CRD schema file not named <group>_<version>_<Kind>.json: " + f);
                }
                customKinds.put(key(parts[0] + "/" + parts[1], parts[2]), f);
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String key(String apiVersion, String kind) {
        return apiVersion + " " + kind;
    }

    boolean knows(String apiVersion, String kind) {
        String key = key(apiVersion, kind);
        return builtInKinds.containsKey(key) || customKinds.containsKey(key);
    }

    int builtInKindCount() {
        return builtInKinds.size();
    }

    int customKindCount() {
        return customKinds.size();
    }

    /**
     * The schema problems of one object: unknown fields, wrong types, missing required fields, values outside an
     * enum; a kind without a schema is a problem too, never a pass.
     */
    List<String> validate(JsonNode object) {
        String apiVersion = object.path("apiVersion").asText("");
        String kind = object.path("kind").asText("");
        if (apiVersion.isEmpty() || kind.isEmpty()) {
            return List.of("no apiVersion or kind");
        }
        Optional<Schema> schema = schemaFor(apiVersion, kind);
        if (schema.isEmpty()) {
            return List.of("no schema for apiVersion " + apiVersion + ", kind " + kind
                    + ": vendor its CRD (or the Kubernetes definition) under deploy/validation/src/test/resources/"
                    + "schemas (see the README there)");
        }
        List<String> problems = new ArrayList<>();
        for (Error error : schema.get().validate(object)) {
            problems.add(error.toString());
        }
        return problems;
    }

    Optional<Schema> schemaFor(String apiVersion, String kind) {
        String key = key(apiVersion, kind);
        if (!knows(apiVersion, kind)) {
            return Optional.empty();
        }
        return Optional.of(compiled.computeIfAbsent(key, k -> registry.getSchema(schemaNode(apiVersion, kind))));
    }

    /** The schema document for a kind, after the strict transform for custom resources. */
    ObjectNode schemaNode(String apiVersion, String kind) {
        String key = key(apiVersion, kind);
        String builtIn = builtInKinds.get(key);
        if (builtIn != null) {
            ObjectNode root = NODES.objectNode();
            root.put("$ref", "#/definitions/" + builtIn);
            root.set("definitions", k8sDefinitions);
            return root;
        }
        Path file = customKinds.get(key);
        ObjectNode root;
        try {
            root = (ObjectNode) JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        strict(root, true);
        // apiVersion and kind must be exactly these; metadata is a Kubernetes ObjectMeta, checked as strictly
        // as the built-in kinds' (a CRD's schema says only 'type: object' there).
        ObjectNode properties = root.with("properties");
        properties.set(
                "apiVersion",
                NODES.objectNode()
                        .put("type", "string")
                        .set("enum", NODES.arrayNode().add(apiVersion)));
        properties.set(
                "kind",
                NODES.objectNode()
                        .put("type", "string")
                        .set("enum", NODES.arrayNode().add(kind)));
        properties.set("metadata", NODES.objectNode().put("$ref", "#/definitions/" + OBJECT_META));
        ArrayNode required = root.withArray("required");
        for (String field : List.of("apiVersion", "kind", "metadata")) {
            if (!contains(required, field)) {
                required.add(field);
            }
        }
        root.put("additionalProperties", false);
        root.set("definitions", closure(OBJECT_META));
        return root;
    }

    /**
     * Makes a CRD's OpenAPI v3 schema strict, in place:
     *
     * <ul>
     *   <li>every object schema that lists {@code properties} and says nothing of {@code additionalProperties}
     *       and is not {@code x-kubernetes-preserve-unknown-fields: true} gets {@code additionalProperties: false},
     *       so a misspelled or unknown field fails instead of being pruned by the API server. Objects that keep
     *       unknown fields on purpose (e.g. Strimzi's {@code config} maps) stay open;
     *   <li>an {@code x-kubernetes-embedded-resource} object may also carry apiVersion, kind and metadata;
     *   <li>{@code nullable: true} (OpenAPI 3.0) becomes a type list with "null" (draft 4 has no nullable).
     * </ul>
     *
     * Branches of allOf/anyOf/oneOf/not are not closed: in a structural schema they restate constraints on
     * properties declared beside them, and closing such a partial branch would reject valid objects.
     */
    static void strict(JsonNode schemaNode, boolean close) {
        if (!(schemaNode instanceof ObjectNode schema)) {
            return;
        }
        if (schema.path("nullable").asBoolean(false) && schema.path("type").isTextual()) {
            schema.set(
                    "type", NODES.arrayNode().add(schema.path("type").asText()).add("null"));
            if (schema.path("enum").isArray() && !contains((ArrayNode) schema.path("enum"), null)) {
                ((ArrayNode) schema.path("enum")).addNull();
            }
        }
        boolean preserves = schema.path("x-kubernetes-preserve-unknown-fields").asBoolean(false);
        if (close && schema.has("properties") && !schema.has("additionalProperties") && !preserves) {
            if (schema.path("x-kubernetes-embedded-resource").asBoolean(false)) {
                ObjectNode props = schema.with("properties");
                for (String f : List.of("apiVersion", "kind", "metadata")) {
                    if (!props.has(f)) {
                        props.set(f, NODES.objectNode());
                    }
                }
            }
            schema.put("additionalProperties", false);
        }
        schema.path("properties").forEach(p -> strict(p, close));
        schema.path("patternProperties").forEach(p -> strict(p, close));
        JsonNode items = schema.path("items");
        if (items.isArray()) {
            items.forEach(i -> strict(i, close));
        } else {
            strict(items, close);
        }
        strict(schema.path("additionalProperties"), close);
        for (String combinator : List.of("allOf", "anyOf", "oneOf")) {
            schema.path(combinator).forEach(branch -> strict(branch, false));
        }
        strict(schema.path("not"), false);
    }

    private ObjectNode closure(String root) {
        ObjectNode out = NODES.objectNode();
        List<String> todo = new ArrayList<>(List.of(root));
        Set<String> seen = new HashSet<>();
        while (!todo.isEmpty()) {
            String name = todo.remove(todo.size() - 1);
            if (!seen.add(name)) {
                continue;
            }
            JsonNode def = k8sDefinitions.get(name);
            if (def == null) {
                throw new IllegalStateException("definition " + name + " missing from " + K8S_DEFINITIONS);
            }
            out.set(name, def);
            def.findValues("$ref").forEach(ref -> todo.add(ref.asText().replaceFirst("^#/definitions/", "")));
        }
        return out;
    }

    private static boolean contains(ArrayNode array, String value) {
        for (JsonNode n : array) {
            if (value == null ? n.isNull() : value.equals(n.asText(null))) {
                return true;
            }
        }
        return false;
    }

    private static JsonNode readResource(String name) {
        try (InputStream in = SchemaCatalog.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + name);
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path resourceDirectory(String name) {
        URL url = SchemaCatalog.class.getClassLoader().getResource(name);
        if (url == null) {
            throw new IllegalStateException("missing test resource directory " + name);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
