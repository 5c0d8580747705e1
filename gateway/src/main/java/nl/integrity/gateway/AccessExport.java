package nl.integrity.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The alumnus' right of access (AVG/GDPR art. 15) across the platform: the gateway asks every
 * service for its own export of the caller's data ({@code <prefix>/me/export}, each answering only
 * for the caller) and this puts them together, as one JSON document or as one archive with a short
 * page a person can read. Who at the office looked at the data, from every service, is merged into
 * one access log, newest first. An export that misses a service is never given: the caller gets a
 * problem instead (see {@link ApiProxy}).
 */
final class AccessExport {

    /** The path the alumnus downloads from. */
    static final String PATH = "/api/me/export";

    /** Each service's own export, by the gateway's route name, in the order the summary shows them. */
    static final Map<String, Part> PARTS = partsInOrder();

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final ZoneId OFFICE_TIME = ZoneId.of("Europe/Amsterdam");
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private AccessExport() {}

    /** One service's part: where to ask for it, its name in the archive and in words. */
    record Part(String route, String uri, String file, String title) {}

    private static Map<String, Part> partsInOrder() {
        Map<String, Part> parts = new LinkedHashMap<>();
        parts.put(
                "alumni",
                new Part(
                        "alumni",
                        "/api/alumni/me/export",
                        "alumni-service.json",
                        "Registry: your record, consent, exit interviews, briefing, agreements, aftercare, requests"));
        parts.put(
                "declarations",
                new Part(
                        "declaration",
                        "/api/declarations/me/export",
                        "declaration-service.json",
                        "Declarations: every version, messages, decisions and conditions"));
        parts.put(
                "notifications",
                new Part(
                        "notification",
                        "/api/notifications/me/export",
                        "notification-service.json",
                        "Notifications: your contact details, alerts about you, e-mail sent to you"));
        return java.util.Collections.unmodifiableMap(parts);
    }

    /** The parts as the services gave them (JSON bodies by part name), combined. */
    static ObjectNode combine(Map<String, byte[]> bodies, Instant generatedAt) {
        ObjectNode export = JSON.createObjectNode();
        export.put("generatedAt", generatedAt.toString());
        export.put(
                "about",
                "Everything the integrity platform holds about you, from each of its services, and who of the"
                        + " office staff (by role) looked at it, when and why.");
        ObjectNode parts = export.putObject("parts");
        List<ObjectNode> accesses = new ArrayList<>();
        PARTS.forEach((name, part) -> {
            JsonNode body = read(bodies.get(name));
            parts.set(name, body);
            for (JsonNode access : body.path("accessLog")) {
                ObjectNode entry = ((ObjectNode) access.deepCopy()).put("service", name);
                accesses.add(entry);
            }
        });
        accesses.sort(Comparator.comparing((ObjectNode a) -> instant(a.path("occurredAt")))
                .reversed());
        ArrayNode log = export.putArray("accessLog");
        accesses.forEach(log::add);
        return export;
    }

    /** The archive: the summary page, each service's part as it gave it, and everything in one file. */
    static byte[] archive(ObjectNode export, Map<String, byte[]> bodies) {
        var out = new ByteArrayOutputStream();
        try (var zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
            entry(zip, "summary.html", summary(export).getBytes(StandardCharsets.UTF_8));
            entry(zip, "everything.json", JSON.writeValueAsBytes(export));
            for (var part : PARTS.entrySet()) {
                entry(zip, part.getValue().file(), bodies.get(part.getKey()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static byte[] json(ObjectNode export) {
        try {
            return JSON.writeValueAsBytes(export);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A page a person reads: what each service holds, counted, and the access log as a table. */
    static String summary(ObjectNode export) {
        StringBuilder html = new StringBuilder("""
                <!doctype html>
                <html lang="en"><head><meta charset="utf-8"><title>Your data / Uw gegevens</title>
                <style>body{font-family:sans-serif;max-width:60em;margin:2em auto}table{border-collapse:collapse}
                td,th{border:1px solid #999;padding:.2em .5em;text-align:left}</style></head><body>
                <h1>Your data held by the integrity platform / Uw gegevens bij het integriteitsplatform</h1>
                """);
        html.append("<p>Made on ")
                .append(escape(when(export.path("generatedAt"))))
                .append(" (Europe/Amsterdam). The JSON files in this archive hold every detail; everything.json holds"
                        + " them all in one file.</p>\n");
        PARTS.forEach((name, part) -> {
            html.append("<h2>").append(escape(part.title())).append("</h2>\n<ul>\n");
            export.path("parts").path(name).fields().forEachRemaining(field -> {
                if (field.getKey().equals("accessLog") || field.getKey().equals("generatedAt")) {
                    return;
                }
                html.append("<li>")
                        .append(escape(words(field.getKey())))
                        .append(": ")
                        .append(escape(count(field.getValue())))
                        .append("</li>\n");
            });
            html.append("</ul>\n");
        });
        JsonNode log = export.path("accessLog");
        html.append("<h2>Who looked at your data / Wie uw gegevens inzag</h2>\n");
        if (log.isEmpty()) {
            html.append("<p>Nobody of the office staff has looked at your data.</p>\n");
        } else {
            html.append("<table><thead><tr><th scope=\"col\">When</th><th scope=\"col\">Where</th>"
                    + "<th scope=\"col\">Who (role)</th><th scope=\"col\">What</th><th scope=\"col\">Why</th>"
                    + "</tr></thead><tbody>\n");
            for (JsonNode access : log) {
                html.append("<tr><td>")
                        .append(escape(when(access.path("occurredAt"))))
                        .append("</td><td>")
                        .append(escape(access.path("service").asText()))
                        .append("</td><td>")
                        .append(escape(access.path("actorRole").asText()))
                        .append("</td><td>")
                        .append(escape(words(access.path("action").asText())))
                        .append(access.path("listed").asBoolean() ? " (in a list)" : "")
                        .append("</td><td>")
                        .append(escape(
                                access.path("purpose").isTextual()
                                        ? words(access.path("purpose").asText())
                                        : "-"))
                        .append("</td></tr>\n");
            }
            html.append("</tbody></table>\n");
        }
        html.append("""
                <p>Staff are shown by their role; their names are theirs to keep. To have something corrected, or to
                object, use "Correct my data" in the portal.</p>
                </body></html>
                """);
        return html.toString();
    }

    private static String count(JsonNode value) {
        if (value.isArray()) {
            return value.size() + (value.size() == 1 ? " item" : " items");
        }
        if (value.isNull() || value.isMissingNode()) {
            return "none";
        }
        if (value.isObject()) {
            return "held";
        }
        return value.asText();
    }

    private static String words(String code) {
        String spaced =
                code.replaceAll("([a-z])([A-Z])", "$1 $2").replace('_', ' ').toLowerCase();
        return spaced.isEmpty() ? spaced : Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1);
    }

    private static String when(JsonNode instant) {
        Instant at = instant(instant);
        return at.equals(Instant.EPOCH) ? "" : WHEN.format(at.atZone(OFFICE_TIME));
    }

    private static Instant instant(JsonNode value) {
        try {
            return Instant.parse(value.asText());
        } catch (RuntimeException e) {
            return Instant.EPOCH;
        }
    }

    static String escape(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;")
                .replace("'", "&#39;");
    }

    private static JsonNode read(byte[] body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void entry(ZipOutputStream zip, String name, byte[] content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content);
        zip.closeEntry();
    }
}
