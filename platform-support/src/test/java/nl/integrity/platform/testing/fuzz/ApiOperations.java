package nl.integrity.platform.testing.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The operations a service's OpenAPI document describes: method, path, parameters, the body's media
 * type and schema (references resolved), and the roles its security requirement names.
 */
public final class ApiOperations {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> METHODS = List.of("get", "post", "put", "patch", "delete");

    /** One operation of the API. */
    public record Operation(
            String method,
            String path,
            List<Parameter> parameters,
            String mediaType,
            JsonNode bodySchema,
            List<String> roles) {

        public String key() {
            return method + " " + path;
        }

        public boolean hasBody() {
            return mediaType != null;
        }

        public boolean jsonBody() {
            return mediaType != null && mediaType.contains("json");
        }
    }

    /** A path or query parameter, with its schema. */
    public record Parameter(String name, String in, boolean required, JsonNode schema) {}

    private final JsonNode document;

    private ApiOperations(JsonNode document) {
        this.document = document;
    }

    /** Reads the document the service serves at {@code /q/openapi}. */
    public static List<Operation> of(URI service) {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(service.resolve("/q/openapi?format=json"))
                                    .GET()
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("no OpenAPI document at " + service + ": " + response.statusCode());
            }
            return new ApiOperations(JSON.readTree(response.body())).operations();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private List<Operation> operations() {
        List<Operation> operations = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths =
                        document.path("paths").fields();
                paths.hasNext(); ) {
            var path = paths.next();
            for (String method : METHODS) {
                JsonNode operation = path.getValue().get(method);
                if (operation == null) {
                    continue;
                }
                List<Parameter> parameters = new ArrayList<>();
                for (JsonNode p : operation.path("parameters")) {
                    JsonNode parameter = resolve(p);
                    parameters.add(new Parameter(
                            parameter.path("name").asText(),
                            parameter.path("in").asText(),
                            parameter.path("required").asBoolean(false),
                            resolve(parameter.path("schema"))));
                }
                String mediaType = null;
                JsonNode schema = null;
                var content =
                        resolve(operation.path("requestBody")).path("content").fields();
                if (content.hasNext()) {
                    var first = content.next();
                    mediaType = first.getKey();
                    schema = resolveDeep(first.getValue().path("schema"), 0);
                }
                List<String> roles = new ArrayList<>();
                for (JsonNode requirement : operation.path("security")) {
                    requirement
                            .fields()
                            .forEachRemaining(scheme -> scheme.getValue().forEach(role -> roles.add(role.asText())));
                }
                operations.add(new Operation(
                        method.toUpperCase(),
                        path.getKey(),
                        List.copyOf(parameters),
                        mediaType,
                        schema,
                        List.copyOf(roles)));
            }
        }
        return operations;
    }

    private JsonNode resolve(JsonNode node) {
        if (node != null && node.has("$ref")) {
            String ref = node.get("$ref").asText();
            JsonNode target = document;
            for (String segment : ref.substring(2).split("/")) {
                target = target.path(segment);
            }
            return target;
        }
        return node;
    }

    /** The schema with every reference replaced by what it names ({@code allOf} of one merged in). */
    private JsonNode resolveDeep(JsonNode node, int depth) {
        if (node == null || node.isMissingNode() || depth > 12) {
            return JsonNodeFactory.instance.objectNode();
        }
        JsonNode resolved = resolve(node);
        if (resolved.has("allOf") && resolved.get("allOf").size() == 1) {
            ObjectNode merged = ((ObjectNode) resolveDeep(resolved.get("allOf").get(0), depth + 1)).deepCopy();
            resolved.fields().forEachRemaining(f -> {
                if (!f.getKey().equals("allOf")) {
                    merged.set(f.getKey(), f.getValue());
                }
            });
            resolved = merged;
        }
        if (!resolved.isObject()) {
            return resolved;
        }
        ObjectNode copy = ((ObjectNode) resolved).deepCopy();
        if (copy.has("properties")) {
            ObjectNode properties = JsonNodeFactory.instance.objectNode();
            copy.get("properties")
                    .fields()
                    .forEachRemaining(f -> properties.set(f.getKey(), resolveDeep(f.getValue(), depth + 1)));
            copy.set("properties", properties);
        }
        if (copy.has("items")) {
            copy.set("items", resolveDeep(copy.get("items"), depth + 1));
        }
        if (copy.has("additionalProperties") && copy.get("additionalProperties").isObject()) {
            copy.set("additionalProperties", resolveDeep(copy.get("additionalProperties"), depth + 1));
        }
        return copy;
    }
}
