package nl.integrity.notification.webhook;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** An external system's subscription to an organisation's events, delivered as signed webhooks. */
@Entity
@Table(name = "webhook_subscription")
public class WebhookSubscription extends PanacheEntityBase {

    public static final String EVERY_TYPE = "*";

    @Id
    public UUID id;

    @Column(nullable = false)
    public String organisation;

    @Column(nullable = false)
    public String url;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "event_types", nullable = false)
    public List<String> eventTypes = new ArrayList<>();

    /** {@code whsec_} and the base64 of the key: the Standard Webhooks form. */
    @Column(nullable = false)
    public String secret;

    /** The secret before the last rotation; it signs too until {@link #previousSecretUntil}. */
    @Column(name = "previous_secret")
    public String previousSecret;

    @Column(name = "previous_secret_until")
    public Instant previousSecretUntil;

    public String description;

    @Column(nullable = false)
    public boolean enabled;

    @Column(name = "disabled_reason")
    public String disabledReason;

    /** Since when every delivery has failed; null after a success. */
    @Column(name = "failing_since")
    public Instant failingSince;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Version
    public long version;

    /** The secrets that sign a message sent at {@code now}: the current one, and the previous one during its overlap. */
    public List<String> signingSecrets(Instant now) {
        return previousSecret != null && previousSecretUntil != null && now.isBefore(previousSecretUntil)
                ? List.of(secret, previousSecret) : List.of(secret);
    }

    /** A new secret; the current one goes on signing until {@code overlapUntil}. */
    public void rotateSecret(String newSecret, Instant overlapUntil) {
        previousSecret = secret;
        previousSecretUntil = overlapUntil;
        secret = newSecret;
    }

    public boolean wants(String eventType) {
        return enabled && (eventTypes.contains(EVERY_TYPE) || eventTypes.contains(eventType));
    }

    public static List<WebhookSubscription> enabledOf(String organisation) {
        return list("organisation = ?1 and enabled = true", organisation);
    }
}
