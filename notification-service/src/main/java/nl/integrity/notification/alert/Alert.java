package nl.integrity.notification.alert;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/** Something one organisation's integrity office must look at, raised from an event. */
@Entity
@Table(name = "alert")
public class Alert extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String organisation;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public AlertKind kind;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public AlertStatus status;

    @Column(nullable = false)
    public String summary;

    @Column(name = "declaration_id")
    public UUID declarationId;

    @Column(name = "alumnus_id")
    public UUID alumnusId;

    @Column(name = "source_event_id", nullable = false)
    public UUID sourceEventId;

    @Column(name = "raised_at", nullable = false)
    public Instant raisedAt;

    @Version
    public long version;

    protected Alert() {
    }

    static Alert raise(String organisation, AlertKind kind, String summary, UUID sourceEventId, Instant now) {
        var alert = new Alert();
        alert.id = UUID.randomUUID();
        alert.organisation = organisation;
        alert.kind = kind;
        alert.status = AlertStatus.NEW;
        alert.summary = summary;
        alert.sourceEventId = sourceEventId;
        alert.raisedAt = now;
        return alert;
    }
}
