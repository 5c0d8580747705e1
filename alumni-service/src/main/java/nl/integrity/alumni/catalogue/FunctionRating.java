package nl.integrity.alumni.catalogue;

import java.util.UUID;

/** A function as the catalogue rates it now: the current version of its profile. */
public record FunctionRating(
        String code, UUID versionId, FunctionGroup functionGroup, RiskLevel riskLevel, int coolingOffMonths) {}
