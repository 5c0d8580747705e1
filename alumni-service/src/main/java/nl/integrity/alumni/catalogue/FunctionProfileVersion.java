package nl.integrity.alumni.catalogue;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Collections;
import java.util.Set;
import java.util.UUID;

/**
 * One version of a function profile. Never changed once written: whatever was computed or
 * decided with it keeps pointing at it.
 */
@Entity
@Table(name = "function_profile_version")
class FunctionProfileVersion extends PanacheEntityBase {

    @Id
    private UUID id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "profile_id")
    private FunctionProfile profile;

    @Column(nullable = false)
    private int number;

    @Column(nullable = false)
    private String title;

    @Enumerated(EnumType.STRING)
    @Column(name = "function_group", nullable = false)
    private FunctionGroup functionGroup;

    @Enumerated(EnumType.STRING)
    @Column(name = "risk_level", nullable = false)
    private RiskLevel riskLevel;

    @Column(name = "cooling_off_months", nullable = false)
    private int coolingOffMonths;

    @Convert(converter = SectorsConverter.class)
    @Column(name = "sensitive_sectors", nullable = false)
    private Set<Sector> sensitiveSectors;

    @Column(columnDefinition = "text")
    private String rationale;

    @Column(name = "valid_from", nullable = false)
    private Instant validFrom;

    @Column(name = "changed_by", nullable = false)
    private String changedBy;

    protected FunctionProfileVersion() {}

    static FunctionProfileVersion of(
            FunctionProfile profile, int number, FunctionDefinition d, String changedBy, Instant validFrom) {
        var v = new FunctionProfileVersion();
        v.id = UUID.randomUUID();
        v.profile = profile;
        v.number = number;
        v.title = d.title();
        v.functionGroup = d.functionGroup();
        v.riskLevel = d.riskLevel();
        v.coolingOffMonths = d.coolingOffMonths();
        v.sensitiveSectors = d.sensitiveSectors();
        v.rationale = d.rationale();
        v.changedBy = changedBy;
        v.validFrom = validFrom;
        return v;
    }

    FunctionDefinition definition() {
        return new FunctionDefinition(title, functionGroup, riskLevel, coolingOffMonths, sensitiveSectors, rationale);
    }

    /** How the catalogue rates the function with this version. */
    FunctionRating rating() {
        return new FunctionRating(profile.code(), id, functionGroup, riskLevel, coolingOffMonths);
    }

    UUID id() {
        return id;
    }

    int number() {
        return number;
    }

    String title() {
        return title;
    }

    FunctionGroup functionGroup() {
        return functionGroup;
    }

    RiskLevel riskLevel() {
        return riskLevel;
    }

    int coolingOffMonths() {
        return coolingOffMonths;
    }

    Set<Sector> sensitiveSectors() {
        return Collections.unmodifiableSet(sensitiveSectors);
    }

    String rationale() {
        return rationale;
    }

    Instant validFrom() {
        return validFrom;
    }

    String changedBy() {
        return changedBy;
    }
}
