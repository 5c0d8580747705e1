package nl.integrity.notification.delivery;

/**
 * PENDING: not tried yet; FAILED: tried, will be tried again; SENT: done; DEAD: no more attempts
 * (replayable); CANCELLED: no longer wanted before it went out (network mail after consent was
 * withdrawn), never sent.
 */
public enum DeliveryStatus {
    PENDING,
    SENT,
    FAILED,
    DEAD,
    CANCELLED
}
