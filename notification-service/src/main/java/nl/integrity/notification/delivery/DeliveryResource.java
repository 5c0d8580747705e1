package nl.integrity.notification.delivery;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import nl.integrity.notification.audit.AuditTrail;
import nl.integrity.notification.contact.AlumnusContact;
import nl.integrity.platform.problem.InvalidField;
import nl.integrity.platform.problem.NotFound;
import nl.integrity.platform.security.Caller;
import nl.integrity.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The delivery log of the caller's organisation, for integrity administrators; replay of one delivery. */
@Path("/api/deliveries")
@Tag(name = "Deliveries")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class DeliveryResource {

    private final Caller caller;
    private final Clock clock;
    private final DeliveryLog deliveryLog;
    private final AuditTrail audit;

    DeliveryResource(Caller caller, Clock clock, DeliveryLog deliveryLog, AuditTrail audit) {
        this.caller = caller;
        this.clock = clock;
        this.deliveryLog = deliveryLog;
        this.audit = audit;
    }

    public record DeliveryView(
            UUID id,
            Delivery.Channel channel,
            UUID subscriptionId,
            String recipient,
            UUID eventId,
            String eventType,
            DeliveryStatus status,
            int attempts,
            Instant nextAttemptAt,
            String lastError,
            Integer lastStatusCode,
            Instant createdAt,
            Instant sentAt) {

        static DeliveryView of(Delivery d) {
            return new DeliveryView(
                    d.id(),
                    d.channel(),
                    d.subscriptionId(),
                    d.recipient(),
                    d.eventId(),
                    d.eventType(),
                    d.status(),
                    d.attempts(),
                    d.nextAttemptAt(),
                    d.lastError(),
                    d.lastStatusCode(),
                    d.createdAt(),
                    d.sentAt());
        }
    }

    public record Page(List<DeliveryView> items, int page, int size, long total) {}

    @GET
    @Operation(
            summary = "The delivery log, newest first",
            description =
                    "Every message with its channel, recipient, event, status (PENDING, SENT, FAILED: will retry, DEAD), "
                            + "attempts, next attempt and last error; filter by status, subscription or event. The audit trail "
                            + "records which alumni the page showed mail to.")
    public Page log(
            @QueryParam("status") List<String> status,
            @QueryParam("subscriptionId") UUID subscriptionId,
            @QueryParam("eventId") UUID eventId,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(200) int size) {
        String organisation = caller.organisation();
        var filter = new DeliveryLog.Filter(
                InvalidField.enumValues("status", DeliveryStatus.class, status), subscriptionId, eventId);
        var found = deliveryLog.page(filter, organisation, page, size);
        audit.listedAlumni(
                AuditTrail.LIST_DELIVERIES,
                found.deliveries().stream()
                        .map(DeliveryResource::mailedAlumnus)
                        .filter(Objects::nonNull)
                        .toList(),
                organisation,
                (filter.describe() + " page=" + page).trim());
        return new Page(found.deliveries().stream().map(DeliveryView::of).toList(), page, size, found.total());
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One delivery")
    public DeliveryView byId(@PathParam("id") UUID id) {
        var d = own(id);
        UUID alumnus = mailedAlumnus(d);
        if (alumnus != null) {
            audit.record(AuditTrail.READ_DELIVERY, AuditTrail.ALUMNUS, alumnus, d.organisation(), "delivery " + id);
        }
        return DeliveryView.of(d);
    }

    @POST
    @Path("/{id}/replay")
    @Consumes(MediaType.WILDCARD)
    @Transactional
    @Operation(
            summary = "Send a delivery again, from the first attempt (same message id, so receivers can deduplicate)")
    public DeliveryView replay(@PathParam("id") UUID id) {
        var d = own(id);
        d.replay(clock.instant());
        audit.record(AuditTrail.DELIVERY_REPLAYED, AuditTrail.DELIVERY, id, d.organisation(), d.eventType());
        return DeliveryView.of(d);
    }

    /**
     * The alumnus a delivery shows to an administrator: the one a mail went to (its recipient names
     * them); null for a webhook or an office mail, whose view names no one.
     */
    private static UUID mailedAlumnus(Delivery d) {
        return d.channel() == Delivery.Channel.EMAIL && d.recipient().startsWith(AlumnusContact.RECIPIENT_PREFIX)
                ? d.alumnusId()
                : null;
    }

    private Delivery own(UUID id) {
        return Delivery.<Delivery>findByIdOptional(id)
                .filter(d -> d.organisation().equals(caller.organisation()))
                .orElseThrow(() -> new NotFound("Delivery", id));
    }
}
