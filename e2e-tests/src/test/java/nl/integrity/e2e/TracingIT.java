package nl.integrity.e2e;

import static io.restassured.RestAssured.given;
import static nl.integrity.platform.testing.KeycloakLogins.tokenFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.restassured.http.ContentType;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * One declaration is one trace. The test is the browser: it sends its declaration with a sampled W3C
 * {@code traceparent}, and receives the spans every instance exports over OTLP/HTTP on this
 * machine's loopback address (the end-to-end platform sends them to port base + 99). The trace must
 * run from the gateway through declaration-service, its outbox and Kafka to notification-service's
 * handling, the office's mail and the webhook, every span's parent being in the trace.
 */
class TracingIT {

    private static final int RECEIVER_PORT = Integer.getInteger("platform.port-base", 18080) + 99;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A span as the receiver got it. */
    record ReceivedSpan(
            String service,
            String traceId,
            String spanId,
            String parentSpanId,
            String name,
            String kind,
            String attributes) {}

    @Test
    void aDeclarationIsOneTraceFromTheGatewayToTheMailAndTheWebhook() throws Exception {
        List<ReceivedSpan> spans = new CopyOnWriteArrayList<>();
        HttpServer collector = otlpReceiver(spans);
        TestAlumni.Login login = TestAlumni.create("POLITIE");
        String admin = tokenFor("admin");
        try (var webhooks = new WebhookReceiver(Platform.WEBHOOK_TIMEOUT)) {
            String subscription = given().auth()
                    .oauth2(admin)
                    .contentType(ContentType.JSON)
                    .body("{\"url\":\"%s\",\"eventTypes\":[\"*\"],\"description\":\"tracing\"}"
                            .formatted(webhooks.url()))
                    .post(Platform.GATEWAY_1 + "/api/webhook-subscriptions")
                    .then()
                    .statusCode(201)
                    .extract()
                    .path("id");
            try {
                TestAlumni.registerDeparture(login, "Spoor Volger", "INT-CIE", "2021-01-01", "2026-10-31", "VOLUNTARY");
                // Intelligence work, then private investigation: critical, so the office gets a mail at once.
                String trace = declareTraced(login, """
                        {"employerName":"Spoorzoekers BV","kvkNumber":"11223355","country":"NL","sector":"PRIVATE_INVESTIGATION",
                         "role":"Onderzoeker","duties":"Onderzoek voor verzekeraars","startDate":"2027-03-01","paid":true,
                         "hoursPerWeek":36,"selfEmployed":false,"expectsContact":false,"usesKnowledge":false}""");

                Awaitility.await()
                        .atMost(Duration.ofSeconds(90))
                        .pollInterval(Duration.ofMillis(500))
                        .untilAsserted(() -> {
                            List<ReceivedSpan> ofTrace = ofTrace(spans, trace);
                            assertTrue(
                                    has(ofTrace, "gateway", "SERVER", "")
                                            && has(ofTrace, "gateway", "CLIENT", "")
                                            && has(ofTrace, "declaration-service", "SERVER", "/api/declarations")
                                            && has(ofTrace, "declaration-service", "PRODUCER", "declaration.events")
                                            && has(
                                                    ofTrace,
                                                    "notification-service",
                                                    "CONSUMER",
                                                    "declaration.events process")
                                            && has(ofTrace, "notification-service", "CLIENT", "mail send")
                                            && has(ofTrace, "notification-service", "CLIENT", "webhook POST"),
                                    () -> "the trace so far:\n" + tree(ofTrace));
                        });

                List<ReceivedSpan> ofTrace = ofTrace(spans, trace);
                System.out.printf(
                        "[tracing] one declaration, %d spans in trace %s:%n%s", ofTrace.size(), trace, tree(ofTrace));
                // Nothing hangs loose: every span's parent is the browser's span or another span of the trace.
                Set<String> ids = ofTrace.stream().map(ReceivedSpan::spanId).collect(Collectors.toSet());
                String browserSpan = ofTrace.stream()
                        .filter(s -> s.service().equals("gateway") && s.kind().equals("SERVER"))
                        .map(ReceivedSpan::parentSpanId)
                        .findFirst()
                        .orElseThrow();
                for (ReceivedSpan span : ofTrace) {
                    assertTrue(
                            span.parentSpanId().equals(browserSpan) || ids.contains(span.parentSpanId()),
                            () -> span + " has a parent outside the trace:\n" + tree(ofTrace));
                }
                assertEquals(
                        Set.of("gateway", "declaration-service", "notification-service"),
                        ofTrace.stream().map(ReceivedSpan::service).collect(Collectors.toSet()));
                for (ReceivedSpan span : ofTrace) {
                    assertTrue(
                            !span.attributes().contains("Spoor")
                                    && !span.attributes().contains("@"),
                            () -> "personal data in " + span);
                }
            } finally {
                given().auth()
                        .oauth2(admin)
                        .contentType(ContentType.JSON)
                        .body("{\"url\":\"%s\",\"eventTypes\":[\"*\"],\"enabled\":false}".formatted(webhooks.url()))
                        .put(Platform.GATEWAY_1 + "/api/webhook-subscriptions/{id}", subscription)
                        .then()
                        .statusCode(200);
            }
        } finally {
            TestAlumni.delete(login);
            collector.stop(0);
        }
    }

    @Test
    void aSearchIsTraced_withoutTheNamesAndNumbersSearchedFor() throws Exception {
        List<ReceivedSpan> spans = new CopyOnWriteArrayList<>();
        HttpServer collector = otlpReceiver(spans);
        try {
            String trace = hex(16);
            given().auth()
                    .oauth2(tokenFor("officer.politie"))
                    .header("traceparent", "00-" + trace + "-" + hex(8) + "-01")
                    .queryParam("name", "Zoekvolger")
                    .queryParam("personnelNumber", "P7700123")
                    .get(Platform.GATEWAY_1 + "/api/alumni")
                    .then()
                    .statusCode(200);

            Awaitility.await()
                    .atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(500))
                    .untilAsserted(() -> assertTrue(
                            has(ofTrace(spans, trace), "gateway", "SERVER", "")
                                    && has(ofTrace(spans, trace), "gateway", "CLIENT", "GET")
                                    && has(ofTrace(spans, trace), "alumni-service", "SERVER", "/api/alumni"),
                            () -> "the trace so far:\n" + tree(ofTrace(spans, trace))));
            for (ReceivedSpan span : ofTrace(spans, trace)) {
                assertTrue(
                        !span.attributes().contains("Zoekvolger")
                                && !span.attributes().contains("P7700123"),
                        () -> "search criteria in " + span);
            }
        } finally {
            collector.stop(0);
        }
    }

    /**
     * Declares as the alumnus with a new sampled trace per attempt (the first attempts may come before
     * declaration-service knows the alumnus); returns the trace id of the attempt that was accepted.
     */
    private static String declareTraced(TestAlumni.Login login, String declaration) {
        String token = tokenFor(login.username(), login.password());
        String[] accepted = new String[1];
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
            String trace = hex(16);
            int status = given().auth()
                    .oauth2(token)
                    .header("traceparent", "00-" + trace + "-" + hex(8) + "-01")
                    .contentType(ContentType.JSON)
                    .body(declaration)
                    .post(Platform.GATEWAY_1 + "/api/declarations")
                    .statusCode();
            accepted[0] = status == 201 ? trace : null;
            return accepted[0] != null;
        });
        return accepted[0];
    }

    private static List<ReceivedSpan> ofTrace(List<ReceivedSpan> spans, String trace) {
        return spans.stream().filter(s -> s.traceId().equals(trace)).toList();
    }

    private static boolean has(List<ReceivedSpan> spans, String service, String kind, String nameContains) {
        return spans.stream()
                .anyMatch(s -> s.service().equals(service)
                        && s.kind().equals(kind)
                        && s.name().contains(nameContains));
    }

    /** The spans as an indented tree, children under their parent. */
    private static String tree(List<ReceivedSpan> spans) {
        Map<String, List<ReceivedSpan>> children =
                spans.stream().collect(Collectors.groupingBy(ReceivedSpan::parentSpanId));
        Set<String> ids = spans.stream().map(ReceivedSpan::spanId).collect(Collectors.toSet());
        StringBuilder out = new StringBuilder();
        spans.stream().filter(s -> !ids.contains(s.parentSpanId())).forEach(root -> append(out, root, children, 0));
        return out.toString();
    }

    private static void append(
            StringBuilder out, ReceivedSpan span, Map<String, List<ReceivedSpan>> children, int depth) {
        out.append("  ".repeat(depth + 1))
                .append(span.service())
                .append(" ")
                .append(span.kind())
                .append(" ")
                .append(span.name())
                .append('\n');
        children.getOrDefault(span.spanId(), List.of()).forEach(child -> append(out, child, children, depth + 1));
    }

    /** An OTLP/HTTP trace receiver (protobuf) on the loopback address the end-to-end platform exports to. */
    private static HttpServer otlpReceiver(List<ReceivedSpan> spans) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", RECEIVER_PORT), 16);
        server.createContext("/", exchange -> {
            try (InputStream raw = exchange.getRequestBody();
                    InputStream body =
                            "gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))
                                    ? new GZIPInputStream(raw)
                                    : raw) {
                ExportTraceServiceRequest request = ExportTraceServiceRequest.parseFrom(body);
                for (ResourceSpans resource : request.getResourceSpansList()) {
                    String service = resource.getResource().getAttributesList().stream()
                            .filter(a -> a.getKey().equals("service.name"))
                            .map(KeyValue::getValue)
                            .map(v -> v.getStringValue())
                            .findFirst()
                            .orElse("?");
                    for (ScopeSpans scope : resource.getScopeSpansList()) {
                        for (var span : scope.getSpansList()) {
                            spans.add(new ReceivedSpan(
                                    service,
                                    HexFormat.of().formatHex(span.getTraceId().toByteArray()),
                                    HexFormat.of().formatHex(span.getSpanId().toByteArray()),
                                    HexFormat.of()
                                            .formatHex(span.getParentSpanId().toByteArray()),
                                    span.getName(),
                                    span.getKind().name().replace("SPAN_KIND_", ""),
                                    span.getAttributesList().stream()
                                            .map(a -> a.getKey() + "="
                                                    + a.getValue().getStringValue())
                                            .collect(Collectors.joining(" "))));
                        }
                    }
                }
                byte[] answer = ExportTraceServiceResponse.getDefaultInstance().toByteArray();
                exchange.getResponseHeaders().set("Content-Type", "application/x-protobuf");
                exchange.sendResponseHeaders(200, answer.length == 0 ? -1 : answer.length);
                if (answer.length > 0) {
                    exchange.getResponseBody().write(answer);
                }
            } catch (IOException | RuntimeException e) {
                exchange.sendResponseHeaders(400, -1);
            } finally {
                exchange.close();
            }
        });
        server.start();
        return server;
    }

    private static String hex(int bytes) {
        byte[] random = new byte[bytes];
        RANDOM.nextBytes(random);
        return HexFormat.of().formatHex(random);
    }
}
