package nl.integrity.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;
import org.junit.jupiter.api.Test;

/** The gateway's uri label: a route's resource or a portal path, never what a caller made up. */
class ApplicationTagTest {

    private static final Set<String> RESOURCES = Set.of("/api/alumni", "/api/declarations");

    @Test
    void anApiPathIsItsResource_withoutIdsOrWhatFollows() {
        assertEquals("/api/alumni/**", ApplicationTag.route("/api/alumni/4f1c9a/exit-interview", RESOURCES));
        assertEquals("/api/declarations", ApplicationTag.route("/api/declarations", RESOURCES));
    }

    @Test
    void aPathNoRouteServesIsOther_soCallersCannotGrowTheLabel() {
        assertEquals("/api/other", ApplicationTag.route("/api/jan-de-vries", RESOURCES));
        assertEquals("/api/other", ApplicationTag.route("/api/alumnix/1", RESOURCES));
        assertEquals("/other", ApplicationTag.route("/wp-admin/setup.php", RESOURCES));
    }

    @Test
    void portalPathsKeepTheirApplication() {
        assertEquals("/office/**", ApplicationTag.route("/office/declarations/123", RESOURCES));
        assertEquals("/", ApplicationTag.route("/", RESOURCES));
        assertEquals("/portal.js", ApplicationTag.route("/portal.js", RESOURCES));
    }
}
