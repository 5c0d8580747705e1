package nl.integrity.deploy.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The validation is only worth something if it rejects what is wrong: deliberately broken documents (misspelled
 * field, wrong type, missing required field, unknown kind) must fail, their correct twins must pass.
 */
class StrictnessTest {

    private final SchemaCatalog schemas = SchemaCatalog.get();

    static final String DEPLOYMENT = """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: web, namespace: integrity, labels: {app: web}}
            spec:
              replicas: 2
              selector: {matchLabels: {app: web}}
              template:
                metadata: {labels: {app: web}}
                spec:
                  containers:
                    - name: web
                      image: integrity/web:1.0.0
                      imagePullPolicy: IfNotPresent
                      resources: {requests: {cpu: 100m, memory: 128Mi}, limits: {cpu: "1", memory: 256Mi}}
            """;

    static final String KAFKA_TOPIC = """
            apiVersion: kafka.strimzi.io/v1
            kind: KafkaTopic
            metadata: {name: alumni.events, namespace: integrity, labels: {strimzi.io/cluster: kafka}}
            spec:
              partitions: 12
              replicas: 3
              config: {retention.ms: 604800000, cleanup.policy: delete}
            """;

    static final String CERTIFICATE = """
            apiVersion: cert-manager.io/v1
            kind: Certificate
            metadata: {name: portal, namespace: integrity}
            spec:
              secretName: portal-tls
              dnsNames: [portal.example.org]
              issuerRef: {name: letsencrypt, kind: ClusterIssuer}
            """;

    static final String REALM_IMPORT = """
            apiVersion: k8s.keycloak.org/v2alpha1
            kind: KeycloakRealmImport
            metadata: {name: integrity, namespace: integrity}
            spec:
              keycloakCRName: keycloak
              realm:
                realm: integrity
                enabled: true
                clients: [{clientId: portal, publicClient: true}]
            """;

    @Test
    void correctDocumentsPass() {
        for (String doc : List.of(DEPLOYMENT, KAFKA_TOPIC, CERTIFICATE, REALM_IMPORT)) {
            List<String> problems = schemas.validate(yaml(doc));
            assertEquals(List.of(), problems, "a correct document was rejected:\n" + doc);
        }
        Report.checked("strictness: correct documents pass", 4);
    }

    @Test
    void misspelledFieldsAreRejected() {
        rejected(
                "misspelled container field",
                DEPLOYMENT.replace("imagePullPolicy:", "imagePullPolicyy:"),
                "imagePullPolicyy");
        rejected("misspelled spec field", DEPLOYMENT.replace("replicas: 2", "replica: 2"), "replica");
        rejected(
                "unknown metadata field",
                DEPLOYMENT.replace("metadata: {name: web,", "metadata: {nam: web, name: web,"),
                "nam");
        rejected("misspelled CRD field", KAFKA_TOPIC.replace("partitions:", "partitons:"), "partitons");
        rejected("unknown CRD top-level field", KAFKA_TOPIC + "extra: {}\n", "extra");
        rejected("unknown field in a custom resource's metadata", KAFKA_TOPIC.replace("labels:", "label:"), "label");
        rejected("unknown realm field", REALM_IMPORT.replace("enabled: true", "enabld: true"), "enabld");
        Report.checked("strictness: misspelled fields rejected", 7);
    }

    @Test
    void wrongTypesAreRejected() {
        rejected("string for an integer", DEPLOYMENT.replace("replicas: 2", "replicas: two"), "replicas");
        rejected(
                "object for a string", DEPLOYMENT.replace("image: integrity/web:1.0.0", "image: {name: web}"), "image");
        rejected("string for a CRD integer", KAFKA_TOPIC.replace("partitions: 12", "partitions: twelve"), "partitions");
        rejected("string for a realm boolean", REALM_IMPORT.replace("enabled: true", "enabled: yes-please"), "enabled");
        Report.checked("strictness: wrong types rejected", 4);
    }

    @Test
    void missingRequiredFieldsAreRejected() {
        rejected(
                "Deployment without selector",
                DEPLOYMENT.replace("  selector: {matchLabels: {app: web}}\n", ""),
                "selector");
        rejected("container without name", DEPLOYMENT.replaceFirst("- name: web\\n\\s+image:", "- image:"), "name");
        rejected(
                "Certificate without issuerRef",
                CERTIFICATE.replace("  issuerRef: {name: letsencrypt, kind: ClusterIssuer}\n", ""),
                "issuerRef");
        rejected("realm import without realm", REALM_IMPORT.substring(0, REALM_IMPORT.indexOf("  realm:")), "realm");
        Report.checked("strictness: missing required fields rejected", 4);
    }

    @Test
    void kindsWithoutSchemaAreRejected() {
        rejected("a kind nobody vendored", DEPLOYMENT.replace("kind: Deployment", "kind: Deploymentt"), "no schema");
        rejected(
                "a retired API version",
                KAFKA_TOPIC.replace("kafka.strimzi.io/v1", "kafka.strimzi.io/v1beta2"),
                "no schema");
        Report.checked("strictness: kinds without schema rejected", 2);
    }

    private void rejected(String what, String doc, String mentioned) {
        List<String> problems = schemas.validate(yaml(doc));
        assertTrue(!problems.isEmpty(), what + ": the broken document passed validation:\n" + doc);
        assertTrue(
                problems.stream().anyMatch(p -> p.contains(mentioned)),
                what + ": rejected, but not for '" + mentioned + "': " + problems);
    }

    static JsonNode yaml(String doc) {
        try {
            return Manifests.YAML.readTree(doc);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
