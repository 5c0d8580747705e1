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
import java.util.Set;
import java.util.UUID;

/**
 * One version of a function profile. Never changed once written: whatever was computed or
 * decided with it keeps pointing at it.
 */
@Entity
@Table(name = "function_profile_version")
public class FunctionProfileVersion extends PanacheEntityBase {

    @Id
    public UUID id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "profile_id")
    public FunctionProfile profile;

    @Column(nullable = false)
    public int number;

    @Column(nullable = false)
    public String title;

    @Enumerated(EnumType.STRING)
    @Column(name = "function_group", nullable = false)
    public FunctionGroup functionGroup;

    @Enumerated(EnumType.STRING)
    @Column(name = "risk_level", nullable = false)
    public RiskLevel riskLevel;

    @Column(name = "cooling_off_months", nullable = false)
    public int coolingOffMonths;

    @Convert(converter = SectorsConverter.class)
    @Column(name = "sensitive_sectors", nullable = false)
    public Set<Sector> sensitiveSectors;

    @Column(columnDefinition = "text")
    public String rationale;

    @Column(name = "valid_from", nullable = false)
    public Instant validFrom;

    @Column(name = "changed_by", nullable = false)
    public String changedBy;

    protected FunctionProfileVersion() {
    }

    static FunctionProfileVersion of(FunctionProfile profile, int number, FunctionDefinition d, String changedBy,
                                     Instant validFrom) {
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

    public FunctionDefinition definition() {
        return new FunctionDefinition(title, functionGroup, riskLevel, coolingOffMonths, sensitiveSectors, rationale);
    }
}
