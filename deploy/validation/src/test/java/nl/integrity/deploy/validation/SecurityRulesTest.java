package nl.integrity.deploy.validation;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** Images, secrets, network isolation and TLS at the edge. */
class SecurityRulesTest {

    static final List<String> PLATFORM = Overlays.PLATFORM;
    static final List<String> ALL = Overlays.ALL;

    /** Names that hold a secret; a token's issuer or a token's lifetime is configuration, a token itself is not. */
    static final Pattern SECRET_NAME =
            Pattern.compile("(?i).*(PASSWORD|SECRET|JAAS|PRIVATE_KEY|CREDENTIAL|API_KEY|(^|_)TOKEN$).*");

    @ParameterizedTest(name = "{0}")
    @FieldSource("ALL")
    void everyImageHasAVersionTagAndThePlatformsTheProjectVersion(String overlay) {
        Manifests m = Overlays.render(overlay);
        String version = Contract.projectVersion();
        List<String> problems = new ArrayList<>();
        int[] images = {0};
        for (JsonNode o : m.objects()) {
            eachImage(o, "", (path, image) -> {
                images[0]++;
                String where = Manifests.id(o) + " " + path + ": image '" + image + "'";
                int slash = image.lastIndexOf('/');
                String last = image.substring(slash + 1);
                boolean digest = image.contains("@sha256:");
                int colon = last.lastIndexOf(':');
                String tag = colon < 0 ? "" : last.substring(colon + 1);
                if (!digest && tag.isEmpty()) {
                    problems.add(where + " has no tag (means latest)");
                } else if ("latest".equals(tag)) {
                    problems.add(where + " is tagged latest");
                }
                String repository = colon < 0 ? image : image.substring(0, slash + 1 + colon);
                if (repository.startsWith("integrity/") && !version.equals(tag)) {
                    problems.add(where + ": a platform image must carry the project version " + version);
                }
            });
        }
        for (String service : Contract.MANAGEMENT_PORTS.keySet()) {
            m.named("Deployment", service).ifPresent(d -> {
                String image = WorkloadRulesTest.mainContainer(d, service)
                        .path("image")
                        .asText();
                if (!image.equals("integrity/" + service + ":" + version)) {
                    problems.add(Manifests.id(d) + ": image is '" + image + "', expected integrity/" + service + ":"
                            + version);
                }
            });
        }
        Overlays.assertNone("image tags (none latest, platform = project version)", overlay, images[0], problems);
    }

    @Test
    void productionHasNoPlaintextSecrets() {
        Manifests m = Overlays.render(Overlays.PRODUCTION);
        List<String> problems = new ArrayList<>();
        for (JsonNode s : m.kind("Secret")) {
            for (String field : List.of("data", "stringData")) {
                if (s.has(field) && !s.path(field).isEmpty()) {
                    problems.add(Manifests.id(s) + ": has " + field + " " + fieldNames(s.path(field))
                            + "; production secrets come from the cluster's secret store, not the repository");
                }
            }
        }
        int[] envs = {0};
        for (JsonNode w : m.workloads()) {
            Manifests.eachContainer(Manifests.podSpec(w), (field, c) -> {
                for (JsonNode env : c.path("env")) {
                    envs[0]++;
                    String name = env.path("name").asText();
                    if (SECRET_NAME.matcher(name).matches() && env.has("value")) {
                        problems.add(Manifests.id(w) + " " + field + ": env " + name
                                + " has a literal value; use valueFrom.secretKeyRef");
                    }
                }
            });
        }
        for (JsonNode cm : m.kind("ConfigMap")) {
            cm.path("data").fieldNames().forEachRemaining(key -> {
                if (SECRET_NAME.matcher(key).matches()) {
                    problems.add(Manifests.id(cm) + ": data key " + key + " looks like a secret in a ConfigMap");
                }
            });
        }
        Overlays.assertNone(
                "no plaintext secret in production",
                Overlays.PRODUCTION,
                m.kind("Secret").size() + m.kind("ConfigMap").size() + envs[0],
                problems);
    }

    @ParameterizedTest(name = "{0}")
    @FieldSource("PLATFORM")
    void aDefaultDenyNetworkPolicyExists(String overlay) {
        Manifests m = Overlays.render(overlay);
        List<String> problems = new ArrayList<>();
        boolean found = m.kind("NetworkPolicy").stream().anyMatch(np -> {
            JsonNode spec = np.path("spec");
            Set<String> types = new HashSet<>();
            spec.path("policyTypes").forEach(t -> types.add(t.asText()));
            return spec.path("podSelector").isObject()
                    && spec.path("podSelector").isEmpty()
                    && types.containsAll(Set.of("Ingress", "Egress"))
                    && spec.path("ingress").isEmpty()
                    && spec.path("egress").isEmpty();
        });
        if (!found) {
            problems.add("no NetworkPolicy with podSelector {}, policyTypes [Ingress, Egress] and no rules");
        }
        Overlays.assertNone(
                "default-deny NetworkPolicy", overlay, m.kind("NetworkPolicy").size(), problems);
    }

    @ParameterizedTest(name = "{0}")
    @FieldSource("PLATFORM")
    void theGatewayIsExposedByAnIngressWithACertManagerCertificate(String overlay) {
        Manifests m = Overlays.render(overlay);
        List<String> problems = new ArrayList<>();
        boolean gatewayRouted = false;
        for (JsonNode ingress : m.kind("Ingress")) {
            String id = Manifests.id(ingress);
            Set<String> hosts = new HashSet<>();
            for (JsonNode rule : ingress.path("spec").path("rules")) {
                hosts.add(rule.path("host").asText(""));
                for (JsonNode path : rule.path("http").path("paths")) {
                    gatewayRouted |= "gateway"
                            .equals(path.path("backend")
                                    .path("service")
                                    .path("name")
                                    .asText());
                }
            }
            JsonNode tls = ingress.path("spec").path("tls");
            if (tls.isEmpty()) {
                problems.add(id + ": spec.tls is empty");
                continue;
            }
            Set<String> tlsHosts = new HashSet<>();
            for (JsonNode t : tls) {
                t.path("hosts").forEach(h -> tlsHosts.add(h.asText()));
                String secret = t.path("secretName").asText("");
                List<JsonNode> certs = m.kind("Certificate").stream()
                        .filter(c -> WorkloadRulesTest.sameNamespace(c, ingress))
                        .filter(c ->
                                secret.equals(c.path("spec").path("secretName").asText()))
                        .toList();
                if (secret.isEmpty()) {
                    problems.add(id + ": a spec.tls entry has no secretName");
                } else if (certs.isEmpty()) {
                    problems.add(id + ": no cert-manager Certificate writes its TLS secret " + secret);
                }
                for (JsonNode cert : certs) {
                    Set<String> dns = new HashSet<>();
                    cert.path("spec").path("dnsNames").forEach(d -> dns.add(d.asText()));
                    t.path("hosts").forEach(h -> {
                        if (!dns.contains(h.asText())) {
                            problems.add(Manifests.id(cert) + ": dnsNames " + dns + " lack " + h.asText()
                                    + " served by " + id);
                        }
                    });
                }
            }
            hosts.removeAll(tlsHosts);
            if (!hosts.isEmpty()) {
                problems.add(id + ": hosts " + hosts + " are served without TLS");
            }
        }
        if (!gatewayRouted) {
            problems.add("no Ingress routes to Service gateway");
        }
        Overlays.assertNone(
                "Ingress with TLS from a cert-manager Certificate",
                overlay,
                m.kind("Ingress").size(),
                problems);
    }

    /** Every image reference of an object: workloads' containers and operators' image fields (image, imageName). */
    static void eachImage(JsonNode node, String path, BiConsumer<String, String> action) {
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> {
                String p = path.isEmpty() ? e.getKey() : path + "." + e.getKey();
                if ((e.getKey().equals("image") || e.getKey().equals("imageName"))
                        && e.getValue().isTextual()) {
                    action.accept(p, e.getValue().asText());
                } else {
                    eachImage(e.getValue(), p, action);
                }
            });
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                eachImage(node.get(i), path + "[" + i + "]", action);
            }
        }
    }

    static List<String> fieldNames(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
