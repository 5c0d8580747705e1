package nl.integrity.notification.alert;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

public record AlertResponse(
        UUID id,
        String organisation,
        AlertKind kind,
        AlertStatus status,
        String summary,
        String summaryNl,
        UUID declarationId,
        UUID alumnusId,
        String riskLevel,
        LocalDate dueDate,
        String assignee,
        Instant raisedAt,
        Instant acknowledgedAt,
        String acknowledgedBy,
        Instant resolvedAt,
        String resolvedBy,
        String resolution,
        long version) {

    static AlertResponse from(Alert a) {
        return new AlertResponse(
                a.id(),
                a.organisation(),
                a.kind(),
                a.status(),
                a.summary(),
                a.summaryNl(),
                a.declarationId(),
                a.alumnusId(),
                a.riskLevel(),
                a.dueDate(),
                a.assignee(),
                a.raisedAt(),
                a.acknowledgedAt(),
                a.acknowledgedBy(),
                a.resolvedAt(),
                a.resolvedBy(),
                a.resolution(),
                a.version());
    }

    /** A page of the inbox. */
    public record Page(List<AlertResponse> items, int page, int size, long total) {}
}
