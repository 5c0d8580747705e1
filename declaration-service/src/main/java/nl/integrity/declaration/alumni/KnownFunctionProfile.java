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
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** The current version of a function profile of an organisation's catalogue, from {@code function-profile.events}. */
@Entity
@Table(name = "known_function_profile")
public class KnownFunctionProfile extends PanacheEntityBase {

    @EmbeddedId
    private Key key;

    @Column(nullable = false)
    private int version;

    @Column(nullable = false)
    private String title;

    @Column(name = "function_group", nullable = false)
    private String functionGroup;

    @Column(name = "risk_level", nullable = false)
    private String riskLevel;

    @Column(name = "cooling_off_months", nullable = false)
    private int coolingOffMonths;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "sensitive_sectors", nullable = false)
    private List<String> sensitiveSectors = new ArrayList<>();

    @Column(nullable = false)
    private boolean retired;

    @Embeddable
    public record Key(
            @Column(name = "organisation") String organisation,
            @Column(name = "code") String code) implements Serializable {}

    /** What the catalogue says of the function at a version. */
    public record Facts(
            String title,
            String functionGroup,
            String riskLevel,
            int coolingOffMonths,
            List<String> sensitiveSectors,
            boolean retired) {

        public Facts {
            sensitiveSectors = sensitiveSectors == null ? List.of() : List.copyOf(sensitiveSectors);
        }
    }

    protected KnownFunctionProfile() {}

    /** The profile held, or a new one that holds no version yet (not stored). */
    static KnownFunctionProfile findOrNew(String organisation, String code) {
        var key = new Key(organisation, code);
        return KnownFunctionProfile.<KnownFunctionProfile>findByIdOptional(key).orElseGet(() -> {
            var p = new KnownFunctionProfile();
            p.key = key;
            p.version = 0;
            return p;
        });
    }

    /** Takes the facts unless what is held is as new or newer; {@code true} if taken. */
    boolean apply(int newVersion, Facts f) {
        if (newVersion <= version) {
            return false;
        }
        version = newVersion;
        title = f.title();
        functionGroup = f.functionGroup();
        riskLevel = f.riskLevel();
        coolingOffMonths = f.coolingOffMonths();
        sensitiveSectors = f.sensitiveSectors(); // immutable, never null (Facts)
        retired = f.retired();
        return true;
    }

    /** The organisation's catalogue as it is held, by function code. */
    public static Map<String, Facts> catalogueOf(String organisation) {
        return KnownFunctionProfile.<KnownFunctionProfile>list("key.organisation", organisation).stream()
                .collect(Collectors.toUnmodifiableMap(p -> p.key.code(), KnownFunctionProfile::facts));
    }

    Facts facts() {
        return new Facts(title, functionGroup, riskLevel, coolingOffMonths, sensitiveSectors, retired);
    }

    public static Optional<KnownFunctionProfile> of(String organisation, String code) {
        return code == null ? Optional.empty() : findByIdOptional(new Key(organisation, code));
    }

    int version() {
        return version;
    }

    public String functionGroup() {
        return functionGroup;
    }

    public String riskLevel() {
        return riskLevel;
    }

    public List<String> sensitiveSectors() {
        return sensitiveSectors;
    }
}
