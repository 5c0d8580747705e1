package nl.integrity.platform.outbox;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.CompositeException;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.TracingMetadata;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.persistence.EntityManager;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import nl.integrity.platform.PlatformConfig;
import nl.integrity.platform.tracing.TraceParents;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.jboss.logging.Logger;

/**
 * Publishes outbox rows to Kafka, oldest first, as CloudEvents in binary mode (ce_* headers),
 * keyed by aggregate id. At least once: a row is marked published only after the broker
 * acknowledged it; if sending fails the transaction rolls back and the batch is retried.
 *
 * <p>Publication starts right after a transaction that appended events commits; a poll every
 * second picks up whatever that missed (a failed send, rows committed by another instance).
 * All publishing runs on one relay thread per instance.
 *
 * <p>{@code platform.topic-prefix} (tests: {@code test.}, end-to-end runs: {@code e2e.}) keeps a test
 * run's events apart from those of a platform running on the same broker; the consumers' topics
 * carry the same prefix.
 *
 * <p>Safe with several instances: each batch runs under a PostgreSQL transaction-scoped
 * advisory lock, so only one instance publishes at a time and the order per aggregate holds.
 *
 * <p>When the broker is away the outbox holds the events; nothing piles up in memory. One batch is in
 * flight at a time, and the relay waits until every record of it has been acknowledged or given up by
 * the producer ({@code delivery.timeout.ms}) before it sends anything again: a batch that timed out is
 * never sent a second time while its first copies still wait in the producer. After a failure it sends
 * one event at a time until the broker acknowledges one, then whole batches again.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    /** Identifies the relay's advisory lock within one service database ("outbox" in ASCII). */
    public static final long ADVISORY_LOCK_KEY = 0x6f7574626f78L;

    private final EntityManager em;
    private final MutinyEmitter<String> emitter;
    private final Clock clock;
    private final URI source;
    private final int batchSize;
    private final java.time.Duration ackTimeout;
    private final String topicPrefix;

    OutboxRelay(
            EntityManager em,
            @Channel("outbox") MutinyEmitter<String> emitter,
            Clock clock,
            @ConfigProperty(name = "quarkus.application.name") String applicationName,
            PlatformConfig.Outbox config,
            @ConfigProperty(name = "platform.topic-prefix") Optional<String> topicPrefix) {
        this.em = em;
        this.emitter = emitter;
        this.clock = clock;
        this.source = URI.create("/" + applicationName);
        this.batchSize = config.batchSize();
        this.ackTimeout = config.ackTimeout();
        this.topicPrefix = topicPrefix.orElse("");
    }

    private final ExecutorService relayThread = Executors.newSingleThreadExecutor(r -> new Thread(r, "outbox-relay"));
    /** Set when a drain is queued but not started: further wake-ups are then already covered by it. */
    private final AtomicBoolean drainQueued = new AtomicBoolean();
    /** Since when publishing fails (null: the last attempt succeeded), and why; for the health check. */
    private volatile Instant failingSince;

    private volatile String lastFailure;

    void onAppended(@Observes(during = TransactionPhase.AFTER_SUCCESS) Outbox.Appended appended) {
        wakeUp();
    }

    @Scheduled(
            every = "${platform.outbox.poll-interval:1s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void poll() {
        wakeUp();
    }

    private void wakeUp() {
        if (drainQueued.compareAndSet(false, true)) {
            try {
                relayThread.execute(this::drain);
            } catch (RejectedExecutionException shuttingDown) {
                drainQueued.set(false);
            }
        }
    }

    @PreDestroy
    void stop() {
        relayThread.shutdown();
    }

    private void drain() {
        drainQueued.set(false);
        try {
            int limit;
            int published;
            do {
                limit = failingSince == null ? batchSize : 1;
                int batchLimit = limit;
                // The transaction outlasts the wait for the broker's acknowledgements.
                published = QuarkusTransaction.requiringNew()
                        .timeout((int) ackTimeout.toSeconds() + 30)
                        .call(() -> publishBatch(batchLimit));
                if (published > 0 && failingSince != null) {
                    LOG.infof("Outbox relay publishes again, after failing since %s", failingSince);
                    failingSince = null;
                    lastFailure = null;
                }
            } while (published == limit);
        } catch (RuntimeException e) {
            if (failingSince == null) {
                failingSince = clock.instant();
            }
            lastFailure = describe(e);
            LOG.warnf("Outbox relay could not publish, will retry: %s", lastFailure);
        }
    }

    /** The first failure of a batch, on one line (a batch fails as one exception per record). */
    private static String describe(Throwable e) {
        Throwable first = e instanceof CompositeException composite
                ? composite.getCauses().get(0)
                : e;
        String message = String.valueOf(first.getMessage()).lines().findFirst().orElse("");
        return first.getClass().getSimpleName() + ": " + message;
    }

    /** Since when the broker has not acknowledged what the relay sent; empty while publishing works. */
    public Optional<Instant> failingSince() {
        return Optional.ofNullable(failingSince);
    }

    /** Why the last attempt failed, while publishing fails. */
    public Optional<String> lastFailure() {
        return Optional.ofNullable(lastFailure);
    }

    /**
     * Publishes up to {@code limit} events inside the caller's transaction; returns how many events were
     * published (0 if another instance holds the lock).
     */
    int publishBatch(int limit) {
        boolean locked = (Boolean) em.createNativeQuery("select pg_try_advisory_xact_lock(?1)")
                .setParameter(1, ADVISORY_LOCK_KEY)
                .getSingleResult();
        if (!locked) {
            return 0;
        }
        List<OutboxMessage> batch = OutboxMessage.<OutboxMessage>find("publishedAt is null order by position")
                .page(0, limit)
                .list();
        if (batch.isEmpty()) {
            return 0;
        }
        // Sent with the transaction suspended (its advisory lock stays held): the broker's acks arrive on other
        // threads, and a transaction context propagated to them made the commit fail as "used by several threads".
        // Every send settles (acknowledged, or given up after the producer's delivery.timeout.ms) before this
        // returns: a failed batch is retried only once none of its records can still reach the broker.
        QuarkusTransaction.suspendingExisting()
                .run(() -> Uni.join()
                        .all(batch.stream().map(this::send).toList())
                        .andCollectFailures()
                        .await()
                        .atMost(ackTimeout));
        // One statement for the batch rather than one update per row.
        em.createQuery(
                        "update OutboxMessage m set m.publishedAt = :now, m.attempts = m.attempts + 1 where m.position in :positions")
                .setParameter("now", clock.instant())
                .setParameter("positions", batch.stream().map(m -> m.position()).toList())
                .executeUpdate();
        return batch.size();
    }

    private Uni<Void> send(OutboxMessage m) {
        var cloudEvent = OutgoingCloudEventMetadata.builder()
                .withId(m.eventId().toString())
                .withType(m.eventType())
                .withSource(source)
                .withSubject(m.subject())
                .withTimestamp(m.occurredAt().atZone(ZoneOffset.UTC))
                .withDataContentType("application/json")
                .build();
        var kafka = OutgoingKafkaRecordMetadata.<String>builder()
                .withKey(m.aggregateId())
                .withTopic(topicPrefix + m.topic())
                .build();
        // The producer span (and the traceparent header it writes) continues the trace of the appending transaction.
        var trace = TracingMetadata.withCurrent(TraceParents.context(m.traceParent()));
        return emitter.sendMessage(Message.of(m.payload(), Metadata.of(cloudEvent, kafka, trace)));
    }
}
