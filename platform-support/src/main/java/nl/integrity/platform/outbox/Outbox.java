package nl.integrity.platform.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import nl.integrity.platform.tracing.TraceParents;
import org.hibernate.Session;

/**
 * Appends events to the transactional outbox. Must be called inside the transaction that
 * changes the state the event describes ({@link Transactional.TxType#MANDATORY}), so the
 * event is stored if and only if the change is.
 *
 * <p>An event may carry an id derived from what it is about ({@link #eventId}): the effect of a
 * scheduled run, say, "the reminder of alumnus A on day D". Appending it a second time (a second
 * run, a retry after a crash, another instance) then changes nothing: the row exists already.
 *
 * <p>Rows are written with plain JDBC batches on the transaction's connection: the table's
 * identity column gives the publication order, and Hibernate would insert identity rows one
 * statement at a time (a bulk import appends thousands per transaction).
 */
@ApplicationScoped
public class Outbox {

    private static final String INSERT = """
            insert into outbox_message (event_id, topic, aggregate_id, event_type, subject, payload, occurred_at, attempts,
                                        trace_parent)
            values (?, ?, ?, ?, ?, ?, ?, 0, ?)
            on conflict (event_id) do nothing""";

    private final EntityManager em;
    private final ObjectMapper json;
    private final Clock clock;
    private final Event<Appended> appended;

    Outbox(EntityManager em, ObjectMapper json, Clock clock, Event<Appended> appended) {
        this.em = em;
        this.json = json;
        this.clock = clock;
        this.appended = appended;
    }

    /** Fired on append; the relay observes it after commit to publish without waiting for its next poll. */
    record Appended(int count) {}

    /**
     * An event to append.
     *
     * @param topic       the producer-owned topic, e.g. {@code alumni.events}
     * @param aggregateId the Kafka key; events with the same key are published in order
     * @param type        the CloudEvents type, e.g. {@code nl.integrity.alumni.registered.v1}
     * @param subject     the CloudEvents subject
     * @param payload     a record holding the facts of the event
     * @param eventId     the event's id when it must be the same however often the event is appended
     *                    ({@link #eventId}); null for a new random id
     */
    public record Pending(String topic, String aggregateId, String type, String subject, Object payload, UUID eventId) {

        public Pending(String topic, String aggregateId, String type, String subject, Object payload) {
            this(topic, aggregateId, type, subject, payload, null);
        }
    }

    /**
     * The id of the one event of {@code type} about {@code about} (the aggregate, the period...):
     * the same on every instance and in every run, so the event is appended and published once.
     */
    public static UUID eventId(String type, Object... about) {
        var name = new StringBuilder(type);
        for (Object part : about) {
            name.append('|').append(part);
        }
        return UUID.nameUUIDFromBytes(name.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /**
     * Deletes the published events of these aggregates (their Kafka keys), for a person who was
     * anonymised: their events carry what identified them, and the outbox keeps published events
     * only for replay and inspection (the broker has them, within the topic's retention). Events
     * not yet published stay, to be published; they go with the outbox's pruning. Returns how many
     * went.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int forgetPublished(java.util.Collection<String> aggregateIds) {
        if (aggregateIds.isEmpty()) {
            return 0;
        }
        return em.createNativeQuery(
                        "delete from outbox_message where published_at is not null and aggregate_id in (?1)")
                .setParameter(1, aggregateIds)
                .executeUpdate();
    }

    /** Appends one event; returns its id (CloudEvents {@code id}), which consumers deduplicate on. */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID append(String topic, String aggregateId, String type, String subject, Object payload) {
        return appendAll(List.of(new Pending(topic, aggregateId, type, subject, payload)))
                .get(0);
    }

    /** The events held back on this thread by {@link #inOneBatch}, in the order they were appended. */
    private final ThreadLocal<List<Pending>> heldBack = new ThreadLocal<>();

    /**
     * Runs {@code work}, holding back the events it appends, and appends them all at its end in one
     * batch, in the order they came (a bulk registration appends several events per row, from the
     * registry and from those who follow it: one round trip per event would be most of its time).
     * The ids returned meanwhile are the ones the events get. Inside the work the held-back events
     * are not in the table yet. Nested calls join the outer one.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public <T> T inOneBatch(java.util.function.Supplier<T> work) {
        if (heldBack.get() != null) {
            return work.get();
        }
        List<Pending> events = new ArrayList<>();
        heldBack.set(events);
        T result;
        try {
            result = work.get();
        } finally {
            heldBack.remove();
        }
        appendAll(events);
        return result;
    }

    /**
     * Appends events in the given order, in one batch; returns their ids. An event whose id is in
     * the outbox already is not appended again.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<UUID> appendAll(List<Pending> events) {
        List<UUID> ids = new ArrayList<>(events.size());
        if (events.isEmpty()) {
            return ids;
        }
        List<Pending> held = heldBack.get();
        if (held != null) {
            for (Pending event : events) {
                Pending withId = event.eventId() != null
                        ? event
                        : new Pending(
                                event.topic(),
                                event.aggregateId(),
                                event.type(),
                                event.subject(),
                                event.payload(),
                                UUID.randomUUID());
                held.add(withId);
                ids.add(withId.eventId());
            }
            return ids;
        }
        Timestamp now = Timestamp.from(clock.instant());
        // The relay publishes later, on its own thread: the row keeps the trace of the change it announces.
        String traceParent = TraceParents.current();
        List<String> payloads = events.stream().map(e -> serialise(e.payload())).toList();
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                for (int i = 0; i < events.size(); i++) {
                    Pending event = events.get(i);
                    UUID id = event.eventId() != null ? event.eventId() : UUID.randomUUID();
                    ids.add(id);
                    insert.setObject(1, id);
                    insert.setString(2, event.topic());
                    insert.setString(3, event.aggregateId());
                    insert.setString(4, event.type());
                    insert.setString(5, event.subject());
                    insert.setString(6, payloads.get(i));
                    insert.setTimestamp(7, now);
                    insert.setString(8, traceParent);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        });
        appended.fire(new Appended(events.size()));
        return ids;
    }

    private String serialise(Object payload) {
        try {
            return json.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Event payload cannot be serialised: " + payload.getClass(), e);
        }
    }
}
