package nl.integrity.notification.network;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.integrity.notification.audit.AuditTrail;
import nl.integrity.notification.delivery.DeliveryStatus;
import nl.integrity.platform.problem.NotFound;
import nl.integrity.platform.security.Caller;
import nl.integrity.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Mail to the alumni network of the caller's organisation (newsletters, invitations): it rests on
 * consent, so it goes only to alumni whose latest consent is given, and a withdrawal before the
 * mail is sent still stops it. Legally required notices never go this way.
 */
@Path("/api/network-mailings")
@Tag(name = "Alumni network")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.OFFICER, Roles.ADMIN})
public class NetworkMailingResource {

    private final Caller caller;
    private final Clock clock;
    private final NetworkMail mail;
    private final AuditTrail audit;

    NetworkMailingResource(Caller caller, Clock clock, NetworkMail mail, AuditTrail audit) {
        this.caller = caller;
        this.clock = clock;
        this.mail = mail;
        this.audit = audit;
    }

    /** Dutch is required; English is optional (English readers get the Dutch text without it). */
    public record MailingRequest(
            @NotBlank @Size(max = 200) String subjectNl,
            @NotBlank @Size(max = 20000) String textNl,
            @Size(max = 200) String subjectEn,
            @Size(max = 20000) String textEn) {}

    public record MailingView(
            UUID id,
            String organisation,
            String subjectNl,
            String textNl,
            String subjectEn,
            String textEn,
            int recipients,
            Map<DeliveryStatus, Long> deliveries,
            String createdBy,
            Instant createdAt) {}

    public record Page(List<MailingView> items, int page, int size, long total) {}

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    @Operation(
            summary = "Mail the organisation's alumni network",
            description =
                    "Queues one mail per alumnus who consented to network mail and has an address. The text is sent "
                            + "as plain text, as written, with a footer on how to withdraw consent. Answers 201 with the number of "
                            + "recipients; follow the Location for progress.")
    public Response send(@Valid @NotNull MailingRequest request) {
        var content = new NetworkMailing.Content(
                request.subjectNl(), request.textNl(), request.subjectEn(), request.textEn());
        var m = NetworkMailing.write(caller.organisation(), content, caller.username(), clock.instant());
        m.persist();
        m.queuedFor(mail.queueToConsenting(m));
        audit.record(
                AuditTrail.NETWORK_MAILING_SENT,
                AuditTrail.NETWORK_MAILING,
                m.id(),
                m.organisation(),
                m.recipients() + " recipients");
        return Response.created(URI.create("/api/network-mailings/" + m.id()))
                .entity(view(m))
                .build();
    }

    @GET
    @Operation(summary = "The organisation's mailings, newest first")
    public Page list(
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        List<NetworkMailing> mailings = NetworkMailing.pageOf(caller.organisation(), page, size);
        Map<UUID, Map<DeliveryStatus, Long>> counts =
                mail.countByStatus(mailings.stream().map(NetworkMailing::id).toList());
        return new Page(
                mailings.stream()
                        .map(m -> view(m, counts.getOrDefault(m.id(), Map.of())))
                        .toList(),
                page,
                size,
                NetworkMailing.countOf(caller.organisation()));
    }

    @GET
    @Path("/{id}")
    @Operation(
            summary = "One mailing, with its deliveries counted by status",
            description = "CANCELLED deliveries were not sent because the alumnus withdrew consent in the meantime.")
    public MailingView byId(@PathParam("id") UUID id) {
        return view(NetworkMailing.<NetworkMailing>findByIdOptional(id)
                .filter(m -> m.organisation().equals(caller.organisation()))
                .orElseThrow(() -> new NotFound("Network mailing", id)));
    }

    private MailingView view(NetworkMailing m) {
        return view(m, mail.countByStatus(List.of(m.id())).getOrDefault(m.id(), Map.of()));
    }

    private static MailingView view(NetworkMailing m, Map<DeliveryStatus, Long> counts) {
        return new MailingView(
                m.id(),
                m.organisation(),
                m.subjectNl(),
                m.textNl(),
                m.subjectEn(),
                m.textEn(),
                m.recipients(),
                counts,
                m.createdBy(),
                m.createdAt());
    }
}
