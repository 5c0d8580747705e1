package nl.integrity.notification.webhook;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PreDestroy;
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
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import nl.integrity.notification.NotificationConfig;
import nl.integrity.notification.alert.Alert;
import nl.integrity.notification.alert.AlertKind;
import nl.integrity.notification.alert.AlertTexts;
import nl.integrity.notification.delivery.Delivery;
import nl.integrity.notification.delivery.DeliveryQueue;
import nl.integrity.notification.delivery.DeliveryStatus;
import nl.integrity.platform.tracing.TraceParents;
import org.jboss.logging.Logger;

/**
 * Sends due webhook deliveries, apart from consuming: a slow or dead receiver never holds up the
 * Kafka consumer. Deliveries are claimed with {@code FOR UPDATE SKIP LOCKED} and a lease (so
 * several instances share the work and a crashed instance's claims come due again), posted
 * signed, and each outcome is recorded as soon as it is known: sent; failed, due again after the
 * next wait of the schedule (with jitter); dead after the last attempt or at once when the target
 * is no longer allowed. Subscriptions that keep failing are disabled, with an alert.
 *
 * <p>Bounded, and fair between receivers: at most {@code max-in-flight} deliveries are under way
 * on this instance, on a fixed pool of {@code sender-threads}, and at most {@code per-subscription}
 * of one subscription at a time, so a receiver that times out or has a backlog never takes the
 * turns of the others. Before each delivery the URL is checked again on what its name resolves
 * to now ({@link WebhookTargets}).
 */
@ApplicationScoped
class WebhookDispatcher {

    private static final Logger LOG = Logger.getLogger(WebhookDispatcher.class);

    private final DeliveryQueue queue;
    private final NotificationConfig.Webhooks policy;
    private final WebhookTargets targets;
    private final Clock clock;
    private final AlertTexts texts;
    private final ExecutorService senders;
    private final HttpClient http;
    private final Semaphore slots;
    private final Map<UUID, AtomicInteger> inFlight = new ConcurrentHashMap<>();
    /** Claiming runs on one thread; each finished delivery wakes it, so a freed slot is used at once. */
    private final ExecutorService claimer = Executors.newSingleThreadExecutor(r -> new Thread(r, "webhook-claimer"));

    private final java.util.concurrent.atomic.AtomicBoolean claimQueued =
            new java.util.concurrent.atomic.AtomicBoolean();

    private final Tracer tracer;

    WebhookDispatcher(
            DeliveryQueue queue,
            NotificationConfig config,
            WebhookTargets targets,
            Clock clock,
            AlertTexts texts,
            Tracer tracer) {
        this.queue = queue;
        this.tracer = tracer;
        this.texts = texts;
        this.policy = config.webhooks();
        this.targets = targets;
        this.clock = clock;
        this.senders = Executors.newFixedThreadPool(policy.senderThreads(), r -> {
            Thread t = new Thread(r, "webhook-sender");
            t.setDaemon(true);
            return t;
        });
        this.http = HttpClient.newBuilder()
                .connectTimeout(policy.timeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .executor(senders)
                .build();
        this.slots = new Semaphore(policy.maxInFlight());
    }

    @PreDestroy
    void stop() {
        claimer.shutdownNow();
        senders.shutdownNow();
    }

    /** The outcome of one attempt: a status code, or the error that prevented one; {@code final} when no retry can help. */
    record Attempt(UUID deliveryId, UUID subscriptionId, Integer statusCode, String error, boolean giveUp) {
        boolean succeeded() {
            return statusCode != null && statusCode >= 200 && statusCode < 300;
        }
    }

    @Scheduled(
            every = "${notification.webhooks.poll-interval:1s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void tick() {
        wakeUp();
        try {
            disableFailingSubscriptions();
        } catch (RuntimeException e) {
            LOG.warnf("Webhook subscriptions could not be checked, the next run retries: %s", e.getMessage());
        }
    }

    /** Has the claimer look for due deliveries, unless it is about to anyway. */
    private void wakeUp() {
        if (claimQueued.compareAndSet(false, true)) {
            try {
                claimer.execute(() -> {
                    claimQueued.set(false);
                    try {
                        dispatchAvailable();
                    } catch (RuntimeException e) {
                        LOG.warnf("Webhook dispatch run failed, the next run retries: %s", e.getMessage());
                    }
                });
            } catch (java.util.concurrent.RejectedExecutionException stopping) {
                claimQueued.set(false);
            }
        }
    }

    /** Claims as many due deliveries as there are free slots and starts sending them; returns how many it started. */
    public int dispatchAvailable() {
        int started = 0;
        while (true) {
            int wanted = Math.min(slots.availablePermits(), policy.batchSize());
            if (wanted == 0) {
                return started;
            }
            List<UUID> busy = inFlight.entrySet().stream()
                    .filter(e -> e.getValue().get() >= policy.perSubscription())
                    .map(Map.Entry::getKey)
                    .toList();
            List<Delivery> batch = queue.claimWebhooks(wanted, policy.lease(), policy.perSubscription(), busy);
            if (batch.isEmpty()) {
                return started;
            }
            Map<UUID, WebhookSubscription> subscriptions = QuarkusTransaction.requiringNew()
                    .call(() -> WebhookSubscription.<WebhookSubscription>list(
                                    "id in ?1",
                                    batch.stream().map(Delivery::subscriptionId).toList())
                            .stream()
                            .collect(Collectors.toMap(WebhookSubscription::id, Function.identity())));
            for (Delivery d : batch) {
                slots.acquireUninterruptibly();
                inFlight.computeIfAbsent(d.subscriptionId(), id -> new AtomicInteger())
                        .incrementAndGet();
                started++;
                sendTraced(d, subscriptions.get(d.subscriptionId()))
                        .whenCompleteAsync(
                                (attempt, failure) -> {
                                    try {
                                        QuarkusTransaction.requiringNew()
                                                .run(() -> record(
                                                        attempt != null
                                                                ? attempt
                                                                : new Attempt(
                                                                        d.id(),
                                                                        d.subscriptionId(),
                                                                        null,
                                                                        describe(failure),
                                                                        false)));
                                    } catch (RuntimeException e) {
                                        LOG.warnf(
                                                "Outcome of delivery %s not recorded; its lease runs out and it is sent again: %s",
                                                d.id(), e.getMessage());
                                    } finally {
                                        inFlight.get(d.subscriptionId()).decrementAndGet();
                                        slots.release();
                                        wakeUp();
                                    }
                                },
                                senders);
            }
            if (batch.size() < wanted) {
                return started;
            }
        }
    }

    /** Deliveries under way on this instance (for tests and metrics). */
    int inFlight() {
        return policy.maxInFlight() - slots.availablePermits();
    }

    /** One attempt as a span of the trace that queued the delivery, ended when the receiver answered or the attempt failed. */
    private CompletableFuture<Attempt> sendTraced(Delivery d, WebhookSubscription subscription) {
        Span span = TraceParents.start(tracer, "webhook POST", SpanKind.CLIENT, d.traceParent());
        span.setAttribute("delivery.channel", "webhook");
        span.setAttribute("http.request.method", "POST");
        CompletableFuture<Attempt> attempt;
        try (Scope ignored = span.makeCurrent()) {
            attempt = send(d, subscription);
        } catch (RuntimeException e) {
            // A failed attempt like any other: the span ends below, the caller records it and frees its slot.
            attempt = CompletableFuture.failedFuture(e);
        }
        return attempt.whenComplete((outcome, failure) -> {
            if (outcome != null && outcome.statusCode() != null) {
                span.setAttribute("http.response.status_code", outcome.statusCode());
            }
            if (outcome == null || !outcome.succeeded()) {
                span.setStatus(StatusCode.ERROR, "not delivered");
            }
            span.end();
        });
    }

    private CompletableFuture<Attempt> send(Delivery d, WebhookSubscription subscription) {
        if (subscription == null || !subscription.enabled()) {
            return CompletableFuture.completedFuture(
                    new Attempt(d.id(), d.subscriptionId(), null, "subscription disabled", true));
        }
        if (d.payload() == null) {
            return CompletableFuture.completedFuture(
                    new Attempt(d.id(), d.subscriptionId(), null, "payload removed", true));
        }
        try {
            targets.checkBeforeDelivery(subscription.url());
        } catch (WebhookTargets.Refused e) {
            return CompletableFuture.completedFuture(
                    new Attempt(d.id(), d.subscriptionId(), null, "target not allowed: " + e.getMessage(), true));
        }
        long timestamp = clock.instant().getEpochSecond();
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(URI.create(subscription.url()))
                    .timeout(policy.timeout())
                    .header("Content-Type", "application/json")
                    .header("webhook-id", d.id().toString())
                    .header("webhook-timestamp", Long.toString(timestamp))
                    .header(
                            "webhook-signature",
                            WebhookSignature.sign(
                                    subscription.signingSecrets(clock.instant()),
                                    d.id().toString(),
                                    timestamp,
                                    d.payload()))
                    .POST(HttpRequest.BodyPublishers.ofString(d.payload(), StandardCharsets.UTF_8))
                    .build();
        } catch (IllegalArgumentException e) {
            return CompletableFuture.completedFuture(
                    new Attempt(d.id(), d.subscriptionId(), null, "invalid URL", true));
        }
        return http.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                .thenApply(response -> new Attempt(
                        d.id(),
                        d.subscriptionId(),
                        response.statusCode(),
                        response.statusCode() / 100 == 2 ? null : "HTTP " + response.statusCode(),
                        false))
                .exceptionally(e -> new Attempt(d.id(), d.subscriptionId(), null, describe(e), false));
    }

    /**
     * Records an attempt. The subscription's failure record is kept with single statements rather
     * than through the entity: outcomes of one subscription are recorded concurrently, and its
     * version belongs to the administrators' changes.
     */
    private void record(Attempt attempt) {
        Delivery d = Delivery.findById(attempt.deliveryId());
        WebhookSubscription subscription =
                d.subscriptionId() == null ? null : WebhookSubscription.findById(d.subscriptionId());
        if (attempt.succeeded()) {
            queue.sent(d, attempt.statusCode());
            if (subscription != null) {
                WebhookSubscription.getEntityManager()
                        .createNativeQuery(
                                "update webhook_subscription set failing_since = null where id = ?1 and failing_since is not null")
                        .setParameter(1, subscription.id())
                        .executeUpdate();
            }
            return;
        }
        boolean giveUp = attempt.giveUp() || subscription == null || !subscription.enabled();
        queue.failed(d, attempt.statusCode(), attempt.error(), policy.retrySchedule(), policy.jitter(), giveUp);
        if (subscription != null) {
            WebhookSubscription.getEntityManager()
                    .createNativeQuery(
                            "update webhook_subscription set failing_since = ?1 where id = ?2 and failing_since is null")
                    .setParameter(1, clock.instant())
                    .setParameter(2, subscription.id())
                    .executeUpdate();
        }
    }

    /** Subscriptions failing without a success for longer than allowed are disabled; their open deliveries die. */
    void disableFailingSubscriptions() {
        QuarkusTransaction.requiringNew().run(() -> {
            Instant now = clock.instant();
            List<WebhookSubscription> failing =
                    WebhookSubscription.list("enabled = true and failingSince < ?1", now.minus(policy.disableAfter()));
            for (WebhookSubscription s : failing) {
                s.disableAsFailing();
                Delivery.update(
                        "status = ?1, nextAttemptAt = null, lastError = ?2 where subscriptionId = ?3 and status in ?4",
                        DeliveryStatus.DEAD,
                        "subscription disabled",
                        s.id(),
                        List.of(DeliveryStatus.PENDING, DeliveryStatus.FAILED));
                // One alert per failing period: its id follows from the subscription and when the failing began.
                UUID source =
                        UUID.nameUUIDFromBytes((s.id() + "@" + s.failingSince()).getBytes(StandardCharsets.UTF_8));
                Alert.raise(
                                s.organisation(),
                                AlertKind.WEBHOOK_DISABLED,
                                texts.of((m, dutch) -> m.webhookDisabled(
                                        s.id().toString(), s.failingSince().toString())),
                                Alert.About.NOTHING,
                                source,
                                now)
                        .persist();
                LOG.warnf("Disabled webhook subscription %s (%s): failing since %s", s.id(), s.url(), s.failingSince());
            }
        });
    }

    private static String describe(Throwable e) {
        Throwable cause = e.getCause() != null ? e.getCause() : e;
        return cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
    }
}
