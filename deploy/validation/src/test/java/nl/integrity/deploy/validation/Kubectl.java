package nl.integrity.deploy.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Runs {@code kubectl kustomize}: the rendering kubectl itself applies, so what is checked is what a cluster gets. */
final class Kubectl {

    static final int MINIMUM_MINOR = 27;

    static final String HOW_TO_GET_IT =
            "kubectl 1.%d or newer is needed on the PATH to render the kustomize overlays.".formatted(MINIMUM_MINOR)
                    + " Install it from the Kubernetes project's release packages (e.g. the kubectl .deb/.rpm repository"
                    + " for v1.32, or a kubectl binary of v1.32 on the PATH); Debian's own 'kubernetes-client' package is"
                    + " kubectl 1.20 with a kustomize too old for these overlays. deploy/local/platform test checks this too.";

    private static final Map<String, Manifests> RENDERED = new ConcurrentHashMap<>();
    private static volatile String checkedExecutable;

    private Kubectl() {}

    /** The rendered objects of a kustomization directory (relative to the repository root), rendered once per JVM. */
    static Manifests render(String directory) {
        return RENDERED.computeIfAbsent(directory, Kubectl::doRender);
    }

    private static Manifests doRender(String directory) {
        Path dir = Contract.root().resolve(directory);
        if (!Files.isDirectory(dir)) {
            throw new AssertionError("the kustomization directory " + directory + " does not exist");
        }
        Result r = run(List.of(executable(), "kustomize", dir.toString()), 60);
        if (r.exit != 0) {
            throw new AssertionError("kubectl kustomize " + directory + " failed (exit " + r.exit + "):\n" + r.err);
        }
        return Manifests.parse(directory, r.out);
    }

    /** kubectl's path after checking that it exists and is new enough; fails with how to get it otherwise. */
    static synchronized String executable() {
        if (checkedExecutable != null) {
            return checkedExecutable;
        }
        String exe = findOnPath("kubectl");
        if (exe == null) {
            throw new AssertionError("kubectl not found on the PATH. " + HOW_TO_GET_IT);
        }
        Result r = run(List.of(exe, "version", "--client", "-o", "json"), 30);
        if (r.exit != 0) {
            throw new AssertionError(exe + " version --client failed: " + r.err + "\n" + HOW_TO_GET_IT);
        }
        String gitVersion;
        try {
            JsonNode v = new ObjectMapper().readTree(r.out);
            gitVersion = v.path("clientVersion").path("gitVersion").asText();
        } catch (IOException e) {
            throw new AssertionError("cannot read '" + exe + " version --client -o json': " + r.out, e);
        }
        Matcher m = Pattern.compile("^v?(\\d+)\\.(\\d+)").matcher(gitVersion);
        if (!m.find()
                || Integer.parseInt(m.group(1)) < 1
                || (Integer.parseInt(m.group(1)) == 1 && Integer.parseInt(m.group(2)) < MINIMUM_MINOR)) {
            throw new AssertionError(exe + " is " + gitVersion + ", too old. " + HOW_TO_GET_IT);
        }
        checkedExecutable = exe;
        return exe;
    }

    static String findOnPath(String name) {
        String path = System.getenv().getOrDefault("PATH", "") + ":/usr/local/bin:/usr/bin:/bin";
        for (String dir : path.split(":")) {
            if (dir.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(dir, name);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        return null;
    }

    record Result(int exit, String out, String err) {}

    /** Runs a command in the repository root; stdout and stderr are read concurrently so neither pipe blocks. */
    static Result run(List<String> command, int timeoutSeconds) {
        ProcessBuilder pb = new ProcessBuilder(new ArrayList<>(command))
                .directory(Contract.root().toFile());
        try {
            Process p = pb.start();
            p.getOutputStream().close();
            CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> drain(p.getInputStream()));
            CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> drain(p.getErrorStream()));
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError(String.join(" ", command) + " did not finish in " + timeoutSeconds + "s");
            }
            return new Result(p.exitValue(), out.join(), err.join());
        } catch (IOException e) {
            throw new AssertionError("cannot run " + String.join(" ", command) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted running " + String.join(" ", command), e);
        }
    }

    private static String drain(InputStream in) {
        try (in) {
            ByteArrayOutputStream buffer = new ByteArrayOutputStream();
            in.transferTo(buffer);
            return buffer.toString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
