package nl.integrity.notification.alert;

/** Where an alert stands: new, acknowledged (someone is on it), resolved (nothing left to do). */
public enum AlertStatus {
    NEW,
    ACKNOWLEDGED,
    RESOLVED
}
