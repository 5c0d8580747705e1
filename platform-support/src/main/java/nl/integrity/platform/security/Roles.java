package nl.integrity.platform.security;

/** The realm roles of the integrity realm (.spec.realm of deploy/keycloak/integrity-realm-import.json). */
public final class Roles {

    public static final String ALUMNUS = "alumnus";
    public static final String OFFICER = "integrity-officer";
    public static final String ADMIN = "integrity-admin";
    public static final String HR_SYSTEM = "hr-system";

    private Roles() {}
}
