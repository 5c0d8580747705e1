package nl.integrity.platform.security;

import io.quarkus.oidc.runtime.OidcJwtCallerPrincipal;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.json.JsonString;
import java.util.Optional;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who is calling, as the Keycloak access token says. The claims come from user attributes
 * mapped in the realm: {@code organisation} (POLITIE, KMAR) for alumni and officers, and
 * {@code personnel_number} linking an alumnus' login to their record in the registry.
 */
@RequestScoped
public class Caller {

    public static final String ORGANISATION_CLAIM = "organisation";
    public static final String PERSONNEL_NUMBER_CLAIM = "personnel_number";
    /**
     * What a username is (Keycloak's: letters, digits and {@code . _ - @}), for requests that name a colleague:
     * a case is never assigned to blank, invisible or made-up text.
     */
    public static final String USERNAME = "[A-Za-z0-9._@-]{1,100}";

    private final SecurityIdentity identity;
    private final JsonWebToken token;

    Caller(SecurityIdentity identity, JsonWebToken token) {
        this.identity = identity;
        this.token = token;
    }

    public String subject() {
        return token.getSubject();
    }

    public String username() {
        return identity.getPrincipal().getName();
    }

    public boolean hasRole(String role) {
        return identity.hasRole(role);
    }

    /** The caller's organisation; a staff or alumnus token without one may see nothing. */
    public String organisation() {
        return claim(ORGANISATION_CLAIM).orElseThrow(() -> new MissingClaim(ORGANISATION_CLAIM));
    }

    public String personnelNumber() {
        return claim(PERSONNEL_NUMBER_CLAIM).orElseThrow(() -> new MissingClaim(PERSONNEL_NUMBER_CLAIM));
    }

    /**
     * A claim as text. Read from the verified token's claims set when the caller came with an OIDC
     * token: smallrye-jwt's {@code getClaim} first looks every name up among the standard claims'
     * enum constants, throwing and catching an exception for any other name (ours are others), on
     * every call.
     */
    private Optional<String> claim(String name) {
        Object value = identity.getPrincipal() instanceof OidcJwtCallerPrincipal oidc
                ? oidc.getClaims().getClaimValue(name)
                : token.getClaim(name);
        String text = value instanceof JsonString json ? json.getString() : value == null ? null : value.toString();
        return Optional.ofNullable(text).filter(s -> !s.isBlank());
    }
}
