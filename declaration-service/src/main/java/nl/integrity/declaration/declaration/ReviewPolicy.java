package nl.integrity.declaration.declaration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;
import java.util.Set;
import nl.integrity.declaration.risk.RiskLevel;

/** How an office reviews: the decision period, when to warn, and which risks need four eyes. */
@ConfigMapping(prefix = "declaration.review")
public interface ReviewPolicy {

    /** Working days from submission to the due date of the decision. */
    @WithDefault("30")
    int workingDays();

    /** A decision-due-soon event goes out when this many working days or fewer are left. */
    @WithDefault("5")
    int dueSoonWorkingDays();

    /** Risk levels at which a decision takes a second officer's confirmation; absent or empty for none. */
    Optional<Set<RiskLevel>> fourEyesLevels();

    default boolean needsSecondOfficer(RiskLevel level) {
        return level != null && fourEyesLevels().map(levels -> levels.contains(level)).orElse(false);
    }
}
