package nl.integrity.platform.outbox;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * An event waiting in the transactional outbox. Written in the same transaction as the
 * state change it describes; {@link OutboxRelay} publishes it to Kafka afterwards.
 * {@code position} gives the publication order. Rows are written by {@link Outbox} and marked
 * published by {@link OutboxRelay}, both in SQL; this class only reads them.
 */
@Entity
@Table(name = "outbox_message")
public class OutboxMessage extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long position;

    @Column(name = "event_id", nullable = false, unique = true)
    private UUID eventId;

    @Column(nullable = false)
    private String topic;

    /** Kafka record key: the aggregate id, so all events of one aggregate stay in order. */
    @Column(name = "aggregate_id", nullable = false)
    private String aggregateId;

    @Column(name = "event_type", nullable = false)
    private String eventType;

    /** CloudEvents subject: what the event is about, e.g. {@code alumni/<id>}. */
    @Column(nullable = false)
    private String subject;

    @Column(nullable = false, columnDefinition = "text")
    private String payload;

    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt;

    @Column(name = "published_at")
    private Instant publishedAt;

    @Column(nullable = false)
    private int attempts;

    /** The W3C traceparent of the transaction that appended the event; null outside a trace. */
    @Column(name = "trace_parent")
    private String traceParent;

    public Long position() {
        return position;
    }

    public UUID eventId() {
        return eventId;
    }

    public String topic() {
        return topic;
    }

    public String aggregateId() {
        return aggregateId;
    }

    public String eventType() {
        return eventType;
    }

    public String subject() {
        return subject;
    }

    public String payload() {
        return payload;
    }

    public Instant occurredAt() {
        return occurredAt;
    }

    public Instant publishedAt() {
        return publishedAt;
    }

    public int attempts() {
        return attempts;
    }

    public String traceParent() {
        return traceParent;
    }
}
