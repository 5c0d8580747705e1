package nl.integrity.declaration.declaration;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.integrity.declaration.alumni.KnownFunctionProfile;
import nl.integrity.declaration.risk.RiskRule;
import nl.integrity.platform.cache.ChangeNotices;
import nl.integrity.platform.cache.NoticedCache;

/**
 * What an assessment reads besides the declaration and the alumnus: the organisation's enabled
 * risk rules and its function catalogue. Both change seldom and are read by every submission, so
 * each instance keeps them until a change is noticed: the triggers on {@code risk_rule} and
 * {@code known_function_profile} announce every change when it commits ({@link ChangeNotices}).
 */
@ApplicationScoped
class AssessmentCatalogues {

    /** An organisation's enabled rules (unmanaged copies, by code) and its catalogue by function code. */
    record Catalogue(List<RiskRule> rules, Map<String, KnownFunctionProfile.Facts> functions) {

        Optional<KnownFunctionProfile.Facts> function(String code) {
            return code == null ? Optional.empty() : Optional.ofNullable(functions.get(code));
        }
    }

    private final NoticedCache<String, Catalogue> catalogues;

    AssessmentCatalogues(ChangeNotices notices) {
        this.catalogues = new NoticedCache<>(notices, AssessmentCatalogues::load);
    }

    /** The organisation's catalogue; read in the caller's transaction when not held. */
    Catalogue of(String organisation) {
        return catalogues.get(organisation);
    }

    private static Catalogue load(String organisation) {
        return new Catalogue(
                RiskRule.enabledOf(organisation).stream()
                        .map(RiskRule::snapshot)
                        .toList(),
                KnownFunctionProfile.catalogueOf(organisation));
    }
}
