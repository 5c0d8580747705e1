package nl.integrity.notification.privacy;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import nl.integrity.notification.alert.Alert;
import nl.integrity.notification.alert.AlertKind;
import nl.integrity.notification.alert.AlertStatus;
import nl.integrity.notification.audit.AuditTrail;
import nl.integrity.notification.contact.AlumnusContact;
import nl.integrity.notification.delivery.Delivery;
import nl.integrity.notification.delivery.DeliveryStatus;
import nl.integrity.notification.mail.AlumnusMail;
import nl.integrity.notification.network.NetworkMail;
import nl.integrity.platform.audit.StaffAudit;
import nl.integrity.platform.security.Caller;
import nl.integrity.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Right of access (AVG/GDPR art. 15): everything notification-service holds about the calling
 * alumnus, as one JSON document, for the gateway's archive of all services. The token names the
 * alumnus' organisation and personnel number; the contact details from {@code alumni.events} link
 * those to the alumnus' id, by which alerts and mail are kept. An alumnus this service never heard
 * of gets an export that says so: no contact, nothing listed.
 */
@Path("/api/notifications/me/export")
@Tag(name = "Privacy")
@Produces(MediaType.APPLICATION_JSON)
public class ExportResource {

    static final String FILE_NAME = "my-data-notification-service.json";

    private final Caller caller;
    private final Clock clock;
    private final AuditTrail audit;
    private final NetworkMail networkMail;

    ExportResource(Caller caller, Clock clock, AuditTrail audit, NetworkMail networkMail) {
        this.caller = caller;
        this.clock = clock;
        this.audit = audit;
        this.networkMail = networkMail;
    }

    /** The address and language mail goes to, and the consent for network mail, as last changed. */
    public record ContactData(
            String email, String language, boolean networkConsent, Instant consentChangedAt, Instant updatedAt) {}

    /** An alert the integrity office got about me, or about one of my declarations. */
    public record AlertData(
            UUID id,
            AlertKind kind,
            AlertStatus status,
            Instant raisedAt,
            Instant resolvedAt,
            String summary,
            String summaryNl) {}

    /** A mail sent (or to be sent) to me: its subject in my language, not its text (kept 30 days at most). */
    public record MailData(
            UUID id, String subject, String eventType, DeliveryStatus status, Instant createdAt, Instant sentAt) {}

    /**
     * Who at the office looked at or acted on my data here (an alert inbox page that showed me, an
     * alert about me handled), by role and not by name (CJEU C-579/21), and why where a purpose was
     * given; {@code listed} when I was one of a list shown.
     */
    public record Access(Instant occurredAt, String actorRole, String action, String purpose, boolean listed) {}

    public record PersonalDataExport(
            Instant generatedAt,
            String controller,
            ContactData contact,
            List<AlertData> alerts,
            List<MailData> mailDeliveries,
            List<Access> accessLog) {}

    @GET
    @RolesAllowed(Roles.ALUMNUS)
    @Transactional
    @Operation(
            summary = "Download everything notification-service holds about me",
            description =
                    "My e-mail address and language as held for notices, my consent for network mail and when it changed, "
                            + "the alerts the integrity office got about me (kind, status, raised and resolved, summary), the mail sent to "
                            + "me (subject, status, dates), and who at the office saw or handled them (by role) when and why. Answered as "
                            + "a download, "
                            + FILE_NAME
                            + ".")
    @APIResponse(
            responseCode = "200",
            description = "The export",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = PersonalDataExport.class)))
    public Response export() {
        String organisation = caller.organisation();
        var contact = AlumnusContact.byPersonnelNumber(organisation, caller.personnelNumber());
        var export = contact.map(c -> exportOf(organisation, c))
                .orElseGet(() -> new PersonalDataExport(
                        clock.instant(), controller(organisation), null, List.of(), List.of(), List.of()));
        return Response.ok(export)
                .header("Content-Disposition", "attachment; filename=\"" + FILE_NAME + "\"")
                .build();
    }

    private PersonalDataExport exportOf(String organisation, AlumnusContact contact) {
        UUID alumnusId = contact.alumnusId();
        boolean english = "en".equals(contact.language());
        List<Alert> alerts = Alert.list(
                "alumnusId = ?1 or declarationId in (select a.declarationId from Alert a where a.alumnusId = ?1)"
                        + " order by raisedAt, id",
                alumnusId);
        List<Delivery> mail = Delivery.list(
                "alumnusId = ?1 and channel = ?2 and (recipient = ?3 or lower(recipient) = lower(?4)) order by createdAt, id",
                alumnusId,
                Delivery.Channel.EMAIL,
                AlumnusContact.RECIPIENT_PREFIX + alumnusId,
                contact.email() == null ? "" : contact.email());
        List<StaffAudit.AuditRecord> trail = new ArrayList<>(audit.of(AuditTrail.ALUMNUS, List.of(alumnusId)));
        trail.addAll(audit.of(AuditTrail.ALERT, alerts.stream().map(Alert::id).toList()));
        return new PersonalDataExport(
                clock.instant(),
                controller(organisation),
                new ContactData(
                        contact.email(),
                        contact.language(),
                        contact.networkConsent(),
                        contact.consentChangedAt(),
                        contact.updatedAt()),
                alerts.stream()
                        .map(a -> new AlertData(
                                a.id(), a.kind(), a.status(), a.raisedAt(), a.resolvedAt(), a.summary(), a.summaryNl()))
                        .toList(),
                mail.stream()
                        .map(d -> new MailData(
                                d.id(), subjectOf(d, english), d.eventType(), d.status(), d.createdAt(), d.sentAt()))
                        .toList(),
                trail.stream()
                        .sorted(Comparator.comparing(StaffAudit.AuditRecord::occurredAt))
                        .map(e -> new Access(e.occurredAt(), e.actorRole(), e.action(), e.purpose(), e.listed()))
                        .toList());
    }

    /** The subject the mail had, from what kind of mail it was (its text may be gone already). */
    private String subjectOf(Delivery d, boolean english) {
        if (NetworkMail.EVENT_TYPE.equals(d.eventType())) {
            return networkMail.subject(d.eventId(), english).orElse(null);
        }
        return AlumnusMail.Notice.sentFor(d.eventType())
                .map(n -> n.subject(english))
                .orElse(null);
    }

    private static String controller(String organisation) {
        return "Integrity office of " + organisation;
    }
}
