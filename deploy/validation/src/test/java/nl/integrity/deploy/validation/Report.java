package nl.integrity.deploy.validation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * The counts of a run: objects per overlay (by kind), items each check looked at, tests passed and failed.
 * Registered as a JUnit Platform listener (META-INF/services), it prints them when the run ends and writes them
 * to target/validation-report.txt.
 */
public final class Report implements TestExecutionListener {

    private static final Map<String, Map<String, Integer>> OBJECTS = new ConcurrentHashMap<>();
    private static final Map<String, AtomicInteger> CHECKED = new ConcurrentHashMap<>();
    private final AtomicInteger passed = new AtomicInteger();
    private final AtomicInteger failed = new AtomicInteger();
    private final AtomicInteger skipped = new AtomicInteger();

    static void rendered(Manifests m) {
        OBJECTS.putIfAbsent(m.overlay(), m.countByKind());
    }

    /** One check applied to {@code items} things (objects, containers, topics, ...), all of which passed it. */
    static void checked(String check, int items) {
        CHECKED.computeIfAbsent(check, c -> new AtomicInteger()).addAndGet(items);
    }

    @Override
    public void executionFinished(TestIdentifier test, TestExecutionResult result) {
        if (!test.isTest()) {
            return;
        }
        (result.getStatus() == TestExecutionResult.Status.SUCCESSFUL ? passed : failed).incrementAndGet();
    }

    @Override
    public void executionSkipped(TestIdentifier test, String reason) {
        if (test.isTest()) {
            skipped.incrementAndGet();
        }
    }

    @Override
    public void testPlanExecutionFinished(TestPlan plan) {
        if (OBJECTS.isEmpty() && CHECKED.isEmpty()) {
            return;
        }
        StringBuilder out = new StringBuilder("Deployment validation\n");
        new TreeMap<>(OBJECTS).forEach((overlay, kinds) -> {
            int total = kinds.values().stream().mapToInt(Integer::intValue).sum();
            out.append("  objects in ")
                    .append(overlay)
                    .append(": ")
                    .append(total)
                    .append(' ')
                    .append(kinds)
                    .append('\n');
        });
        int items = CHECKED.values().stream().mapToInt(AtomicInteger::get).sum();
        out.append("  checks passed (check: items checked):\n");
        new TreeMap<>(CHECKED)
                .forEach((check, n) -> out.append("    ")
                        .append(check)
                        .append(": ")
                        .append(n.get())
                        .append('\n'));
        out.append("  ")
                .append(CHECKED.size())
                .append(" checks over ")
                .append(items)
                .append(" items; tests: ")
                .append(passed.get())
                .append(" passed, ")
                .append(failed.get())
                .append(" failed, ")
                .append(skipped.get())
                .append(" skipped\n");
        System.out.print(out);
        try {
            Path target = Path.of("target");
            Files.createDirectories(target);
            Files.writeString(target.resolve("validation-report.txt"), out.toString());
        } catch (IOException e) {
            System.err.println("cannot write target/validation-report.txt: " + e.getMessage());
        }
    }
}
