package nl.integrity.platform.testing.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import nl.integrity.platform.testing.fuzz.ApiOperations.Operation;

/**
 * The service a fuzz run sends its requests to, and what it found: the operations, a caller per role,
 * the fixture's path values and bodies, the database to fingerprint; for each answer, the checks.
 */
public final class FuzzTarget {

    private static final ObjectMapper JSON = new ObjectMapper();
    /**
     * What betrays the implementation: a stack frame, a Java package or one of this platform's classes (its
     * event types, nl.integrity.declaration.decided.v1, are public names and may be listed).
     */
    private static final Pattern LEAK = Pattern.compile(
            "\\bat [\\w$.]+\\(|\\b(java|javax|jakarta|org\\.hibernate|org\\.postgresql|io\\.quarkus|io\\.vertx|io\\.smallrye"
                    + "|com\\.fasterxml)\\.[a-z]|\\bnl\\.integrity(\\.[a-z]+)+\\.[A-Z]|\\b[A-Z]\\w*(Exception|Error)\\b|SQLState|Caused by");

    private static volatile FuzzTarget current;

    final String service;
    private final URI base;
    private final List<Operation> operations;
    private final Map<String, Supplier<String>> callers;
    private final Map<String, String> pathValues;
    private final Map<String, String> bodies;
    private final Map<String, String> queryValues;
    private final DatabaseState database;
    private final Instant deadline;
    private final Runnable settle;
    /** The database's fingerprint after the last request (jqwik runs the tries one after another). */
    private Map<String, String> lastState;

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    final Map<String, AtomicInteger> statuses = new ConcurrentSkipListMap<>();
    final Map<String, AtomicInteger> byKind = new ConcurrentSkipListMap<>();
    final Map<String, AtomicInteger> covered = new ConcurrentSkipListMap<>();
    final Map<String, String> faults = new ConcurrentHashMap<>();
    final AtomicInteger requests = new AtomicInteger();
    final AtomicInteger faulty = new AtomicInteger();
    final AtomicInteger skipped = new AtomicInteger();
    final AtomicInteger otherFieldNamed = new AtomicInteger();
    final List<String> otherFieldSamples = new ArrayList<>();
    /** Mutated requests the service took: for a reader to judge (an optional field left empty is fine). */
    final List<String> acceptedSamples = new ArrayList<>();

    FuzzTarget(
            String service,
            URI base,
            List<Operation> operations,
            Map<String, Supplier<String>> callers,
            Map<String, String> pathValues,
            Map<String, String> queryValues,
            Map<String, String> bodies,
            DatabaseState database,
            Duration budget,
            Runnable settle) {
        this.queryValues = queryValues;
        this.settle = settle;
        this.service = service;
        this.base = base;
        this.operations = operations;
        this.callers = callers;
        this.pathValues = pathValues;
        this.bodies = bodies;
        this.database = database;
        this.deadline = Instant.now().plus(budget);
    }

    static FuzzTarget current() {
        FuzzTarget target = current;
        if (target == null) {
            throw new IllegalStateException("FuzzProperties runs only through ApiFuzzer");
        }
        return target;
    }

    static void use(FuzzTarget target) {
        current = target;
    }

    List<Operation> operations() {
        return operations;
    }

    boolean hasCaller(String role) {
        return callers.containsKey(role);
    }

    /** The fixture's value for a path parameter of this operation: the one given for the longest matching prefix. */
    Optional<String> pathValue(Operation operation, String name) {
        return pathValues.entrySet().stream()
                .filter(e -> e.getKey().endsWith("|" + name))
                .filter(e -> operation
                        .path()
                        .startsWith(e.getKey().substring(0, e.getKey().length() - name.length() - 1)))
                .max(java.util.Comparator.comparingInt(e -> e.getKey().length()))
                .map(Map.Entry::getValue);
    }

    Optional<String> queryValue(String name) {
        return Optional.ofNullable(queryValues.get(name));
    }

    Optional<String> body(Operation operation) {
        return Optional.ofNullable(bodies.get(operation.key()));
    }

    /** An answer: the status (negative when none came), media type and body. */
    record Answer(int status, String contentType, String body, List<String> changedTables) {}

    /**
     * Sends the request and checks the answer; returns what is wrong with it (empty: nothing). After the
     * deadline, requests are no longer sent (counted as skipped), so a run stays within its time.
     */
    List<String> check(FuzzRequest request) {
        if (Instant.now().isAfter(deadline)) {
            skipped.incrementAndGet();
            return List.of();
        }
        // The state before is the state after the previous request: nothing but a request changes it.
        Map<String, String> before = lastState != null ? lastState : database.fingerprint();
        Answer answer = send(request);
        if (answer.status() / 100 == 2) {
            settle.run();
        }
        lastState = database.fingerprint();
        List<String> changed = answer.status() >= 400 ? DatabaseState.changed(before, lastState) : List.of();
        answer = new Answer(answer.status(), answer.contentType(), answer.body(), changed);
        List<String> wrong = faults(request, answer);
        requests.incrementAndGet();
        statuses.computeIfAbsent(Integer.toString(answer.status()), k -> new AtomicInteger())
                .incrementAndGet();
        byKind.computeIfAbsent(request.kind() + " " + answer.status(), k -> new AtomicInteger())
                .incrementAndGet();
        covered.computeIfAbsent(request.operation().key() + " as " + request.role(), k -> new AtomicInteger())
                .incrementAndGet();
        if (answer.status() / 100 == 2 && request.kind() != FuzzRequest.Kind.VALID) {
            synchronized (acceptedSamples) {
                if (acceptedSamples.size() < 25) {
                    acceptedSamples.add(answer.status() + " " + request);
                }
            }
        }
        if (!wrong.isEmpty()) {
            faulty.incrementAndGet();
            String key = request.operation().key() + " " + request.kind() + " "
                    + wrong.get(0).replaceAll("[0-9]+", "#");
            faults.putIfAbsent(
                    key.length() > 300 ? key.substring(0, 300) : key,
                    String.join("; ", wrong) + "\n      request: " + request + "\n      answer: " + answer.status()
                            + " " + shorten(answer.body()));
        }
        return wrong;
    }

    private Answer send(FuzzRequest request) {
        StringBuilder uri = new StringBuilder(request.path());
        for (int i = 0; i < request.query().size(); i++) {
            var parameter = request.query().get(i);
            uri.append(i == 0 ? '?' : '&')
                    .append(Requests.encode(parameter.getKey()))
                    .append('=')
                    .append(Requests.encode(parameter.getValue()));
        }
        var builder = HttpRequest.newBuilder(base.resolve(uri.toString()))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + callers.get(request.role()).get());
        if (request.body() != null) {
            if (request.contentType() != null) {
                builder.header("Content-Type", request.contentType());
            }
            builder.method(request.operation().method(), HttpRequest.BodyPublishers.ofByteArray(request.body()));
        } else {
            builder.method(request.operation().method(), HttpRequest.BodyPublishers.noBody());
        }
        try {
            HttpResponse<byte[]> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Answer(
                    response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(""),
                    new String(response.body(), StandardCharsets.UTF_8),
                    List.of());
        } catch (IOException e) {
            return new Answer(-1, "", "no answer: " + e, List.of());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(-1, "", "interrupted", List.of());
        }
    }

    /** The rules every answer keeps. */
    private List<String> faults(FuzzRequest request, Answer answer) {
        List<String> wrong = new ArrayList<>();
        if (answer.status() < 0) {
            wrong.add(answer.body());
            return wrong;
        }
        if (answer.status() >= 500) {
            wrong.add("a server error (" + answer.status() + ") for a request of the caller's making");
        }
        if (answer.status() >= 400) {
            if (!answer.contentType().startsWith("application/problem+json")) {
                wrong.add("answered " + answer.status() + " without a problem (Content-Type '" + answer.contentType()
                        + "')");
            } else {
                try {
                    JsonNode problem = JSON.readTree(answer.body());
                    if (problem.path("status").asInt() != answer.status()
                            || !problem.hasNonNull("title")
                            || !problem.hasNonNull("type")) {
                        wrong.add("a problem without its type, title or status");
                    }
                    List<String> fields = new ArrayList<>();
                    problem.path("errors")
                            .forEach(e -> fields.add(e.path("field").asText()));
                    if (answer.status() == 400 && request.targetsAField()) {
                        if (fields.isEmpty()) {
                            wrong.add("refused the value of " + request.target() + " without naming a field");
                        } else if (fields.stream().noneMatch(f -> names(request.target(), f))) {
                            otherFieldNamed.incrementAndGet();
                            synchronized (otherFieldSamples) {
                                if (otherFieldSamples.size() < 15) {
                                    otherFieldSamples.add(request.operation().key() + " " + request.kind() + " "
                                            + request.target() + " -> " + fields);
                                }
                            }
                        }
                    }
                } catch (IOException e) {
                    wrong.add("a problem that is not JSON");
                }
            }
            if (!answer.changedTables().isEmpty()) {
                wrong.add("refused (" + answer.status() + "), yet changed " + answer.changedTables());
            }
            if (LEAK.matcher(answer.body()).find()) {
                wrong.add("the answer shows a class name or a stack trace");
            }
        }
        return wrong;
    }

    /** Whether a problem naming {@code field} names the mutated {@code target}, or what holds it, or what it holds. */
    static boolean names(String target, String field) {
        return field.equals(target)
                || target.startsWith(field + ".")
                || target.startsWith(field + "[")
                || field.startsWith(target + ".")
                || field.startsWith(target + "[")
                || target.endsWith("." + field);
    }

    private static String shorten(String s) {
        return s == null ? "" : s.length() > 400 ? s.substring(0, 400) + "..." : s;
    }

    /** The run in figures. */
    String summary() {
        return "%s: %d requests%s; by status %s; %d operation-role pairs%s"
                .formatted(
                        service,
                        requests.get(),
                        skipped.get() > 0 ? " (" + skipped.get() + " left out: time budget spent)" : "",
                        statuses,
                        covered.size(),
                        otherFieldNamed.get() > 0
                                ? "; refusals naming another field than the one hit (a rule across fields): "
                                        + otherFieldNamed.get()
                                : "");
    }

    String byKind() {
        return byKind.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(", "));
    }
}
