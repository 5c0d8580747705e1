package nl.integrity.declaration.alumni;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** The current version of a function profile of an organisation's catalogue, from {@code function-profile.events}. */
@Entity
@Table(name = "known_function_profile")
public class KnownFunctionProfile extends PanacheEntityBase {

    @EmbeddedId
    public Key key;

    @Column(nullable = false)
    public int version;

    @Column(nullable = false)
    public String title;

    @Column(name = "function_group", nullable = false)
    public String functionGroup;

    @Column(name = "risk_level", nullable = false)
    public String riskLevel;

    @Column(name = "cooling_off_months", nullable = false)
    public int coolingOffMonths;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "sensitive_sectors", nullable = false)
    public List<String> sensitiveSectors = new ArrayList<>();

    @Column(nullable = false)
    public boolean retired;

    @Embeddable
    public record Key(@Column(name = "organisation") String organisation, @Column(name = "code") String code)
            implements Serializable {
    }

    public static Optional<KnownFunctionProfile> of(String organisation, String code) {
        return code == null ? Optional.empty() : findByIdOptional(new Key(organisation, code));
    }
}
