package nl.integrity.notification.portal;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import nl.integrity.notification.NotificationConfig;

/** The portal's addresses that mail links to, on the portal's public address ({@code notification.portal-url}). */
@ApplicationScoped
public class PortalLinks {

    private final String portalUrl;

    PortalLinks(NotificationConfig config) {
        this.portalUrl = config.portalUrl().replaceAll("/+$", "");
    }

    /** The office's inbox with this alert in focus. */
    public String alert(UUID alertId) {
        return portalUrl + "/office/alerts/" + alertId;
    }

    /** The office's alert inbox. */
    public String alertInbox() {
        return portalUrl + "/office/alerts";
    }

    /** The alumnus' view of one of their declarations. */
    public String declaration(UUID declarationId) {
        return portalUrl + "/alumni/declarations/" + declarationId;
    }

    /** The alumnus' own page: record and duty to declare. */
    public String alumnusHome() {
        return portalUrl + "/alumni";
    }

    /** The alumnus' departure briefing, to read and acknowledge. */
    public String briefing() {
        return portalUrl + "/alumni/briefing";
    }

    /** Where the alumnus gives or withdraws alumni-network consent. */
    public String consent() {
        return portalUrl + "/alumni/consent";
    }
}
