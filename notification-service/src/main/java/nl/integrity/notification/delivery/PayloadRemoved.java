package nl.integrity.notification.delivery;

import java.util.UUID;
import nl.integrity.platform.problem.ProblemException;

/** A delivery whose payload was removed (its alumnus anonymised, or past its retention) cannot be sent again: 409. */
class PayloadRemoved extends ProblemException {

    PayloadRemoved(UUID id) {
        super(
                409,
                "payload-removed",
                "Payload removed",
                "Delivery " + id + " can no longer be sent: its content was removed (retention or anonymisation)");
    }
}
