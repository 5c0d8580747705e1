package nl.integrity.notification.alert;

import java.time.Instant;
import java.util.UUID;

public record AlertResponse(UUID id, String organisation, AlertKind kind, AlertStatus status, String summary,
                            UUID declarationId, UUID alumnusId, Instant raisedAt) {

    static AlertResponse from(Alert a) {
        return new AlertResponse(a.id, a.organisation, a.kind, a.status, a.summary, a.declarationId, a.alumnusId,
                a.raisedAt);
    }
}
