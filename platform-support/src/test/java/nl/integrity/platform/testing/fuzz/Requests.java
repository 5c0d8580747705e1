package nl.integrity.platform.testing.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Tuple;
import nl.integrity.platform.testing.fuzz.ApiOperations.Operation;
import nl.integrity.platform.testing.fuzz.ApiOperations.Parameter;
import nl.integrity.platform.testing.fuzz.FuzzRequest.Kind;

/**
 * The requests of a fuzz run, as jqwik arbitraries: for an operation and a role it serves, a request
 * valid in every part (the fixture's bodies and path values, or values made from the schema) but one,
 * which is mutated: a body field, the body as a whole, or a parameter.
 */
final class Requests {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String MARKER = "@@fuzz-mutation@@";

    private Requests() {}

    record Case(Operation operation, String role) {}

    /** A mutated value: its kind and its raw JSON text (anything, even not JSON at all). */
    record Hostile(Kind kind, String json) {}

    /** A place in a JSON body: the path to it and the schema of what belongs there. */
    record Site(List<Object> path, JsonNode schema, boolean required) {

        String name() {
            StringBuilder name = new StringBuilder();
            for (Object segment : path) {
                if (segment instanceof Integer index) {
                    name.append('[').append(index).append(']');
                } else {
                    name.append(name.isEmpty() ? "" : ".").append(segment);
                }
            }
            return name.toString();
        }
    }

    static List<Case> cases(FuzzTarget target) {
        List<Case> cases = new ArrayList<>();
        for (Operation operation : target.operations()) {
            for (String role : operation.roles()) {
                if (target.hasCaller(role)) {
                    cases.add(new Case(operation, role));
                }
            }
        }
        return cases;
    }

    static Arbitrary<FuzzRequest> of(FuzzTarget target) {
        return Arbitraries.of(cases(target)).flatMap(c -> forCase(target, c));
    }

    private static Arbitrary<FuzzRequest> forCase(FuzzTarget target, Case c) {
        Operation op = c.operation();
        Map<String, String> pathValues = new java.util.LinkedHashMap<>();
        List<Map.Entry<String, String>> query = new ArrayList<>();
        for (Parameter p : op.parameters()) {
            if (p.in().equals("path")) {
                pathValues.put(p.name(), target.pathValue(op, p.name()).orElseGet(() -> validText(p.schema())));
            } else if (p.in().equals("query")) {
                var given = target.queryValue(p.name());
                if (given.isPresent()) {
                    query.add(Map.entry(p.name(), given.get()));
                } else if (p.required()) {
                    query.add(Map.entry(p.name(), validText(p.schema())));
                }
            }
        }
        String body = op.hasBody()
                ? target.body(op)
                        .orElseGet(
                                () -> op.jsonBody() ? validJson(op.bodySchema()).toString() : "")
                : null;
        String contentType = op.hasBody() ? op.mediaType() : null;

        List<Tuple.Tuple2<Integer, Arbitrary<FuzzRequest>>> choices = new ArrayList<>();
        choices.add(Tuple.of(1, Arbitraries.just(request(c, pathValues, query, contentType, body, Kind.VALID, null))));
        if (op.jsonBody()) {
            JsonNode base = parse(body);
            List<Site> sites = sites(base, op.bodySchema());
            if (!sites.isEmpty()) {
                choices.add(Tuple.of(
                        12,
                        Arbitraries.of(sites)
                                .flatMap(site -> hostile(site.schema())
                                        .map(h -> request(
                                                c,
                                                pathValues,
                                                query,
                                                contentType,
                                                with(base, site.path(), h.json()),
                                                h.kind(),
                                                site.name())))));
                List<Site> required = sites.stream().filter(Site::required).toList();
                if (!required.isEmpty()) {
                    choices.add(Tuple.of(
                            1,
                            Arbitraries.of(required)
                                    .map(site -> request(
                                            c,
                                            pathValues,
                                            query,
                                            contentType,
                                            without(base, site.path()),
                                            Kind.MISSING,
                                            site.name()))));
                }
                List<Site> duplicable = sites.stream()
                        .filter(s -> s.path().get(s.path().size() - 1) instanceof String)
                        .filter(s -> present(base, s.path()))
                        .toList();
                if (!duplicable.isEmpty()) {
                    choices.add(Tuple.of(
                            1,
                            Arbitraries.of(duplicable)
                                    .flatMap(site -> hostile(site.schema())
                                            .map(h -> request(
                                                    c,
                                                    pathValues,
                                                    query,
                                                    contentType,
                                                    duplicated(base, site.path(), h.json()),
                                                    Kind.DUPLICATE_KEY,
                                                    site.name())))));
                }
            }
            choices.add(Tuple.of(
                    1,
                    Arbitraries.of("unexpected", "id", "organisation", "@type", "__proto__", "class")
                            .map(name -> request(
                                    c,
                                    pathValues,
                                    query,
                                    contentType,
                                    withExtra(base, name),
                                    Kind.UNKNOWN_FIELD,
                                    null))));
            choices.add(Tuple.of(
                    3,
                    wholeJsonBody(body)
                            .map(b -> request(c, pathValues, query, b.getKey(), b.getValue(), Kind.BODY, null))));
        } else if (op.hasBody()) {
            choices.add(Tuple.of(
                    8, textBody(body).map(b -> request(c, pathValues, query, contentType, b, Kind.BODY, null))));
        }
        for (Parameter p : op.parameters()) {
            if (!p.in().equals("path") && !p.in().equals("query")) {
                continue;
            }
            choices.add(Tuple.of(3, hostileParameter(p).map(value -> {
                Map<String, String> path = new java.util.LinkedHashMap<>(pathValues);
                List<Map.Entry<String, String>> q = new ArrayList<>(query);
                if (p.in().equals("path")) {
                    path.put(p.name(), value);
                } else {
                    q.removeIf(e -> e.getKey().equals(p.name()));
                    q.add(Map.entry(p.name(), value));
                }
                return request(c, path, q, contentType, body, Kind.PARAMETER, p.name());
            })));
        }
        return Arbitraries.frequencyOf(choices);
    }

    private static FuzzRequest request(
            Case c,
            Map<String, String> pathValues,
            List<Map.Entry<String, String>> query,
            String contentType,
            String body,
            Kind kind,
            String target) {
        return request(
                c,
                pathValues,
                query,
                contentType,
                body == null ? null : body.getBytes(StandardCharsets.UTF_8),
                kind,
                target);
    }

    private static FuzzRequest request(
            Case c,
            Map<String, String> pathValues,
            List<Map.Entry<String, String>> query,
            String contentType,
            byte[] body,
            Kind kind,
            String target) {
        String path = c.operation().path();
        for (var value : pathValues.entrySet()) {
            path = path.replace("{" + value.getKey() + "}", encode(value.getValue()));
        }
        return new FuzzRequest(c.operation(), c.role(), path, List.copyOf(query), contentType, body, kind, target);
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    // ------------------------------------------------------------------ hostile values for one field

    /** Values that do not belong in a field of this schema, or lie on its edges. */
    static Arbitrary<Hostile> hostile(JsonNode schema) {
        String type = typeOf(schema);
        List<Tuple.Tuple2<Integer, Arbitrary<Hostile>>> choices = new ArrayList<>();
        choices.add(Tuple.of(2, wrongType(type)));
        choices.add(Tuple.of(1, Arbitraries.of(new Hostile(Kind.EMPTY, "null"))));
        choices.add(Tuple.of(1, deepNesting()));
        switch (type) {
            case "string" -> {
                if (schema.has("enum")) {
                    choices.add(Tuple.of(4, unknownEnum(schema)));
                } else if (schema.path("format").asText().equals("date")) {
                    choices.add(Tuple.of(4, dates()));
                } else if (schema.path("format").asText().equals("date-time")) {
                    choices.add(Tuple.of(
                            2,
                            Arbitraries.of(
                                            "2026-13-01T00:00:00Z",
                                            "2026-01-01T25:00:00Z",
                                            "0000-01-01T00:00:00Z",
                                            "+999999999-12-31T23:59:59Z",
                                            "2026-01-01",
                                            "yesterday")
                                    .map(v -> new Hostile(Kind.BOUNDARY, quote(v)))));
                } else if (schema.path("format").asText().equals("uuid")) {
                    choices.add(Tuple.of(
                            2,
                            Arbitraries.of(
                                            "not-a-uuid",
                                            "00000000-0000-0000-0000-00000000000g",
                                            "00000000000000000000000000000000",
                                            UUID.randomUUID() + "0",
                                            "")
                                    .map(v -> new Hostile(Kind.BOUNDARY, quote(v)))));
                } else {
                    choices.add(Tuple.of(4, controlText().map(s -> new Hostile(Kind.CONTROL_CHARACTERS, quote(s)))));
                    choices.add(Tuple.of(2, hugeText(schema)));
                    choices.add(Tuple.of(
                            2,
                            Arbitraries.of("", " ", "\t\n", "\u00a0", "\u200b")
                                    .map(v -> new Hostile(Kind.EMPTY, quote(v)))));
                    choices.add(Tuple.of(2, lengthBoundaries(schema)));
                    choices.add(Tuple.of(
                            1,
                            Arbitraries.of(
                                            "Zoë Çelik-Ørsted",
                                            "ישראלי",
                                            "中文名字",
                                            "😀 emoji",
                                            "O'Brien; DROP TABLE x;--",
                                            "<script>alert(1)</script>",
                                            "${jndi:ldap://127.0.0.1/a}",
                                            "%s%n%x",
                                            "../../etc/passwd")
                                    .map(v -> new Hostile(Kind.BOUNDARY, quote(v)))));
                }
            }
            case "integer", "number" -> choices.add(Tuple.of(4, numberBoundaries(schema)));
            case "boolean" ->
                choices.add(Tuple.of(
                        3,
                        Arbitraries.of("1", "0", "\"true\"", "\"false\"", "\"yes\"", "\"\"")
                                .map(v -> new Hostile(Kind.WRONG_TYPE, v))));
            case "array" -> {
                choices.add(
                        Tuple.of(2, Arbitraries.of(new Hostile(Kind.EMPTY, "[]"), new Hostile(Kind.EMPTY, "[null]"))));
                choices.add(Tuple.of(
                        2,
                        Arbitraries.of(1_000, 20_000)
                                .map(n -> new Hostile(
                                        Kind.HUGE,
                                        "["
                                                + String.join(
                                                        ",",
                                                        java.util.Collections.nCopies(
                                                                n,
                                                                validJson(schema.path("items"))
                                                                        .toString()))
                                                + "]"))));
                choices.add(Tuple.of(
                        2, hostile(schema.path("items")).map(h -> new Hostile(h.kind(), "[" + h.json() + "]"))));
            }
            case "object" ->
                choices.add(Tuple.of(
                        2,
                        Arbitraries.of(
                                new Hostile(Kind.EMPTY, "{}"),
                                new Hostile(Kind.UNKNOWN_FIELD, "{\"unexpected\":true}"))));
            default -> {}
        }
        return Arbitraries.frequencyOf(choices);
    }

    private static Arbitrary<Hostile> wrongType(String type) {
        List<String> values = new ArrayList<>(List.of("\"8\"", "8", "1.5", "true", "{}", "[]", "{\"a\":1}", "[1,2]"));
        switch (type) {
            case "string" -> values.removeIf(v -> v.startsWith("\""));
            case "integer" -> values.removeIf(v -> v.equals("8"));
            case "number" -> values.removeIf(v -> v.equals("8") || v.equals("1.5"));
            case "boolean" -> values.removeIf(v -> v.equals("true"));
            case "array" -> values.removeIf(v -> v.startsWith("["));
            case "object" -> values.removeIf(v -> v.startsWith("{"));
            default -> {}
        }
        return Arbitraries.of(values).map(v -> new Hostile(Kind.WRONG_TYPE, v));
    }

    private static Arbitrary<Hostile> deepNesting() {
        return Arbitraries.of(1_100, 5_000, 50_000)
                .flatMap(depth -> Arbitraries.of(
                        new Hostile(Kind.DEEP_NESTING, "[".repeat(depth) + "]".repeat(depth)),
                        new Hostile(Kind.DEEP_NESTING, "{\"a\":".repeat(depth) + "1" + "}".repeat(depth))));
    }

    private static Arbitrary<Hostile> unknownEnum(JsonNode schema) {
        String first = schema.get("enum").get(0).asText();
        return Arbitraries.of("NOT_A_VALUE", first.toLowerCase(), " " + first, first + " ", "", "0", first + "\u0000")
                .map(v -> new Hostile(Kind.UNKNOWN_ENUM, quote(v)));
    }

    private static Arbitrary<Hostile> dates() {
        return Arbitraries.of(
                        "0001-01-01",
                        "1899-12-31",
                        "1900-01-01",
                        "2199-12-31",
                        "2200-01-01",
                        "9999-12-31",
                        "+10000-01-01",
                        "-0001-01-01",
                        "2026-02-30",
                        "2026-13-01",
                        "2026-1-1",
                        "30-01-2026",
                        "2026-01-01T00:00:00",
                        "",
                        "today")
                .map(v -> new Hostile(Kind.BOUNDARY, quote(v)));
    }

    /** Text with control characters, broken surrogates or non-characters among ordinary letters. */
    static Arbitrary<String> controlText() {
        Arbitrary<String> bad = Arbitraries.strings()
                .withCharRange('\u0000', '\u001f')
                .withChars('\u007f', '\u0080', '\u0085', '\u009f', '\ud800', '\udfff', '\ufffe', '\uffff')
                .ofMinLength(1)
                .ofMaxLength(4);
        return net.jqwik.api.Combinators.combine(
                        Arbitraries.strings().alpha().ofMaxLength(8),
                        bad,
                        Arbitraries.strings().alpha().ofMaxLength(8))
                .as((a, b, c) -> a + b + c);
    }

    private static Arbitrary<Hostile> hugeText(JsonNode schema) {
        int max = schema.path("maxLength").asInt(255);
        return Arbitraries.of(Math.max(max * 10, 5_000), 200_000, 2_000_000)
                .map(n -> new Hostile(Kind.HUGE, quote("x".repeat(n))));
    }

    private static Arbitrary<Hostile> lengthBoundaries(JsonNode schema) {
        List<Integer> lengths = new ArrayList<>();
        if (schema.has("maxLength")) {
            lengths.add(schema.get("maxLength").asInt());
            lengths.add(schema.get("maxLength").asInt() + 1);
        }
        if (schema.has("minLength") && schema.get("minLength").asInt() > 0) {
            lengths.add(schema.get("minLength").asInt() - 1);
        }
        lengths.add(1);
        // Characters outside the basic plane count twice in Java's lengths, once for the caller.
        return Arbitraries.of(lengths)
                .flatMap(n -> Arbitraries.of(
                        new Hostile(Kind.BOUNDARY, quote("a".repeat(n))),
                        new Hostile(Kind.BOUNDARY, quote("😀".repeat(Math.max(1, n / 2 + 1))))));
    }

    private static Arbitrary<Hostile> numberBoundaries(JsonNode schema) {
        List<String> values = new ArrayList<>(List.of(
                "0",
                "-1",
                "2147483647",
                "2147483648",
                "-2147483649",
                "9223372036854775808",
                "1e400",
                "-0",
                "1E2",
                "0.0000001",
                "NaN",
                "Infinity",
                "0x10",
                "01",
                "1.0"));
        if (schema.has("minimum")) {
            long min = schema.get("minimum").asLong();
            values.add(Long.toString(min));
            values.add(Long.toString(min - 1));
        }
        if (schema.has("maximum")) {
            long max = schema.get("maximum").asLong();
            values.add(Long.toString(max));
            values.add(Long.toString(max + 1));
        }
        return Arbitraries.of(values).map(v -> new Hostile(Kind.BOUNDARY, v));
    }

    // ------------------------------------------------------------------ hostile parameters

    private static Arbitrary<String> hostileParameter(Parameter p) {
        JsonNode schema = p.schema();
        String type = typeOf(schema);
        List<String> values = new ArrayList<>(List.of(
                "",
                " ",
                "x".repeat(3_000),
                "..",
                "%",
                "a/b",
                "null",
                "-1",
                "1.5",
                "2147483648",
                "9223372036854775808",
                "true"));
        values.add(UUID.randomUUID().toString());
        if (schema.has("enum")) {
            String first = schema.get("enum").get(0).asText();
            values.addAll(List.of("NOT_A_VALUE", first.toLowerCase(), first + ",X"));
        }
        if (schema.path("format").asText().equals("date") || type.equals("string")) {
            values.addAll(List.of("2026-02-30", "0001-01-01", "9999-12-31", "+10000-01-01", "2026-1-1"));
        }
        if (schema.has("maximum")) {
            values.add(Long.toString(schema.get("maximum").asLong() + 1));
        }
        if (schema.has("minimum")) {
            values.add(Long.toString(schema.get("minimum").asLong() - 1));
        }
        return net.jqwik.api.Arbitraries.oneOf(Arbitraries.of(values), controlText());
    }

    // ------------------------------------------------------------------ whole bodies

    private static Arbitrary<Map.Entry<String, byte[]>> wholeJsonBody(String base) {
        String json = "application/json";
        List<Map.Entry<String, byte[]>> bodies = new ArrayList<>();
        for (String text : List.of(
                "",
                " ",
                "null",
                "[]",
                "\"text\"",
                "42",
                "true",
                "{",
                "}",
                "{}}",
                "{\"a\":}",
                "{'a':1}",
                "<declaration/>",
                base + base,
                base + "garbage",
                base.substring(0, base.length() / 2),
                "\ufeff" + base,
                "[" + base + "]",
                "{\"a\":".repeat(3_000) + "1" + "}".repeat(3_000))) {
            bodies.add(Map.entry(json, text.getBytes(StandardCharsets.UTF_8)));
        }
        bodies.add(Map.entry(json, new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xc3, (byte) 0x28, '"', '}'}));
        bodies.add(Map.entry(json, new byte[] {(byte) 0xff, (byte) 0xfe, 0, 0}));
        bodies.add(Map.entry("text/plain", base.getBytes(StandardCharsets.UTF_8)));
        bodies.add(Map.entry("application/xml", "<a/>".getBytes(StandardCharsets.UTF_8)));
        bodies.add(Map.entry("application/json; charset=latin1", base.getBytes(StandardCharsets.UTF_8)));
        return Arbitraries.oneOf(
                Arbitraries.of(bodies),
                Arbitraries.of(12_000_000)
                        .map(n -> Map.entry(
                                json, ("{\"a\":\"" + "x".repeat(n) + "\"}").getBytes(StandardCharsets.UTF_8))));
    }

    private static Arbitrary<byte[]> textBody(String base) {
        String header = base.isEmpty() ? "" : base.lines().findFirst().orElse("");
        String row = base.lines().skip(1).findFirst().orElse("");
        List<String> texts = new ArrayList<>(List.of(
                "",
                "\n",
                header,
                header + "\n",
                "a,b,c\n1,2,3\n",
                header + "\n" + row + ",extra,columns\n",
                header + "\n" + row.replaceFirst(",", ",\u0000"),
                header + "\n\"unclosed," + row + "\n",
                "\ufeff" + base,
                header + "\n" + "x".repeat(300_000) + "\n",
                header + "\n" + header + "\n" + row + "\n",
                header.toUpperCase() + "\n" + row + "\n"));
        return Arbitraries.oneOf(
                Arbitraries.of(texts).map(t -> t.getBytes(StandardCharsets.UTF_8)),
                controlText()
                        .map(t -> (header + "\n" + row.replaceFirst(",", "," + t) + "\n")
                                .getBytes(StandardCharsets.UTF_8)),
                Arbitraries.of(new byte[] {(byte) 0xc3, (byte) 0x28, ',', '\n'}, new byte[] {0, 1, 2, 3, (byte) 0xff}));
    }

    // ------------------------------------------------------------------ bodies from the schema

    static String typeOf(JsonNode schema) {
        if (schema.has("type")) {
            JsonNode type = schema.get("type");
            return type.isArray() ? type.get(0).asText() : type.asText();
        }
        if (schema.has("properties")) {
            return "object";
        }
        if (schema.has("enum")) {
            return "string";
        }
        return "";
    }

    /** A value the schema allows, as plainly as can be: the fixture gives the bodies that need more. */
    static JsonNode validJson(JsonNode schema) {
        var f = JsonNodeFactory.instance;
        switch (typeOf(schema)) {
            case "object" -> {
                ObjectNode object = f.objectNode();
                schema.path("properties")
                        .fields()
                        .forEachRemaining(p -> object.set(p.getKey(), validJson(p.getValue())));
                return object;
            }
            case "array" -> {
                ArrayNode array = f.arrayNode();
                if (schema.path("minItems").asInt(0) > 0 || schema.has("items")) {
                    array.add(validJson(schema.path("items")));
                }
                return array;
            }
            case "integer", "number" -> {
                long value = Math.max(schema.path("minimum").asLong(1), 1);
                if (schema.has("maximum")) {
                    value = Math.min(value, schema.get("maximum").asLong());
                }
                return f.numberNode(value);
            }
            case "boolean" -> {
                return f.booleanNode(false);
            }
            case "string" -> {
                return TextNode.valueOf(validText(schema));
            }
            default -> {
                return f.nullNode();
            }
        }
    }

    static String validText(JsonNode schema) {
        if (schema.has("enum")) {
            return schema.get("enum").get(0).asText();
        }
        String type = typeOf(schema);
        if (type.equals("integer") || type.equals("number")) {
            return validJson(schema).asText();
        }
        if (type.equals("boolean")) {
            return "false";
        }
        return switch (schema.path("format").asText()) {
            case "date" -> "2026-06-01";
            case "date-time" -> "2026-06-01T10:00:00Z";
            case "uuid" -> UUID.randomUUID().toString();
            case "email" -> "fuzz@example.nl";
            // This machine: a fuzzed service never looks up or calls a name elsewhere.
            case "uri", "url" -> "https://127.0.0.1:9/fuzz";
            default -> {
                int min = Math.max(1, schema.path("minLength").asInt(1));
                int max = schema.path("maxLength").asInt(40);
                String text = "Fuzz test value";
                yield text.length() > max
                        ? text.substring(0, max)
                        : text.length() < min ? text + "x".repeat(min - text.length()) : text;
            }
        };
    }

    // ------------------------------------------------------------------ editing a body

    /** Every field the schema declares, in the base body or not, down through objects and the first list item. */
    static List<Site> sites(JsonNode base, JsonNode schema) {
        List<Site> sites = new ArrayList<>();
        collect(base, schema, new ArrayList<>(), sites, 0);
        return sites;
    }

    private static void collect(JsonNode value, JsonNode schema, List<Object> path, List<Site> sites, int depth) {
        if (depth > 6) {
            return;
        }
        String type = typeOf(schema);
        if (type.equals("object")) {
            List<String> required = new ArrayList<>();
            schema.path("required").forEach(r -> required.add(r.asText()));
            for (Iterator<Map.Entry<String, JsonNode>> it =
                            schema.path("properties").fields();
                    it.hasNext(); ) {
                var property = it.next();
                List<Object> child = new ArrayList<>(path);
                child.add(property.getKey());
                sites.add(new Site(List.copyOf(child), property.getValue(), required.contains(property.getKey())));
                collect(
                        value == null ? null : value.get(property.getKey()),
                        property.getValue(),
                        child,
                        sites,
                        depth + 1);
            }
        } else if (type.equals("array") && value != null && value.isArray() && !value.isEmpty()) {
            List<Object> child = new ArrayList<>(path);
            child.add(0);
            sites.add(new Site(List.copyOf(child), schema.path("items"), false));
            collect(value.get(0), schema.path("items"), child, sites, depth + 1);
        }
    }

    static JsonNode parse(String json) {
        try {
            JsonNode node = JSON.readTree(json);
            return node == null ? JsonNodeFactory.instance.objectNode() : node;
        } catch (Exception e) {
            throw new IllegalArgumentException("the fixture's body is not JSON: " + json, e);
        }
    }

    private static boolean present(JsonNode base, List<Object> path) {
        JsonNode node = base;
        for (Object segment : path) {
            node = segment instanceof Integer i ? node.path(i) : node.path((String) segment);
            if (node.isMissingNode()) {
                return false;
            }
        }
        return true;
    }

    /** The base body with the value at {@code path} replaced by raw JSON text (parents made where missing). */
    static String with(JsonNode base, List<Object> path, String raw) {
        JsonNode copy = base.deepCopy();
        JsonNode parent = copy;
        for (int i = 0; i < path.size() - 1; i++) {
            Object segment = path.get(i);
            Object next = path.get(i + 1);
            JsonNode child = segment instanceof Integer index ? parent.path(index) : parent.path((String) segment);
            if (child.isMissingNode() || child.isNull() || !(child.isObject() || child.isArray())) {
                child = next instanceof Integer
                        ? JsonNodeFactory.instance.arrayNode()
                        : JsonNodeFactory.instance.objectNode();
                put(parent, segment, child);
            }
            parent = child;
        }
        put(parent, path.get(path.size() - 1), TextNode.valueOf(MARKER));
        return copy.toString().replace("\"" + MARKER + "\"", raw);
    }

    private static void put(JsonNode parent, Object segment, JsonNode value) {
        if (segment instanceof Integer index) {
            ArrayNode array = (ArrayNode) parent;
            while (array.size() <= index) {
                array.addNull();
            }
            array.set(index, value);
        } else {
            ((ObjectNode) parent).set((String) segment, value);
        }
    }

    static String without(JsonNode base, List<Object> path) {
        JsonNode copy = base.deepCopy();
        JsonNode parent = copy;
        for (int i = 0; i < path.size() - 1; i++) {
            Object segment = path.get(i);
            parent = segment instanceof Integer index ? parent.path(index) : parent.path((String) segment);
        }
        Object last = path.get(path.size() - 1);
        if (parent instanceof ObjectNode object && last instanceof String name) {
            object.remove(name);
        }
        return copy.toString();
    }

    /** The field given twice: its own value first, then {@code raw}. */
    static String duplicated(JsonNode base, List<Object> path, String raw) {
        JsonNode original = base;
        for (Object segment : path) {
            original = segment instanceof Integer i ? original.path(i) : original.path((String) segment);
        }
        String name = (String) path.get(path.size() - 1);
        return with(base, path, original + "," + quote(name) + ":" + raw);
    }

    static String withExtra(JsonNode base, String name) {
        if (!base.isObject()) {
            return base.toString();
        }
        ObjectNode copy = ((ObjectNode) base).deepCopy();
        copy.put(name, "unexpected");
        return copy.toString();
    }

    /**
     * A JSON string literal: every control character, surrogate and non-character escaped as
     * {@code \\uXXXX}, so that even an unpaired surrogate reaches the service as the caller wrote it.
     */
    static String quote(String text) {
        StringBuilder out = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || Character.isSurrogate(c) || c >= 0xfffe) {
                        out.append("\\u%04x".formatted((int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
