package nl.integrity.deploy.validation;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * The workloads' rules: probes, requests and limits, a restricted securityContext, and for the platform's own
 * Deployments two or more replicas, a PodDisruptionBudget and a HorizontalPodAutoscaler.
 */
class WorkloadRulesTest {

    static final List<String> OVERLAYS = Overlays.PLATFORM;

    static final Map<String, String> HEALTH = Map.of(
            "startupProbe", "/q/health/started",
            "readinessProbe", "/q/health/ready",
            "livenessProbe", "/q/health/live");

    @ParameterizedTest(name = "{0}")
    @FieldSource("OVERLAYS")
    void everyPlatformServiceIsADeployment(String overlay) {
        Manifests m = Overlays.render(overlay);
        List<String> problems = new ArrayList<>();
        for (String service : Contract.MANAGEMENT_PORTS.keySet()) {
            if (m.named("Deployment", service).isEmpty()) {
                problems.add("Deployment/" + service + " is missing");
            }
        }
        Overlays.assertNone("platform Deployments present", overlay, Contract.MANAGEMENT_PORTS.size(), problems);
    }

    @ParameterizedTest(name = "{0}")
    @FieldSource("OVERLAYS")
    void platformContainersProbeTheManagementPort(String overlay) {
        Manifests m = Overlays.render(overlay);
        List<String> problems = new ArrayList<>();
        int checked = 0;
        for (var e : Contract.MANAGEMENT_PORTS.entrySet()) {
            JsonNode d = m.named("Deployment", e.getKey()).orElse(null);
            if (d == null) {
                continue;
            }
            JsonNode container = mainContainer(d, e.getKey());
            String where =
                    Manifests.id(d) + " container " + container.path("name").asText("?");
            for (var probe : HEALTH.entrySet()) {
                checked++;
                JsonNode p = container.path(probe.getKey());
                if (p.isMissingNode()) {
                    problems.add(where + ": " + probe.getKey() + " is missing");
                    continue;
                }
                String path = p.path("httpGet").path("path").asText("");
                if (!probe.getValue().equals(path)) {
                    problems.add(where + ": " + probe.getKey() + ".httpGet.path is '" + path + "', expected "
                            + probe.getValue());
                }
                int port = portNumber(container, p.path("httpGet").path("port"));
                if (port != e.getValue()) {
                    problems.add(where + ": " + probe.getKey() + ".httpGet.port resolves to " + port
                            + ", expected the management port " + e.getValue());
                }
            }
        }
        Overlays.assertNone("platform probes (started/ready/live on the management port)", overlay, checked, problems);
    }

    @ParameterizedTest(name = "{0}")
    @FieldSource("OVERLAYS")
    void everyLongRunningContainerHasReadinessAndLivenessProbes(String overlay) {
        Manifests m = Overlays.render(overlay);
        List<String> problems = new ArrayList<>();
        int checked = 0;
        for (JsonNode w : m.workloads()) {
            String kind = w.path("kind").asText();
            if (!kind.equals("Deployment") && !kind.equals("StatefulSet")) {
                continue;
            }
            for (JsonNode c : Manifests.podSpec(w).path("containers")) {
                checked++;
                for (String probe : List.of("readinessProbe", "livenessProbe")) {
                    if (c.path(probe).isMissingNode()) {
                        problems.add(Manifests.id(w) + " container "
                                + c.path("name").asText() + ": " + probe + " is missing");
                    }
                }
            }
        }
        Overlays.assertNone("readiness and liveness probes", overlay, checked, problems);
    }

    @ParameterizedTest(name = "{0}")
    @FieldSource("OVERLAYS")
    void everyContainerHasCpuAndMemoryRequestsAndLimits(String overlay) {
        Manifests m = Overlays.render(overlay);
        List<String> problems = new ArrayList<>();
        int[] checked = {0};
        for (JsonNode w : m.workloads()) {
            Manifests.eachContainer(Manifests.podSpec(w), (field, c) -> {
                checked[0]++;
                for (String section : List.of("requests", "limits")) {
                    for (String resource : List.of("cpu", "memory")) {
                        if (c.path("resources")
                                .path(section)
                                .path(resource)
                                .asText("")
                                .isEmpty()) {
                            problems.add(Manifests.id(w) + " " + field + ": resources." + section + "." + resource
                                    + " is missing");
                        }
                    }
                }
            });
        }
        Overlays.assertNone("cpu and memory requests and limits", overlay, checked[0], problems);
    }

    @ParameterizedTest(name = "{0}")
    @FieldSource("OVERLAYS")
    void everyContainerRunsRestricted(String overlay) {
        Manifests m = Overlays.render(overlay);
        List<String> problems = new ArrayList<>();
        int[] checked = {0};
        for (JsonNode w : m.workloads()) {
            JsonNode pod = Manifests.podSpec(w).path("securityContext");
            Manifests.eachContainer(Manifests.podSpec(w), (field, c) -> {
                checked[0]++;
                JsonNode sc = c.path("securityContext");
                String where = Manifests.id(w) + " " + field + ": securityContext.";
                boolean nonRoot = sc.has("runAsNonRoot")
                        ? sc.path("runAsNonRoot").asBoolean(false)
                        : pod.path("runAsNonRoot").asBoolean(false);
                if (!nonRoot) {
                    problems.add(where + "runAsNonRoot is not true (container or pod level)");
                }
                if (!sc.path("readOnlyRootFilesystem").asBoolean(false)) {
                    problems.add(where + "readOnlyRootFilesystem is not true");
                }
                if (!sc.path("allowPrivilegeEscalation").isBoolean()
                        || sc.path("allowPrivilegeEscalation").asBoolean(true)) {
                    problems.add(where + "allowPrivilegeEscalation is not false");
                }
                boolean dropsAll = false;
                for (JsonNode cap : sc.path("capabilities").path("drop")) {
                    dropsAll |= "ALL".equals(cap.asText());
                }
                if (!dropsAll) {
                    problems.add(where + "capabilities.drop does not contain ALL");
                }
                if (sc.path("capabilities").path("add").size() > 0) {
                    problems.add(where + "capabilities.add is not empty: "
                            + sc.path("capabilities").path("add"));
                }
                String seccomp = sc.path("seccompProfile").has("type")
                        ? sc.path("seccompProfile").path("type").asText()
                        : pod.path("seccompProfile").path("type").asText("");
                if (!"RuntimeDefault".equals(seccomp)) {
                    problems.add(where + "seccompProfile.type is '" + seccomp
                            + "', expected RuntimeDefault (container or pod level)");
                }
                if (sc.path("privileged").asBoolean(false)) {
                    problems.add(where + "privileged is true");
                }
            });
        }
        Overlays.assertNone("restricted securityContext", overlay, checked[0], problems);
    }

    /** Quarkus writes to /tmp: with a read-only root filesystem it needs an emptyDir there. */
    @ParameterizedTest(name = "{0}")
    @FieldSource("OVERLAYS")
    void platformContainersHaveAWritableTmp(String overlay) {
        Manifests m = Overlays.render(overlay);
        List<String> problems = new ArrayList<>();
        for (String service : Contract.MANAGEMENT_PORTS.keySet()) {
            JsonNode d = m.named("Deployment", service).orElse(null);
            if (d == null) {
                continue;
            }
            JsonNode c = mainContainer(d, service);
            String volume = null;
            for (JsonNode mount : c.path("volumeMounts")) {
                if ("/tmp".equals(mount.path("mountPath").asText())) {
                    volume = mount.path("name").asText();
                }
            }
            boolean emptyDir = false;
            for (JsonNode v : Manifests.podSpec(d).path("volumes")) {
                emptyDir |= v.path("name").asText().equals(volume) && v.has("emptyDir");
            }
            if (!emptyDir) {
                problems.add(Manifests.id(d) + " container " + c.path("name").asText()
                        + ": no emptyDir volume mounted at /tmp");
            }
        }
        Overlays.assertNone("writable /tmp for Quarkus", overlay, Contract.MANAGEMENT_PORTS.size(), problems);
    }

    @ParameterizedTest(name = "{0}")
    @FieldSource("OVERLAYS")
    void platformDeploymentsRunTwoOrMoreReplicas(String overlay) {
        Manifests m = Overlays.render(overlay);
        List<String> problems = new ArrayList<>();
        for (String service : Contract.MANAGEMENT_PORTS.keySet()) {
            m.named("Deployment", service).ifPresent(d -> {
                int replicas = d.path("spec").path("replicas").asInt(1);
                if (replicas < 2) {
                    problems.add(Manifests.id(d) + ": spec.replicas is " + replicas + ", expected 2 or more");
                }
            });
        }
        Overlays.assertNone("two or more replicas", overlay, Contract.MANAGEMENT_PORTS.size(), problems);
    }

    @ParameterizedTest(name = "{0}")
    @FieldSource("OVERLAYS")
    void platformDeploymentsHaveAPodDisruptionBudget(String overlay) {
        Manifests m = Overlays.render(overlay);
        List<String> problems = new ArrayList<>();
        for (String service : Contract.MANAGEMENT_PORTS.keySet()) {
            m.named("Deployment", service).ifPresent(d -> {
                JsonNode labels = Manifests.podLabels(d);
                List<JsonNode> pdbs = m.kind("PodDisruptionBudget").stream()
                        .filter(p -> sameNamespace(p, d))
                        .filter(p -> Manifests.selects(p.path("spec").path("selector"), labels))
                        .toList();
                if (pdbs.isEmpty()) {
                    problems.add(Manifests.id(d) + ": no PodDisruptionBudget selects its pods (labels " + labels + ")");
                }
                int replicas = d.path("spec").path("replicas").asInt(1);
                for (JsonNode p : pdbs) {
                    JsonNode min = p.path("spec").path("minAvailable");
                    if (min.isInt() && min.asInt() >= replicas) {
                        problems.add(Manifests.id(p) + ": minAvailable " + min.asInt() + " >= replicas " + replicas
                                + " of " + Manifests.id(d) + " blocks every node drain");
                    }
                }
            });
        }
        Overlays.assertNone(
                "PodDisruptionBudget per platform Deployment", overlay, Contract.MANAGEMENT_PORTS.size(), problems);
    }

    @ParameterizedTest(name = "{0}")
    @FieldSource("OVERLAYS")
    void platformDeploymentsHaveAHorizontalPodAutoscaler(String overlay) {
        Manifests m = Overlays.render(overlay);
        List<String> problems = new ArrayList<>();
        for (String service : Contract.MANAGEMENT_PORTS.keySet()) {
            m.named("Deployment", service).ifPresent(d -> {
                List<JsonNode> hpas = m.kind("HorizontalPodAutoscaler").stream()
                        .filter(h -> sameNamespace(h, d))
                        .filter(h -> "Deployment"
                                        .equals(h.path("spec")
                                                .path("scaleTargetRef")
                                                .path("kind")
                                                .asText())
                                && service.equals(h.path("spec")
                                        .path("scaleTargetRef")
                                        .path("name")
                                        .asText()))
                        .toList();
                if (hpas.size() != 1) {
                    problems.add(Manifests.id(d) + ": " + hpas.size()
                            + " HorizontalPodAutoscalers target it, expected exactly one");
                }
                for (JsonNode h : hpas) {
                    int min = h.path("spec").path("minReplicas").asInt(1);
                    int max = h.path("spec").path("maxReplicas").asInt(0);
                    if (min < 2) {
                        problems.add(Manifests.id(h) + ": spec.minReplicas is " + min + ", expected 2 or more");
                    }
                    if (max < min) {
                        problems.add(Manifests.id(h) + ": spec.maxReplicas " + max + " < minReplicas " + min);
                    }
                }
            });
        }
        Overlays.assertNone(
                "HorizontalPodAutoscaler per platform Deployment", overlay, Contract.MANAGEMENT_PORTS.size(), problems);
    }

    static JsonNode mainContainer(JsonNode deployment, String service) {
        JsonNode containers = Manifests.podSpec(deployment).path("containers");
        for (JsonNode c : containers) {
            if (service.equals(c.path("name").asText())) {
                return c;
            }
        }
        return containers.path(0);
    }

    /** A probe's port: a number, or the name of one of the container's ports. */
    static int portNumber(JsonNode container, JsonNode port) {
        if (port.isInt()) {
            return port.asInt();
        }
        for (JsonNode p : container.path("ports")) {
            if (port.asText().equals(p.path("name").asText())) {
                return p.path("containerPort").asInt(-1);
            }
        }
        return -1;
    }

    static boolean sameNamespace(JsonNode a, JsonNode b) {
        return a.path("metadata")
                .path("namespace")
                .asText("")
                .equals(b.path("metadata").path("namespace").asText(""));
    }
}
