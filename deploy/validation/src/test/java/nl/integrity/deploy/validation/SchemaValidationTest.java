package nl.integrity.deploy.validation;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * Every rendered object against its schema: Kubernetes' strict definitions for built-in kinds, the operators'
 * released CRD schemas (made strict, see {@link SchemaCatalog#strict}) for custom resources. A kind without a
 * schema fails.
 */
class SchemaValidationTest {

    static final List<String> OVERLAYS = Overlays.ALL;

    @ParameterizedTest(name = "{0}")
    @FieldSource("OVERLAYS")
    void everyObjectMatchesItsSchema(String overlay) {
        Manifests m = Overlays.render(overlay);
        SchemaCatalog schemas = SchemaCatalog.get();
        List<String> problems = new ArrayList<>();
        if (m.objects().isEmpty()) {
            problems.add("the overlay renders no objects");
        }
        for (var object : m.objects()) {
            for (String p : schemas.validate(object)) {
                problems.add(Manifests.id(object) + ": " + p);
            }
        }
        Overlays.assertNone("schema validation", overlay, m.objects().size(), problems);
    }

    @ParameterizedTest(name = "{0}")
    @FieldSource("OVERLAYS")
    void everyObjectHasANameAndTheNamespace(String overlay) {
        Manifests m = Overlays.render(overlay);
        List<String> problems = new ArrayList<>();
        for (var o : m.objects()) {
            if (Manifests.name(o).isEmpty()) {
                problems.add(Manifests.id(o) + ": metadata.name is missing");
            }
            String kind = o.path("kind").asText();
            String ns = o.path("metadata").path("namespace").asText("");
            boolean clusterScoped = List.of("Namespace", "ClusterIssuer", "ClusterRole", "ClusterRoleBinding")
                    .contains(kind);
            if (!clusterScoped && ns.isEmpty()) {
                problems.add(Manifests.id(o) + ": metadata.namespace is not set (kustomize 'namespace:' missing?)");
            }
        }
        Overlays.assertNone("name and namespace set", overlay, m.objects().size(), problems);
    }
}
