package nl.integrity.notification.alert;

public enum AlertStatus {
    NEW, ACKNOWLEDGED, RESOLVED
}
