package nl.integrity.alumni.catalogue;

/** Groups of functions with comparable post-employment risks (DOMAIN.md, follow-up line 2). */
public enum FunctionGroup {
    INVESTIGATION,
    ICT,
    INTELLIGENCE,
    OPERATIONAL,
    BORDER_SECURITY,
    LEADERSHIP,
    SUPPORT
}
