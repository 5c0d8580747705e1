package nl.integrity.alumni.catalogue;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Event {@code nl.integrity.alumni.function-profile-changed.v1} on {@code function-profile.events}:
 * a profile was created, got a new version or was retired. Carries the whole current version,
 * so consumers need no other source. See docs/events.md.
 */
public record FunctionProfileChanged(
        UUID profileId,
        String organisation,
        String code,
        String change,
        int version,
        UUID versionId,
        String title,
        String functionGroup,
        String riskLevel,
        int coolingOffMonths,
        List<String> sensitiveSectors,
        boolean retired,
        Instant validFrom) {

    static final String TYPE = "nl.integrity.alumni.function-profile-changed.v1";
    static final String TOPIC = "function-profile.events";

    enum Change {
        CREATED,
        CHANGED,
        RETIRED
    }

    static FunctionProfileChanged of(FunctionProfile p, Change change) {
        var v = p.current();
        return new FunctionProfileChanged(
                p.id(),
                p.organisation().name(),
                p.code(),
                change.name(),
                v.number(),
                v.id(),
                v.title(),
                v.functionGroup().name(),
                v.riskLevel().name(),
                v.coolingOffMonths(),
                v.sensitiveSectors().stream().map(Enum::name).sorted().toList(),
                p.isRetired(),
                v.validFrom());
    }
}
