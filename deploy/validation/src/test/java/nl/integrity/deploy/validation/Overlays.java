package nl.integrity.deploy.validation;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;

/** The rendered directories and the shared way a check reports what it found. */
final class Overlays {

    static final String DEMO = "deploy/k8s/overlays/demo";
    static final String PRODUCTION = "deploy/k8s/overlays/production";
    static final String OBSERVABILITY = "deploy/observability";

    /** The overlays that deploy the platform (the observability directory only adds rules and dashboards). */
    static final List<String> PLATFORM = List.of(DEMO, PRODUCTION);

    static final List<String> ALL = List.of(DEMO, PRODUCTION, OBSERVABILITY);

    private Overlays() {}

    static Manifests render(String overlay) {
        Manifests m = Kubectl.render(overlay);
        Report.rendered(m);
        return m;
    }

    /** Fails with every problem listed, one a line; otherwise counts the check as passed over {@code items}. */
    static void assertNone(String check, String overlay, int items, List<String> problems) {
        if (!problems.isEmpty()) {
            fail(check + " — " + problems.size() + " problem(s) in " + overlay + ":\n  "
                    + String.join("\n  ", problems));
        }
        Report.checked(check + " [" + overlay + "]", items);
    }
}
