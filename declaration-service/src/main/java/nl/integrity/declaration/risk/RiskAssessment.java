package nl.integrity.declaration.risk;

import java.util.List;

/** The outcome of assessing one declaration version: the highest level of its reasons (LOW without any). */
public record RiskAssessment(RiskLevel level, List<RiskReason> reasons) {

    public RiskAssessment {
        reasons = List.copyOf(reasons);
    }
}
