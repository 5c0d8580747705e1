package nl.integrity.declaration.risk;

/** Why a declaration version got its level: one matched rule, explained in Dutch and English. */
public record RiskReason(String code, RiskLevel level, String textNl, String textEn, int ruleRevision) {}
