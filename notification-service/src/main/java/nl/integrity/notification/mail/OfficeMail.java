package nl.integrity.notification.mail;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import nl.integrity.notification.NotificationConfig;
import nl.integrity.notification.alert.Alert;
import nl.integrity.notification.alert.AlertKind;
import nl.integrity.notification.delivery.Delivery;
import nl.integrity.notification.portal.PortalLinks;

/**
 * Mails an organisation's integrity mailbox, in the office's language, when an alert is critical:
 * a critical risk, or an overdue decision; unless the office reads a daily digest instead
 * ({@link OfficeDigest}). The mail is rendered now and queued as a delivery in
 * the caller's transaction; {@link MailDispatcher} sends it. These notices cannot be switched off.
 */
@ApplicationScoped
public class OfficeMail {

    private static final Map<AlertKind, String[]> CRITICAL_TITLES = Map.of(
            AlertKind.HIGH_RISK, new String[] {"Kritiek risico bij een melding", "Critical risk in a declaration"},
            AlertKind.DECISION_OVERDUE,
                    new String[] {"Besluit over een melding te laat", "Decision on a declaration overdue"});

    private final NotificationConfig.Mail policy;
    private final ObjectMapper json;
    private final Clock clock;
    private final Template nl;
    private final Template en;
    private final PortalLinks links;
    private final DateTimeFormatter when;

    OfficeMail(
            NotificationConfig config,
            ObjectMapper json,
            Clock clock,
            @Location("mail/office-alert-nl.txt") Template nl,
            @Location("mail/office-alert-en.txt") Template en,
            PortalLinks links) {
        this.policy = config.mail();
        this.json = json;
        this.clock = clock;
        this.nl = nl;
        this.en = en;
        this.links = links;
        this.when = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(policy.zone());
    }

    /**
     * Queues the mail to the alert's office if the alert is critical and the office has a mailbox
     * that wants critical alerts at once (a digest office reads it in the next digest).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void alertRaised(Alert alert) {
        NotificationConfig.Mail.Office office = policy.offices().get(alert.organisation());
        if (office == null
                || office.delivery() != NotificationConfig.Mail.Delivery.IMMEDIATE
                || !alert.critical()
                || Delivery.count(
                                "eventId = ?1 and channel = ?2 and recipient = ?3",
                                alert.sourceEventId(),
                                Delivery.Channel.EMAIL,
                                office.address())
                        > 0) {
            return; // not for the mailbox, or the office already has its mail about this event
        }
        boolean dutch = !"en".equals(office.language());
        String title = CRITICAL_TITLES.get(alert.kind())[dutch ? 0 : 1];
        String text = (dutch ? nl : en)
                .data("organisation", alert.organisation())
                .data("kind", title)
                .data("summary", alert.summaryIn(dutch))
                .data("raisedAt", when.format(alert.raisedAt()))
                .data("link", links.alert(alert.id()))
                .render();
        String payload = json.createObjectNode()
                .put("subject", (dutch ? "[Integriteit] " : "[Integrity] ") + title)
                .put("text", text)
                .toString();
        Delivery.pending(
                        Delivery.Channel.EMAIL,
                        alert.organisation(),
                        office.address(),
                        alert.sourceEventId(),
                        "alert:" + alert.kind(),
                        payload,
                        clock.instant())
                .about(alert.alumnusId())
                .persist();
    }
}
