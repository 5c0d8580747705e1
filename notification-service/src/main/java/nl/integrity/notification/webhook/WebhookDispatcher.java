package nl.integrity.notification.webhook;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.stream.Collectors;
import nl.integrity.notification.alert.Alert;
import nl.integrity.notification.alert.AlertKind;
import nl.integrity.notification.alert.AlertText;
import nl.integrity.notification.delivery.Delivery;
import nl.integrity.notification.delivery.DeliveryQueue;
import nl.integrity.notification.delivery.DeliveryStatus;
import org.jboss.logging.Logger;

/**
 * Sends due webhook deliveries, apart from consuming: a slow or dead receiver never holds up the
 * Kafka consumer. Each run claims a batch with {@code FOR UPDATE SKIP LOCKED} and a lease (so
 * several instances share the work and a crashed instance's claims come due again), posts them
 * signed and in parallel outside any transaction, and records each outcome: sent; failed, due
 * again after the next wait of the schedule (with jitter); or dead after the last attempt.
 * Subscriptions that keep failing are disabled, with an alert.
 */
@ApplicationScoped
public class WebhookDispatcher {

    private static final Logger LOG = Logger.getLogger(WebhookDispatcher.class);

    private final DeliveryQueue queue;
    private final WebhookPolicy policy;
    private final Clock clock;
    private final HttpClient http;

    WebhookDispatcher(DeliveryQueue queue, WebhookPolicy policy, Clock clock) {
        this.queue = queue;
        this.policy = policy;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(policy.timeout()).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** The outcome of one attempt: a status code, or the error that prevented one. */
    record Attempt(UUID deliveryId, Integer statusCode, String error) {
        boolean succeeded() {
            return statusCode != null && statusCode >= 200 && statusCode < 300;
        }
    }

    @Scheduled(every = "${notification.webhooks.poll-interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
               skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void tick() {
        try {
            while (dispatchOnce() == policy.batchSize()) {
                LOG.debug("Full batch dispatched; taking the next");
            }
            disableFailingSubscriptions();
        } catch (RuntimeException e) {
            LOG.warnf("Webhook dispatch run failed, the next run retries: %s", e.getMessage());
        }
    }

    /** Claims, sends and records one batch; returns how many deliveries it tried. */
    public int dispatchOnce() {
        List<Delivery> batch = queue.claim(Delivery.Channel.WEBHOOK, policy.batchSize(), policy.lease());
        if (batch.isEmpty()) {
            return 0;
        }
        Map<UUID, WebhookSubscription> subscriptions = QuarkusTransaction.requiringNew().call(() ->
                WebhookSubscription.<WebhookSubscription>list("id in ?1", batch.stream().map(d -> d.subscriptionId).toList())
                        .stream().collect(Collectors.toMap(s -> s.id, Function.identity())));
        List<Attempt> attempts = batch.stream()
                .map(d -> send(d, subscriptions.get(d.subscriptionId)))
                .toList().stream().map(CompletableFuture::join).toList();
        QuarkusTransaction.requiringNew().run(() -> attempts.forEach(this::record));
        return batch.size();
    }

    private CompletableFuture<Attempt> send(Delivery d, WebhookSubscription subscription) {
        if (subscription == null || !subscription.enabled) {
            return CompletableFuture.completedFuture(new Attempt(d.id, null, "subscription disabled"));
        }
        long timestamp = clock.instant().getEpochSecond();
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(URI.create(subscription.url))
                    .timeout(policy.timeout())
                    .header("Content-Type", "application/json")
                    .header("webhook-id", d.id.toString())
                    .header("webhook-timestamp", Long.toString(timestamp))
                    .header("webhook-signature", WebhookSignature.sign(subscription.secret, d.id.toString(), timestamp, d.payload))
                    .POST(HttpRequest.BodyPublishers.ofString(d.payload, StandardCharsets.UTF_8))
                    .build();
        } catch (IllegalArgumentException e) {
            return CompletableFuture.completedFuture(new Attempt(d.id, null, "invalid URL: " + e.getMessage()));
        }
        return http.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                .thenApply(response -> new Attempt(d.id, response.statusCode(),
                        response.statusCode() / 100 == 2 ? null : "HTTP " + response.statusCode()))
                .exceptionally(e -> new Attempt(d.id, null, describe(e)));
    }

    private void record(Attempt attempt) {
        Delivery d = Delivery.findById(attempt.deliveryId());
        WebhookSubscription subscription = d.subscriptionId == null ? null : WebhookSubscription.findById(d.subscriptionId);
        if (attempt.succeeded()) {
            queue.sent(d, attempt.statusCode());
            if (subscription != null) {
                subscription.failingSince = null;
            }
            return;
        }
        boolean disabled = subscription == null || !subscription.enabled;
        queue.failed(d, attempt.statusCode(), attempt.error(), policy.retrySchedule(), policy.jitter(), disabled);
        if (subscription != null && subscription.failingSince == null) {
            subscription.failingSince = clock.instant();
        }
    }

    /** Subscriptions failing without a success for longer than allowed are disabled; their open deliveries die. */
    void disableFailingSubscriptions() {
        QuarkusTransaction.requiringNew().run(() -> {
            Instant now = clock.instant();
            List<WebhookSubscription> failing = WebhookSubscription.list("enabled = true and failingSince < ?1",
                    now.minus(policy.disableAfter()));
            for (WebhookSubscription s : failing) {
                s.enabled = false;
                s.disabledReason = "Every delivery failed since " + s.failingSince;
                Delivery.update("status = ?1, nextAttemptAt = null, lastError = ?2 where subscriptionId = ?3 and status in ?4",
                        DeliveryStatus.DEAD, "subscription disabled", s.id, List.of(DeliveryStatus.PENDING, DeliveryStatus.FAILED));
                // One alert per failing period: its id follows from the subscription and when the failing began.
                UUID source = UUID.nameUUIDFromBytes((s.id + "@" + s.failingSince).getBytes(StandardCharsets.UTF_8));
                Alert.raise(s.organisation, AlertKind.WEBHOOK_DISABLED, new AlertText(
                        "Webhook-abonnement " + s.id + " is uitgezet: elke aflevering mislukt sinds " + s.failingSince,
                        "Webhook subscription " + s.id + " was disabled: every delivery failed since " + s.failingSince),
                        source, now).persist();
                LOG.warnf("Disabled webhook subscription %s (%s): failing since %s", s.id, s.url, s.failingSince);
            }
        });
    }

    private static String describe(Throwable e) {
        Throwable cause = e.getCause() != null ? e.getCause() : e;
        return cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
    }
}
