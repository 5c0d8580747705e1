package nl.integrity.declaration.risk;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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
    private UUID id;

    @Column(nullable = false)
    private String organisation;

    @Column(nullable = false)
    private String code;

    @Column(nullable = false)
    private int revision;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private RiskLevel level;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    private List<RuleCondition> conditions = new ArrayList<>();

    @Column(name = "text_nl", nullable = false)
    private String textNl;

    @Column(name = "text_en", nullable = false)
    private String textEn;

    @Column(nullable = false)
    private boolean enabled;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "updated_by", nullable = false)
    private String updatedBy;

    protected RiskRule() {}

    /** A new rule of the organisation, at revision 0 until its first {@link #change} (not stored yet). */
    static RiskRule create(String organisation, String code) {
        var rule = new RiskRule();
        rule.id = UUID.randomUUID();
        rule.organisation = organisation;
        rule.code = code;
        return rule;
    }

    /**
     * A new revision of the rule. With {@code expectedRevision} (0 for a rule that should not exist
     * yet) a change made on an outdated view of the rule is refused instead of overwriting the
     * change in between.
     */
    void change(
            Integer expectedRevision,
            RiskLevel newLevel,
            List<RuleCondition> newConditions,
            String newTextNl,
            String newTextEn,
            boolean enable,
            String by,
            Instant at) {
        if (expectedRevision != null && expectedRevision != revision) {
            throw new StaleRule(code, expectedRevision, revision);
        }
        revision = revision + 1;
        level = newLevel;
        conditions = new ArrayList<>(newConditions);
        textNl = newTextNl;
        textEn = newTextEn;
        enabled = enable;
        updatedBy = by;
        updatedAt = at;
    }

    boolean matches(AssessmentFacts facts) {
        return enabled && conditions.stream().allMatch(c -> c.holdsFor(facts));
    }

    /**
     * A copy that no persistence context tracks, for sharing between threads and transactions (the
     * assessment cache); nothing changes it, its conditions are immutable.
     */
    public RiskRule snapshot() {
        var copy = new RiskRule();
        copy.id = id;
        copy.organisation = organisation;
        copy.code = code;
        copy.revision = revision;
        copy.level = level;
        copy.conditions = List.copyOf(conditions);
        copy.textNl = textNl;
        copy.textEn = textEn;
        copy.enabled = enabled;
        copy.updatedAt = updatedAt;
        copy.updatedBy = updatedBy;
        return copy;
    }

    public static List<RiskRule> enabledOf(String organisation) {
        return list("organisation = ?1 and enabled = true order by code", organisation);
    }

    /** The organisation's rules, enabled or not, by code. */
    static List<RiskRule> allOf(String organisation) {
        return list("organisation = ?1 order by code", organisation);
    }

    static Optional<RiskRule> byCode(String organisation, String code) {
        return find("organisation = ?1 and code = ?2", organisation, code).firstResultOptional();
    }

    /** The rule with this code, locked until the transaction ends, so two changes of it go one after the other. */
    static Optional<RiskRule> forChange(String organisation, String code) {
        return find("organisation = ?1 and code = ?2", organisation, code)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResultOptional();
    }

    UUID id() {
        return id;
    }

    String organisation() {
        return organisation;
    }

    public String code() {
        return code;
    }

    int revision() {
        return revision;
    }

    RiskLevel level() {
        return level;
    }

    List<RuleCondition> conditions() {
        return conditions;
    }

    String textNl() {
        return textNl;
    }

    public String textEn() {
        return textEn;
    }

    boolean enabled() {
        return enabled;
    }

    Instant updatedAt() {
        return updatedAt;
    }

    String updatedBy() {
        return updatedBy;
    }
}
