package nl.integrity.declaration.risk;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A risk rule of an organisation: when all its conditions hold for a declaration version, the
 * version gets a reason with this code and texts, and at least this level. Rules are data that
 * integrity administrators maintain; every change raises the revision, and an assessment keeps
 * the revision it used, so an earlier assessment is never rewritten.
 */
@Entity
@Table(name = "risk_rule")
public class RiskRule extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String organisation;

    @Column(nullable = false)
    public String code;

    @Column(nullable = false)
    public int revision;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public RiskLevel level;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<RuleCondition> conditions = new ArrayList<>();

    @Column(name = "text_nl", nullable = false)
    public String textNl;

    @Column(name = "text_en", nullable = false)
    public String textEn;

    @Column(nullable = false)
    public boolean enabled;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "updated_by", nullable = false)
    public String updatedBy;

    public boolean matches(AssessmentFacts facts) {
        return enabled && conditions.stream().allMatch(c -> c.holdsFor(facts));
    }

    public static List<RiskRule> enabledOf(String organisation) {
        return list("organisation = ?1 and enabled = true order by code", organisation);
    }
}
