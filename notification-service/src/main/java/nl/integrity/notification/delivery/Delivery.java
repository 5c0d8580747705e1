package nl.integrity.notification.delivery;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import nl.integrity.notification.contact.AlumnusContact;
import nl.integrity.platform.tracing.TraceParents;

/**
 * One message to one recipient over one channel, and what became of it. Its id is the message id
 * the receiver sees (the {@code webhook-id} header), the same on every attempt, so a receiver can
 * deduplicate.
 */
@Entity
@Table(name = "delivery")
public class Delivery extends PanacheEntityBase {

    public enum Channel {
        WEBHOOK,
        EMAIL
    }

    /** Why a delivery about an anonymised alumnus that was still to be sent was cancelled. */
    public static final String ANONYMISED = "the alumnus was anonymised";

    /** The longest last error kept; longer ones are cut off. */
    static final int MAX_ERROR = 1000;

    @Id
    private UUID id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Channel channel;

    @Column(nullable = false)
    private String organisation;

    @Column(name = "subscription_id")
    private UUID subscriptionId;

    @Column(nullable = false)
    private String recipient;

    @Column(name = "event_id", nullable = false)
    private UUID eventId;

    @Column(name = "event_type", nullable = false)
    private String eventType;

    /**
     * What is sent; null once removed: when the alumnus it is about was anonymised, or after the
     * retention of payloads of finished deliveries ({@code notification.retention.delivery-payloads}).
     */
    private String payload;

    /** The alumnus the delivery is about (its recipient, or the subject of the event it tells of); null: no one in particular. */
    @Column(name = "alumnus_id")
    private UUID alumnusId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private DeliveryStatus status;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "next_attempt_at")
    private Instant nextAttemptAt;

    @Column(name = "last_error")
    private String lastError;

    @Column(name = "last_status_code")
    private Integer lastStatusCode;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "sent_at")
    private Instant sentAt;

    /** The W3C traceparent of the work that queued the delivery (null outside a trace); each attempt's span continues it. */
    @Column(name = "trace_parent")
    private String traceParent;

    protected Delivery() {}

    /** A new delivery, due at once. */
    public static Delivery pending(
            Channel channel,
            String organisation,
            String recipient,
            UUID eventId,
            String eventType,
            String payload,
            Instant now) {
        return pending(UUID.randomUUID(), channel, organisation, recipient, eventId, eventType, payload, now);
    }

    /** A new delivery with an id chosen beforehand (one another row already names), due at once. */
    public static Delivery pending(
            UUID id,
            Channel channel,
            String organisation,
            String recipient,
            UUID eventId,
            String eventType,
            String payload,
            Instant now) {
        var d = new Delivery();
        d.id = Objects.requireNonNull(id, "id");
        d.channel = Objects.requireNonNull(channel, "channel");
        d.organisation = Objects.requireNonNull(organisation, "organisation");
        d.recipient = Objects.requireNonNull(recipient, "recipient");
        d.eventId = Objects.requireNonNull(eventId, "eventId");
        d.eventType = Objects.requireNonNull(eventType, "eventType");
        d.payload = Objects.requireNonNull(payload, "payload");
        d.status = DeliveryStatus.PENDING;
        d.attempts = 0;
        d.nextAttemptAt = Objects.requireNonNull(now, "now");
        d.createdAt = now;
        d.traceParent = TraceParents.current();
        return d;
    }

    /** A new webhook delivery to a subscription's URL, due at once. */
    public static Delivery pendingWebhook(
            UUID subscriptionId,
            String organisation,
            String url,
            UUID eventId,
            String eventType,
            String payload,
            Instant now) {
        var d = pending(Channel.WEBHOOK, organisation, url, eventId, eventType, payload, now);
        d.subscriptionId = Objects.requireNonNull(subscriptionId, "subscriptionId");
        return d;
    }

    /** About this alumnus (null: no one in particular): their anonymisation strips this delivery. */
    public Delivery about(UUID alumnus) {
        alumnusId = alumnus;
        return this;
    }

    /** The attempt succeeded. */
    void markDelivered(Integer statusCode, Instant at) {
        attempts++;
        status = DeliveryStatus.SENT;
        sentAt = at;
        nextAttemptAt = null;
        lastError = null;
        lastStatusCode = statusCode;
    }

    /**
     * The wait before the next attempt once the one under way has failed: the schedule's next; empty
     * when that was the schedule's last attempt.
     */
    Optional<Duration> nextWait(List<Duration> schedule) {
        return attempts < schedule.size() ? Optional.of(schedule.get(attempts)) : Optional.empty();
    }

    /** The attempt failed and is tried again at {@code next}. */
    void scheduleRetry(Integer statusCode, String error, Instant next) {
        failedAttempt(statusCode, error);
        status = DeliveryStatus.FAILED;
        nextAttemptAt = next;
    }

    /** The attempt failed and no other follows (until a replay). */
    void markDead(Integer statusCode, String error) {
        failedAttempt(statusCode, error);
        status = DeliveryStatus.DEAD;
        nextAttemptAt = null;
    }

    private void failedAttempt(Integer statusCode, String error) {
        attempts++;
        lastStatusCode = statusCode;
        lastError = error == null || error.length() <= MAX_ERROR ? error : error.substring(0, MAX_ERROR);
    }

    /** Not to be sent after all, and never again; why in {@code reason}. */
    void cancel(String reason) {
        status = DeliveryStatus.CANCELLED;
        nextAttemptAt = null;
        lastError = reason;
    }

    /** Due again now, from the first attempt (after a fix at the receiver); not once its payload was removed. */
    public void replay(Instant now) {
        if (payload == null) {
            throw new PayloadRemoved(id);
        }
        status = DeliveryStatus.PENDING;
        attempts = 0;
        nextAttemptAt = now;
    }

    public UUID id() {
        return id;
    }

    public Channel channel() {
        return channel;
    }

    public String organisation() {
        return organisation;
    }

    public UUID subscriptionId() {
        return subscriptionId;
    }

    public String recipient() {
        return recipient;
    }

    public UUID eventId() {
        return eventId;
    }

    public String eventType() {
        return eventType;
    }

    public String payload() {
        return payload;
    }

    public UUID alumnusId() {
        return alumnusId;
    }

    public DeliveryStatus status() {
        return status;
    }

    public int attempts() {
        return attempts;
    }

    public Instant nextAttemptAt() {
        return nextAttemptAt;
    }

    public String lastError() {
        return lastError;
    }

    Integer lastStatusCode() {
        return lastStatusCode;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant sentAt() {
        return sentAt;
    }

    public String traceParent() {
        return traceParent;
    }

    /** The dead deliveries of a webhook subscription that can be sent again (those whose payload is kept). */
    public static List<Delivery> deadOf(UUID subscriptionId) {
        return list("subscriptionId = ?1 and status = ?2 and payload is not null", subscriptionId, DeliveryStatus.DEAD);
    }

    /**
     * The alumnus was anonymised: every delivery about them loses its payload and its last error
     * (an SMTP error may quote the address), a mail to them its address (the recipient becomes
     * {@code alumnus:<id>}, which names no one), and those still to be sent are cancelled, never to
     * go out. Channel, status, dates and event type stay, for the log and the statistics.
     * Deliveries are found by {@link #alumnusId}; with {@code email}, the address the alumnus had
     * (null: none known), also mail sent to it before deliveries kept their alumnus (a scan of the
     * table, so only then). How many deliveries were stripped. Call in a transaction.
     */
    public static int forgetAllAbout(UUID alumnusId, String email) {
        int stripped = forget(alumnusId, "alumnus_id = ?1", "");
        if (email != null && !email.isBlank()) {
            stripped += forget(
                    alumnusId,
                    "alumnus_id is null and channel = 'EMAIL' and lower(recipient) = lower(?2)",
                    email.trim());
        }
        return stripped;
    }

    private static int forget(UUID alumnusId, String about, String email) {
        // Every expression reads the row as it was: a pending delivery is cancelled and says why.
        return getEntityManager()
                .createNativeQuery("""
                        update delivery set
                            status = case when status in ('PENDING', 'FAILED') then 'CANCELLED' else status end,
                            next_attempt_at = case when status in ('PENDING', 'FAILED') then null else next_attempt_at end,
                            last_error = case when status in ('PENDING', 'FAILED') then ?3
                                              when status = 'CANCELLED' then last_error end,
                            payload = null,
                            recipient = case when channel = 'EMAIL' and lower(recipient) = lower(?2) then ?4 else recipient end,
                            alumnus_id = ?1
                        where %s""".formatted(about))
                .setParameter(1, alumnusId)
                .setParameter(2, email)
                .setParameter(3, ANONYMISED)
                .setParameter(4, AlumnusContact.RECIPIENT_PREFIX + alumnusId)
                .executeUpdate();
    }
}
