package nl.integrity.gateway;

import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Addresses of the portal that are not files: the pages with an id in their path (the links in
 * mail lead there) are served by the page that reads the id from the address, and the address of
 * the briefing mail by the briefing's page. The files
 * themselves are in {@code META-INF/resources}; {@code /alumni}, {@code /office} and
 * {@code /admin} need a login (application.properties).
 */
@ApplicationScoped
public class PortalPages {

    private static final String UUID = "[0-9a-fA-F-]{36}";

    void register(@Observes Router router) {
        router.get("/login").handler(ctx -> ctx.redirect("/"));
        router.get("/alumni/consent").handler(ctx -> ctx.redirect("/alumni/#network"));
        router.get("/alumni/briefing").handler(ctx -> ctx.reroute("/alumni/briefing.html"));
        router.get("/alumni/my-data").handler(ctx -> ctx.reroute("/alumni/my-data.html"));
        router.getWithRegex("/alumni/declarations/" + UUID).handler(ctx -> ctx.reroute("/alumni/declaration.html"));
        router.getWithRegex("/office/declarations/" + UUID).handler(ctx -> ctx.reroute("/office/declaration.html"));
        // Office mail links to an alert: the inbox, with that alert in focus.
        router.getWithRegex("/office/alerts/" + UUID).handler(ctx -> ctx.reroute("/office/index.html"));
    }
}
