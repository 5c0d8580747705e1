package nl.integrity.declaration.audit;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One line of the append-only audit trail: a member of staff read a declaration, or decided on it. */
@Entity
@Table(name = "declaration_audit")
public class DeclarationAudit extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;

    @Column(nullable = false)
    public String actor;

    @Column(name = "actor_id", nullable = false)
    public String actorId;

    @Column(nullable = false)
    public String organisation;

    @Column(nullable = false)
    public String action;

    @Column(name = "declaration_id", nullable = false)
    public UUID declarationId;

    public String detail;

    @Column(name = "request_id")
    public String requestId;

    public static List<DeclarationAudit> of(UUID declarationId) {
        return list("declarationId = ?1 order by occurredAt, id", declarationId);
    }
}
