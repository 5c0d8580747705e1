package nl.integrity.notification.webhook;

import java.util.List;

/** The event types an external system can subscribe to (docs/webhooks.md), or {@code *} for all. */
public final class PublishedEvents {

    public static final String ALUMNUS_REGISTERED = "nl.integrity.alumni.registered.v1";
    public static final String WINDOW_CHANGED = "nl.integrity.alumni.obligation-window-changed.v1";
    public static final String ALUMNUS_ANONYMISED = "nl.integrity.alumni.anonymised.v1";

    public static final List<String> TYPES = List.of(
            "nl.integrity.declaration.submitted.v1",
            "nl.integrity.declaration.assessed.v1",
            "nl.integrity.declaration.information-requested.v1",
            "nl.integrity.declaration.information-provided.v1",
            "nl.integrity.declaration.decided.v1",
            "nl.integrity.declaration.withdrawn.v1",
            "nl.integrity.declaration.decision-due-soon.v1",
            "nl.integrity.declaration.decision-overdue.v1",
            "nl.integrity.declaration.condition-ended.v1",
            "nl.integrity.declaration.reminder-due.v1",
            ALUMNUS_REGISTERED,
            WINDOW_CHANGED,
            ALUMNUS_ANONYMISED);

    private PublishedEvents() {}

    public static boolean subscribable(String type) {
        return WebhookSubscription.EVERY_TYPE.equals(type) || TYPES.contains(type);
    }
}
