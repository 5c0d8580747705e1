package nl.integrity.platform.outbox;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import io.quarkus.narayana.jta.QuarkusTransaction;
import java.net.URI;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
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

    OutboxRelay(EntityManager em,
                @Channel("outbox") MutinyEmitter<String> emitter,
                Clock clock,
                @ConfigProperty(name = "quarkus.application.name") String applicationName,
                @ConfigProperty(name = "platform.outbox.batch-size", defaultValue = "200") int batchSize,
                @ConfigProperty(name = "platform.outbox.ack-timeout", defaultValue = "PT10S") java.time.Duration ackTimeout,
                @ConfigProperty(name = "platform.topic-prefix") Optional<String> topicPrefix) {
        this.em = em;
        this.emitter = emitter;
        this.clock = clock;
        this.source = URI.create("/" + applicationName);
        this.batchSize = batchSize;
        this.ackTimeout = ackTimeout;
        this.topicPrefix = topicPrefix.orElse("");
    }

    private final ExecutorService relayThread = Executors.newSingleThreadExecutor(r -> new Thread(r, "outbox-relay"));
    /** Set when a drain is queued but not started: further wake-ups are then already covered by it. */
    private final AtomicBoolean drainQueued = new AtomicBoolean();

    void onAppended(@Observes(during = TransactionPhase.AFTER_SUCCESS) Outbox.Appended appended) {
        wakeUp();
    }

    @Scheduled(every = "${platform.outbox.poll-interval:1s}",
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
            int published;
            do {
                published = QuarkusTransaction.requiringNew().call(this::publishBatch);
            } while (published == batchSize);
        } catch (RuntimeException e) {
            LOG.warnf("Outbox relay could not publish, will retry: %s", e.getMessage());
        }
    }

    /**
     * Publishes one batch inside the caller's transaction; returns how many events were
     * published (0 if another instance holds the lock).
     */
    int publishBatch() {
        boolean locked = (Boolean) em.createNativeQuery("select pg_try_advisory_xact_lock(?1)")
                .setParameter(1, ADVISORY_LOCK_KEY)
                .getSingleResult();
        if (!locked) {
            return 0;
        }
        List<OutboxMessage> batch = OutboxMessage.<OutboxMessage>find("publishedAt is null order by position")
                .page(0, batchSize)
                .list();
        if (batch.isEmpty()) {
            return 0;
        }
        // Sent with the transaction suspended (its advisory lock stays held): the broker's acks arrive on other
        // threads, and a transaction context propagated to them made the commit fail as "used by several threads".
        QuarkusTransaction.suspendingExisting().run(() -> Uni.join().all(batch.stream().map(this::send).toList())
                .andFailFast().await().atMost(ackTimeout));
        // One statement for the batch rather than one update per row.
        em.createQuery("update OutboxMessage m set m.publishedAt = :now, m.attempts = m.attempts + 1 where m.position in :positions")
                .setParameter("now", clock.instant())
                .setParameter("positions", batch.stream().map(m -> m.position).toList())
                .executeUpdate();
        return batch.size();
    }

    private Uni<Void> send(OutboxMessage m) {
        var cloudEvent = OutgoingCloudEventMetadata.builder()
                .withId(m.eventId.toString())
                .withType(m.eventType)
                .withSource(source)
                .withSubject(m.subject)
                .withTimestamp(m.occurredAt.atZone(ZoneOffset.UTC))
                .withDataContentType("application/json")
                .build();
        var kafka = OutgoingKafkaRecordMetadata.<String>builder()
                .withKey(m.aggregateId)
                .withTopic(topicPrefix + m.topic)
                .build();
        return emitter.sendMessage(Message.of(m.payload, Metadata.of(cloudEvent, kafka)));
    }
}
