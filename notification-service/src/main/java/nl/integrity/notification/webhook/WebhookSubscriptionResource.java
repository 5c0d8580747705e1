package nl.integrity.notification.webhook;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import nl.integrity.notification.NotificationConfig;
import nl.integrity.notification.audit.AuditTrail;
import nl.integrity.notification.delivery.Delivery;
import nl.integrity.platform.problem.InvalidField;
import nl.integrity.platform.problem.NotFound;
import nl.integrity.platform.security.Caller;
import nl.integrity.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Webhook subscriptions of the caller's organisation, for integrity administrators. The secret
 * is shown once, when the subscription is created or its secret rotated; receivers verify each
 * delivery with it. URLs are https to the internet ({@link WebhookTargets}); event types are
 * those published ({@link PublishedEvents}).
 */
@Path("/api/webhook-subscriptions")
@Tag(name = "Webhooks")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class WebhookSubscriptionResource {

    private final Caller caller;
    private final Clock clock;
    private final WebhookTargets targets;
    private final NotificationConfig.Webhooks policy;
    private final AuditTrail audit;

    WebhookSubscriptionResource(
            Caller caller, Clock clock, WebhookTargets targets, NotificationConfig config, AuditTrail audit) {
        this.caller = caller;
        this.clock = clock;
        this.targets = targets;
        this.policy = config.webhooks();
        this.audit = audit;
    }

    public record SubscriptionRequest(
            @NotBlank @Size(max = 2000) String url,
            @NotEmpty @Size(max = 50) List<@NotBlank @Size(max = 200) String> eventTypes,
            @Size(max = 500) String description,
            Boolean enabled) {}

    public record SubscriptionView(
            UUID id,
            String organisation,
            String url,
            List<String> eventTypes,
            String description,
            boolean enabled,
            String disabledReason,
            Instant failingSince,
            Instant createdAt,
            String createdBy,
            String secret,
            Instant previousSecretValidUntil) {

        static SubscriptionView of(WebhookSubscription s, boolean withSecret) {
            return new SubscriptionView(
                    s.id(),
                    s.organisation(),
                    s.url(),
                    s.eventTypes(),
                    s.description(),
                    s.enabled(),
                    s.disabledReason(),
                    s.failingSince(),
                    s.createdAt(),
                    s.createdBy(),
                    withSecret ? s.secret() : null,
                    s.previousSecretUntil());
        }
    }

    public record ReplayResult(int replayed) {}

    @POST
    @Transactional
    @Operation(
            summary = "Subscribe an external system",
            description =
                    "The URL is https, to a host on the internet (plain http and internal addresses only for the hosts "
                            + "the office trusts). eventTypes are the published CloudEvents types (docs/webhooks.md) such as "
                            + "nl.integrity.declaration.decided.v1, or * for all of the organisation's events. The response carries "
                            + "the signing secret; it is not shown again.")
    public Response create(@Valid @NotNull SubscriptionRequest request) {
        String organisation = caller.organisation();
        var s = WebhookSubscription.subscribe(
                organisation,
                target(request),
                request.eventTypes(),
                request.description(),
                request.enabled() == null || request.enabled(),
                WebhookSignature.newSecret(),
                caller.username(),
                clock.instant());
        s.persist();
        audit.record(
                AuditTrail.WEBHOOK_SUBSCRIBED, AuditTrail.WEBHOOK_SUBSCRIPTION, s.id(), organisation, described(s));
        return Response.created(URI.create("/api/webhook-subscriptions/" + s.id()))
                .entity(SubscriptionView.of(s, true))
                .build();
    }

    @GET
    @Operation(summary = "The organisation's subscriptions")
    public List<SubscriptionView> list() {
        return WebhookSubscription.<WebhookSubscription>list(
                        "organisation = ?1 order by createdAt", caller.organisation())
                .stream()
                .map(s -> SubscriptionView.of(s, false))
                .toList();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One subscription")
    public SubscriptionView byId(@PathParam("id") UUID id) {
        return SubscriptionView.of(own(id), false);
    }

    @PUT
    @Path("/{id}")
    @Transactional
    @Operation(
            summary = "Change URL, event types or description; enable again",
            description =
                    "Enabling a disabled subscription clears its failure record; replay its dead deliveries afterwards.")
    public SubscriptionView update(@PathParam("id") UUID id, @Valid @NotNull SubscriptionRequest request) {
        var s = own(id);
        s.change(target(request), request.eventTypes(), request.description());
        if (Boolean.TRUE.equals(request.enabled())) {
            s.enable();
        } else if (Boolean.FALSE.equals(request.enabled())) {
            s.disable(caller.username());
        }
        audit.record(AuditTrail.WEBHOOK_CHANGED, AuditTrail.WEBHOOK_SUBSCRIPTION, id, s.organisation(), described(s));
        return SubscriptionView.of(s, false);
    }

    @POST
    @Path("/{id}/secret-rotation")
    @Consumes(MediaType.WILDCARD)
    @Transactional
    @Operation(
            summary = "Give the subscription a new signing secret",
            description = "The response carries the new secret, once. The previous secret keeps signing beside it "
                    + "(a second v1 signature in webhook-signature) until previousSecretValidUntil, so the receiver can switch "
                    + "without missing a message.")
    public SubscriptionView rotateSecret(@PathParam("id") UUID id) {
        var s = own(id);
        s.rotateSecret(WebhookSignature.newSecret(), clock.instant().plus(policy.secretOverlap()));
        audit.record(AuditTrail.WEBHOOK_SECRET_ROTATED, AuditTrail.WEBHOOK_SUBSCRIPTION, id, s.organisation(), null);
        return SubscriptionView.of(s, true);
    }

    @POST
    @Path("/{id}/dead-deliveries/replay")
    @Consumes(MediaType.WILDCARD)
    @Transactional
    @Operation(summary = "Send every dead delivery of the subscription again, from the first attempt")
    public ReplayResult replayDead(@PathParam("id") UUID id) {
        var s = own(id);
        List<Delivery> dead = Delivery.deadOf(s.id());
        Instant now = clock.instant();
        dead.forEach(d -> d.replay(now));
        audit.record(
                AuditTrail.WEBHOOK_DEAD_REPLAYED,
                AuditTrail.WEBHOOK_SUBSCRIPTION,
                id,
                s.organisation(),
                dead.size() + " deliveries");
        return new ReplayResult(dead.size());
    }

    /**
     * What the subscription is now, for the audit trail: to which host (not the whole URL, which may
     * carry a receiver's token), for which types, whether enabled.
     */
    private static String described(WebhookSubscription s) {
        return (s.enabled() ? "enabled, " : "disabled, ") + URI.create(s.url()).getHost() + ", "
                + String.join(",", s.eventTypes());
    }

    private WebhookSubscription own(UUID id) {
        return WebhookSubscription.<WebhookSubscription>findByIdOptional(id)
                .filter(s -> s.organisation().equals(caller.organisation()))
                .orElseThrow(() -> new NotFound("Webhook subscription", id));
    }

    /** The request's URL, when it may be subscribed. */
    private URI target(SubscriptionRequest request) {
        try {
            return targets.checkSubscribed(request.url());
        } catch (WebhookTargets.Refused e) {
            throw new InvalidField("url", e.getMessage());
        }
    }
}
