package nl.integrity.alumni.account;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.UUID;
import nl.integrity.alumni.audit.AuditLog;
import nl.integrity.alumni.registry.Alumnus;
import nl.integrity.platform.security.Caller;
import nl.integrity.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** An alumnus' login, for the office of the same organisation: its state, and a new invitation. */
@Path("/api/alumni/{id}/account")
@Tag(name = "Logins")
@Produces(MediaType.APPLICATION_JSON)
public class AccountResource {

    /** An officer had the invitation sent (again). */
    static final String INVITE = "INVITE_TO_PORTAL";

    private final Caller caller;
    private final Accounts accounts;
    private final AccountKeeper keeper;
    private final AuditLog auditLog;

    AccountResource(Caller caller, Accounts accounts, AccountKeeper keeper, AuditLog auditLog) {
        this.caller = caller;
        this.accounts = accounts;
        this.keeper = keeper;
        this.auditLog = auditLog;
    }

    /**
     * The login's state: {@code NONE} (no address, nothing sent), {@code INVITATION_OWED} (the
     * invitation is on its way, or Keycloak is not reachable: see {@code lastError}), {@code INVITED}
     * (sent, no password set yet), {@code ACTIVE} (the alumnus set a password), {@code UPDATE_OWED},
     * {@code REMOVAL_OWED}, {@code REMOVED}; {@code ..._FAILED} when the worker stopped trying (see
     * {@code lastError}; an invitation can be asked for again).
     */
    public record AccountView(
            String username, String state, int invitations, Instant invitedAt, int failedAttempts, String lastError) {}

    @GET
    @RolesAllowed(Roles.OFFICER)
    @Operation(
            summary = "The alumnus' login: invited, active, or what is still owed to it",
            description = "Records of another organisation answer 404.")
    public AccountView account(@PathParam("id") UUID alumnusId) {
        Alumnus.inOrganisationOf(caller, alumnusId);
        return AlumnusAccount.of(alumnusId).map(this::view).orElse(new AccountView(null, "NONE", 0, null, 0, null));
    }

    @POST
    @Path("/invitation")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(Roles.OFFICER)
    @Transactional
    @Operation(
            summary = "Send the invitation (again)",
            description = "For a lost mail or an expired link, or a record that had no address when it was registered. "
                    + "The record must have an e-mail address (409 otherwise). Answers at once; the mail follows.")
    public AccountView invite(@PathParam("id") UUID alumnusId) {
        var alumnus = Alumnus.inOrganisationOf(caller, alumnusId);
        var account = accounts.inviteAgain(alumnusId);
        auditLog.record(INVITE, alumnus.id(), alumnus.organisation().name(), null, null);
        return view(account);
    }

    private AccountView view(AlumnusAccount a) {
        String state;
        if (a.removedAt() != null) {
            state = "REMOVED";
        } else if (a.stopped()) {
            state = a.owed() + "_FAILED";
        } else if (a.owed() != null) {
            state = a.owed() + "_OWED";
        } else {
            state = keeper.passwordSet(a.keycloakId()) ? "ACTIVE" : "INVITED";
        }
        return new AccountView(a.username(), state, a.invitations(), a.invitedAt(), a.attempts(), a.lastError());
    }
}
