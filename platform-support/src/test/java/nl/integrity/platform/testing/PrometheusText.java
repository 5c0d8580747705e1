package nl.integrity.platform.testing;

import java.util.HashMap;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a value out of what {@code /q/metrics} serves (the Prometheus text format): the series of a name whose
 * labels include the given ones, in whatever order the registry writes them.
 */
public final class PrometheusText {

    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)})?\\s+(\\S+)$");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    private PrometheusText() {}

    /** The value of the first series named {@code name} that carries every label of {@code labels}. */
    public static OptionalDouble value(String metrics, String name, Map<String, String> labels) {
        for (String line : metrics.lines().toList()) {
            if (line.startsWith("#")) {
                continue;
            }
            // An exemplar (" # {trace_id=...} value time") may follow the value.
            int exemplar = line.indexOf(" # ");
            Matcher sample = SAMPLE.matcher((exemplar < 0 ? line : line.substring(0, exemplar)).trim());
            if (!sample.matches() || !sample.group(1).equals(name)) {
                continue;
            }
            if (labelsOf(sample.group(2)).entrySet().containsAll(labels.entrySet())) {
                return OptionalDouble.of(Double.parseDouble(sample.group(3)));
            }
        }
        return OptionalDouble.empty();
    }

    /** The value of the first matching series, or {@code absent} when there is none. */
    public static double valueOr(String metrics, String name, Map<String, String> labels, double absent) {
        return value(metrics, name, labels).orElse(absent);
    }

    private static Map<String, String> labelsOf(String labels) {
        Map<String, String> out = new HashMap<>();
        if (labels != null) {
            Matcher label = LABEL.matcher(labels);
            while (label.find()) {
                out.put(label.group(1), label.group(2));
            }
        }
        return out;
    }
}
