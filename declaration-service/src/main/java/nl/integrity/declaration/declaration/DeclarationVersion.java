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
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import nl.integrity.declaration.risk.RiskAssessment;
import nl.integrity.declaration.risk.RiskLevel;
import nl.integrity.declaration.risk.RiskReason;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One version of a declaration as it was declared, with its risk assessment. Never changed afterwards. */
@Entity
@Table(name = "declaration_version")
public class DeclarationVersion extends PanacheEntityBase {

    @EmbeddedId
    private Key key;

    @Embedded
    private Activity activity;

    @Column(name = "declared_at", nullable = false)
    private Instant declaredAt;

    @Column(nullable = false)
    private boolean late;

    @Enumerated(EnumType.STRING)
    @Column(name = "risk_level")
    private RiskLevel riskLevel;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "risk_reasons")
    private List<RiskReason> riskReasons = new ArrayList<>();

    @Column(name = "assessed_at")
    private Instant assessedAt;

    protected DeclarationVersion() {}

    @Embeddable
    public record Key(
            @Column(name = "declaration_id") UUID declarationId,
            @Column(name = "number") int number) implements Serializable {}

    /** The declaration's current content as declared {@code now}, with its assessment (not stored yet). */
    static DeclarationVersion assessed(Declaration d, Instant now, boolean late, RiskAssessment assessment) {
        var v = new DeclarationVersion();
        v.key = new Key(d.id(), d.currentVersion());
        v.activity = d.activity().copy();
        v.declaredAt = now;
        v.late = late;
        v.riskLevel = assessment.level();
        v.riskReasons = new ArrayList<>(assessment.reasons());
        v.assessedAt = now;
        return v;
    }

    public static List<DeclarationVersion> of(UUID declarationId) {
        return list("key.declarationId = ?1 order by key.number", declarationId);
    }

    /** The versions of several declarations in one query, each declaration's oldest first. */
    static List<DeclarationVersion> ofAll(Collection<UUID> declarationIds) {
        return declarationIds.isEmpty()
                ? List.of()
                : list("key.declarationId in ?1 order by key.declarationId, key.number", declarationIds);
    }

    UUID declarationId() {
        return key.declarationId();
    }

    static DeclarationVersion current(Declaration d) {
        return findById(new Key(d.id(), d.currentVersion()));
    }

    int number() {
        return key.number();
    }

    public Activity activity() {
        return activity;
    }

    Instant declaredAt() {
        return declaredAt;
    }

    boolean late() {
        return late;
    }

    RiskLevel riskLevel() {
        return riskLevel;
    }

    List<RiskReason> riskReasons() {
        return riskReasons;
    }

    Instant assessedAt() {
        return assessedAt;
    }
}
