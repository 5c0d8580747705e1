package nl.integrity.notification.webhook;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import nl.integrity.platform.problem.InvalidField;
import nl.integrity.platform.web.Problem;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** An external system's subscription to an organisation's events, delivered as signed webhooks. */
@Entity
@Table(name = "webhook_subscription")
public class WebhookSubscription extends PanacheEntityBase {

    static final String EVERY_TYPE = "*";

    @Id
    private UUID id;

    @Column(nullable = false)
    private String organisation;

    @Column(nullable = false)
    private String url;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "event_types", nullable = false)
    private List<String> eventTypes = new ArrayList<>();

    /** {@code whsec_} and the base64 of the key: the Standard Webhooks form. */
    @Column(nullable = false)
    private String secret;

    /** The secret before the last rotation; it signs too until {@link #previousSecretUntil}. */
    @Column(name = "previous_secret")
    private String previousSecret;

    @Column(name = "previous_secret_until")
    private Instant previousSecretUntil;

    private String description;

    @Column(nullable = false)
    private boolean enabled;

    @Column(name = "disabled_reason")
    private String disabledReason;

    /** Since when every delivery has failed; null after a success. */
    @Column(name = "failing_since")
    private Instant failingSince;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "created_by", nullable = false)
    private String createdBy;

    @Version
    private long version;

    protected WebhookSubscription() {}

    /**
     * A new subscription of {@code organisation} to {@code eventTypes} (published ones, or {@code *}),
     * delivered to {@code url} (checked as a target already) and signed with {@code secret}.
     */
    static WebhookSubscription subscribe(
            String organisation,
            URI url,
            List<String> eventTypes,
            String description,
            boolean enabled,
            String secret,
            String createdBy,
            Instant now) {
        var s = new WebhookSubscription();
        s.id = UUID.randomUUID();
        s.organisation = Objects.requireNonNull(organisation, "organisation");
        s.change(url, eventTypes, description);
        s.enabled = enabled;
        s.secret = Objects.requireNonNull(secret, "secret");
        s.createdAt = Objects.requireNonNull(now, "now");
        s.createdBy = Objects.requireNonNull(createdBy, "createdBy");
        return s;
    }

    /**
     * A new URL (checked as a target already), event types and description. The event types must
     * be published ones, or {@code *}: {@link InvalidField} names each that is not.
     */
    void change(URI newUrl, List<String> newEventTypes, String newDescription) {
        List<Problem.FieldError> unknown = new ArrayList<>();
        for (int i = 0; i < newEventTypes.size(); i++) {
            if (!PublishedEvents.subscribable(newEventTypes.get(i).trim())) {
                unknown.add(new Problem.FieldError(
                        "eventTypes[" + i + "]",
                        "not a published event type: one of " + PublishedEvents.TYPES + ", or *"));
            }
        }
        if (!unknown.isEmpty()) {
            throw new InvalidField(unknown);
        }
        url = newUrl.toString();
        eventTypes = new ArrayList<>(
                newEventTypes.stream().map(String::trim).distinct().toList());
        description = newDescription == null ? null : newDescription.trim();
    }

    /** Delivered to again, with a clean failure record. */
    void enable() {
        if (!enabled) {
            enabled = true;
            disabledReason = null;
            failingSince = null;
        }
    }

    /** Not delivered to any more, by an administrator's choice. */
    void disable(String administrator) {
        if (enabled) {
            enabled = false;
            disabledReason = "Disabled by " + administrator;
            failingSince = null;
        }
    }

    /** Not delivered to any more, as every delivery has failed since {@link #failingSince}. */
    void disableAsFailing() {
        enabled = false;
        disabledReason = "Every delivery failed since " + failingSince;
    }

    /** The secrets that sign a message sent at {@code now}: the current one, and the previous one during its overlap. */
    List<String> signingSecrets(Instant now) {
        return previousSecret != null && previousSecretUntil != null && now.isBefore(previousSecretUntil)
                ? List.of(secret, previousSecret)
                : List.of(secret);
    }

    /** A new secret; the current one goes on signing until {@code overlapUntil}. */
    void rotateSecret(String newSecret, Instant overlapUntil) {
        previousSecret = secret;
        previousSecretUntil = overlapUntil;
        secret = newSecret;
    }

    boolean wants(String eventType) {
        return enabled && (eventTypes.contains(EVERY_TYPE) || eventTypes.contains(eventType));
    }

    static List<WebhookSubscription> enabledOf(String organisation) {
        return list("organisation = ?1 and enabled = true", organisation);
    }

    UUID id() {
        return id;
    }

    String organisation() {
        return organisation;
    }

    String url() {
        return url;
    }

    List<String> eventTypes() {
        return Collections.unmodifiableList(eventTypes);
    }

    String secret() {
        return secret;
    }

    Instant previousSecretUntil() {
        return previousSecretUntil;
    }

    String description() {
        return description;
    }

    boolean enabled() {
        return enabled;
    }

    String disabledReason() {
        return disabledReason;
    }

    Instant failingSince() {
        return failingSince;
    }

    Instant createdAt() {
        return createdAt;
    }

    String createdBy() {
        return createdBy;
    }
}
