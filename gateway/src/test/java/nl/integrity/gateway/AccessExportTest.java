package nl.integrity.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;

/** The services' own exports become one document and one archive, with one access log, newest first. */
class AccessExportTest {

    private static final Map<String, byte[]> BODIES = Map.of(
            "alumni",
            """
            {"controller":"Integrity office <b>POLITIE</b>","record":{"fullName":"Jan de Vries"},"agreements":[{},{}],
             "accessLog":[{"occurredAt":"2026-11-02T09:00:00Z","actorRole":"integrity-officer","action":"READ_RECORD","purpose":"AUDIT","listed":false}]}""".getBytes(StandardCharsets.UTF_8),
            "declarations",
            """
            {"declarations":[{"id":"d1"}],
             "accessLog":[{"occurredAt":"2026-11-03T10:15:30.5Z","actorRole":"integrity-officer","action":"LIST_DECLARATIONS","purpose":null,"listed":true},
                          {"occurredAt":"2026-11-01T08:00:00Z","actorRole":"integrity-officer","action":"READ_DECLARATION","purpose":"DECLARATION_REVIEW","listed":false}]}""".getBytes(StandardCharsets.UTF_8),
            "notifications",
            """
            {"contact":null,"alerts":[],"accessLog":[]}""".getBytes(StandardCharsets.UTF_8));

    @Test
    void combine_keepsEveryPartAndMergesTheAccessLogsNewestFirst() {
        var export = AccessExport.combine(BODIES, Instant.parse("2026-12-01T07:00:00Z"));

        assertEquals("2026-12-01T07:00:00Z", export.path("generatedAt").asText());
        assertEquals(2, export.path("parts").path("alumni").path("agreements").size());
        assertEquals(
                "d1",
                export.path("parts")
                        .path("declarations")
                        .path("declarations")
                        .get(0)
                        .path("id")
                        .asText());
        assertTrue(export.path("parts").has("notifications"));
        var log = export.path("accessLog");
        assertEquals(3, log.size());
        assertEquals("declarations", log.get(0).path("service").asText());
        assertEquals("LIST_DECLARATIONS", log.get(0).path("action").asText());
        assertEquals("alumni", log.get(1).path("service").asText());
        assertEquals("READ_DECLARATION", log.get(2).path("action").asText());
    }

    @Test
    void archive_holdsTheSummaryEachPartAndEverything() throws IOException {
        var export = AccessExport.combine(BODIES, Instant.parse("2026-12-01T07:00:00Z"));
        Map<String, String> files = new HashMap<>();
        try (var zip = new ZipInputStream(new ByteArrayInputStream(AccessExport.archive(export, BODIES)))) {
            for (var entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                files.put(entry.getName(), new String(zip.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        assertEquals(
                java.util.Set.of(
                        "summary.html",
                        "everything.json",
                        "alumni-service.json",
                        "declaration-service.json",
                        "notification-service.json"),
                files.keySet());
        assertEquals(
                new String(BODIES.get("declarations"), StandardCharsets.UTF_8), files.get("declaration-service.json"));
        String summary = files.get("summary.html");
        assertTrue(summary.contains("Agreements: 2 items"), summary);
        assertTrue(summary.contains("2026-11-03 11:15"), "times in office time: " + summary);
        assertTrue(summary.contains("List declarations (in a list)"), summary);
        assertTrue(summary.contains("Declaration review"), summary);
        assertFalse(summary.contains("<b>"), "the summary never renders the data as markup");
        assertTrue(summary.contains("Controller: Integrity office &lt;b&gt;POLITIE&lt;/b&gt;"), summary);
    }

    @Test
    void summary_saysSoWhenNobodyLooked() {
        var quiet = new HashMap<>(BODIES);
        quiet.put("alumni", "{\"accessLog\":[]}".getBytes(StandardCharsets.UTF_8));
        quiet.put("declarations", "{\"accessLog\":[]}".getBytes(StandardCharsets.UTF_8));
        var export = AccessExport.combine(quiet, Instant.parse("2026-12-01T07:00:00Z"));
        assertTrue(AccessExport.summary(export).contains("Nobody of the office staff has looked at your data."));
    }
}
