package nl.integrity.notification.delivery;

/** PENDING: not tried yet; FAILED: tried, will be tried again; SENT: done; DEAD: no more attempts (replayable). */
public enum DeliveryStatus {
    PENDING, SENT, FAILED, DEAD
}
