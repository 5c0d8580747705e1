package nl.integrity.declaration.review;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import nl.integrity.declaration.declaration.Outcome;

/** A decision on one version of a declaration: proposed (four eyes), in force, or replaced. */
@Entity
@Table(name = "decision")
public class Decision extends PanacheEntityBase {

    public enum Status { PROPOSED, RETURNED, IN_FORCE, SUPERSEDED, WITHDRAWN }

    @Id
    public UUID id;

    @Column(name = "declaration_id", nullable = false)
    public UUID declarationId;

    @Column(name = "version_number", nullable = false)
    public int versionNumber;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Outcome outcome;

    @Column(nullable = false)
    public String rationale;

    @Column(name = "decided_by", nullable = false)
    public String decidedBy;

    @Column(name = "decided_at", nullable = false)
    public Instant decidedAt;

    @Column(name = "confirmed_by")
    public String confirmedBy;

    @Column(name = "confirmed_at")
    public Instant confirmedAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    public static List<Decision> of(UUID declarationId) {
        return list("declarationId = ?1 order by decidedAt", declarationId);
    }

    public static Optional<Decision> withStatus(UUID declarationId, Status status) {
        return find("declarationId = ?1 and status = ?2", declarationId, status).firstResultOptional();
    }
}
