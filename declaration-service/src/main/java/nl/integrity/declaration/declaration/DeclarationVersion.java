package nl.integrity.declaration.declaration;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Embedded;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import nl.integrity.declaration.risk.RiskLevel;
import nl.integrity.declaration.risk.RiskReason;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One version of a declaration as it was declared, with its risk assessment. Never changed afterwards. */
@Entity
@Table(name = "declaration_version")
public class DeclarationVersion extends PanacheEntityBase {

    @EmbeddedId
    public Key key;

    @Embedded
    public Activity activity;

    @Column(name = "declared_at", nullable = false)
    public Instant declaredAt;

    @Column(nullable = false)
    public boolean late;

    @Enumerated(EnumType.STRING)
    @Column(name = "risk_level")
    public RiskLevel riskLevel;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "risk_reasons")
    public List<RiskReason> riskReasons = new ArrayList<>();

    @Column(name = "assessed_at")
    public Instant assessedAt;

    @Embeddable
    public record Key(@Column(name = "declaration_id") UUID declarationId, @Column(name = "number") int number)
            implements Serializable {
    }

    public static DeclarationVersion of(Declaration d, Instant now) {
        var v = new DeclarationVersion();
        v.key = new Key(d.id, d.currentVersion);
        v.activity = d.activity.copy();
        v.declaredAt = now;
        return v;
    }

    public static List<DeclarationVersion> of(UUID declarationId) {
        return list("key.declarationId = ?1 order by key.number", declarationId);
    }

    public static DeclarationVersion current(Declaration d) {
        return findById(new Key(d.id, d.currentVersion));
    }
}
