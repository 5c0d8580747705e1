package nl.integrity.notification.delivery;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * One message to one recipient over one channel, and what became of it. Its id is the message id
 * the receiver sees (the {@code webhook-id} header), the same on every attempt, so a receiver can
 * deduplicate.
 */
@Entity
@Table(name = "delivery")
public class Delivery extends PanacheEntityBase {

    public enum Channel { WEBHOOK, EMAIL }

    @Id
    public UUID id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Channel channel;

    @Column(nullable = false)
    public String organisation;

    @Column(name = "subscription_id")
    public UUID subscriptionId;

    @Column(nullable = false)
    public String recipient;

    @Column(name = "event_id", nullable = false)
    public UUID eventId;

    @Column(name = "event_type", nullable = false)
    public String eventType;

    @Column(nullable = false)
    public String payload;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public DeliveryStatus status;

    @Column(nullable = false)
    public int attempts;

    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;

    @Column(name = "last_error")
    public String lastError;

    @Column(name = "last_status_code")
    public Integer lastStatusCode;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "sent_at")
    public Instant sentAt;

    /** A new delivery, due at once. */
    public static Delivery pending(Channel channel, String organisation, String recipient, UUID eventId, String eventType,
                                   String payload, Instant now) {
        var d = new Delivery();
        d.id = UUID.randomUUID();
        d.channel = channel;
        d.organisation = organisation;
        d.recipient = recipient;
        d.eventId = eventId;
        d.eventType = eventType;
        d.payload = payload;
        d.status = DeliveryStatus.PENDING;
        d.attempts = 0;
        d.nextAttemptAt = now;
        d.createdAt = now;
        return d;
    }

    /** Due again now, from the first attempt (after a fix at the receiver). */
    public void replay(Instant now) {
        status = DeliveryStatus.PENDING;
        attempts = 0;
        nextAttemptAt = now;
    }
}
