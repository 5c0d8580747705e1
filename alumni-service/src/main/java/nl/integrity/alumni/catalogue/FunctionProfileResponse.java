package nl.integrity.alumni.catalogue;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** A profile's current version; {@code history} (all versions, oldest first) only when asked for one profile. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FunctionProfileResponse(
        UUID id,
        Organisation organisation,
        String code,
        int version,
        String title,
        FunctionGroup functionGroup,
        RiskLevel riskLevel,
        int coolingOffMonths,
        Set<Sector> sensitiveSectors,
        String rationale,
        Instant validFrom,
        boolean retired,
        Instant retiredAt,
        List<VersionResponse> history) {

    /** One earlier or current version, as it was. */
    public record VersionResponse(
            UUID id,
            int version,
            String title,
            FunctionGroup functionGroup,
            RiskLevel riskLevel,
            int coolingOffMonths,
            Set<Sector> sensitiveSectors,
            String rationale,
            Instant validFrom,
            String changedBy) {

        static VersionResponse from(FunctionProfileVersion v) {
            return new VersionResponse(
                    v.id(),
                    v.number(),
                    v.title(),
                    v.functionGroup(),
                    v.riskLevel(),
                    v.coolingOffMonths(),
                    v.sensitiveSectors(),
                    v.rationale(),
                    v.validFrom(),
                    v.changedBy());
        }
    }

    static FunctionProfileResponse summary(FunctionProfile p) {
        return of(p, null);
    }

    static FunctionProfileResponse withHistory(FunctionProfile p) {
        return of(p, p.versions().stream().map(VersionResponse::from).toList());
    }

    private static FunctionProfileResponse of(FunctionProfile p, List<VersionResponse> history) {
        var v = p.current();
        return new FunctionProfileResponse(
                p.id(),
                p.organisation(),
                p.code(),
                v.number(),
                v.title(),
                v.functionGroup(),
                v.riskLevel(),
                v.coolingOffMonths(),
                v.sensitiveSectors(),
                v.rationale(),
                v.validFrom(),
                p.isRetired(),
                p.retiredAt(),
                history);
    }
}
