package nl.integrity.alumni.aftercare;

/** How a contact moment went. */
public enum AftercareOutcome {
    /** The office spoke with the former employee. */
    REACHED,
    /** The office tried and did not reach them. */
    NOT_REACHED,
    /** They did not want contact (this time). */
    DECLINED,
    /** They were referred to other help (a company doctor, a confidential adviser, social work). */
    REFERRED
}
