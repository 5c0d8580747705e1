package nl.integrity.alumni.account;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import nl.integrity.alumni.catalogue.Organisation;

/**
 * An alumnus' login in Keycloak, and what is still owed to Keycloak for it: an invitation (create
 * the user if needed, then the mail to set a password), an update (a new address or language), or
 * the removal (the record was anonymised). What the login should hold is read from the record when
 * the work is done, so this keeps no personal data. One invitation per request:
 * it is counted as sent once Keycloak accepted it, and only a request (a registration, an officer's
 * resend) owes another.
 */
@Entity
@Table(name = "alumnus_account")
class AlumnusAccount extends PanacheEntityBase {

    /** What Keycloak is still owed. */
    enum Owed {
        INVITATION,
        UPDATE,
        REMOVAL
    }

    @Id
    @Column(name = "alumnus_id")
    private UUID alumnusId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Organisation organisation;

    @Column(nullable = false)
    private String username;

    @Column(name = "keycloak_id")
    private String keycloakId;

    @Enumerated(EnumType.STRING)
    private Owed owed;

    @Column(name = "due_at")
    private Instant dueAt;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "last_error")
    private String lastError;

    @Column(nullable = false)
    private int invitations;

    /** An invitation was being handed to Keycloak: whether it left is not known until this is cleared. */
    @Column(nullable = false)
    private boolean sending;

    @Column(name = "invited_at")
    private Instant invitedAt;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "removed_at")
    private Instant removedAt;

    @Version
    private long version;

    protected AlumnusAccount() {}

    /** A login for a new alumnus with an e-mail address: it is owed an invitation. */
    static AlumnusAccount invite(UUID alumnusId, Organisation organisation, Instant now) {
        var account = new AlumnusAccount();
        account.alumnusId = alumnusId;
        account.organisation = organisation;
        account.username = usernameOf(alumnusId);
        account.createdAt = now;
        account.owe(Owed.INVITATION, now);
        return account;
    }

    /**
     * The login's name: fixed, unique and telling nothing (the person logs in with their e-mail
     * address). Not the personnel number: Keycloak folds names to lower case, and two records may
     * differ only in that.
     */
    static String usernameOf(UUID alumnusId) {
        return "alumnus-" + alumnusId;
    }

    /** New contact details: Keycloak gets them, or the first invitation goes to the new address. */
    void contactChanged(Instant now) {
        if (removedAt != null) {
            return;
        }
        if (owed == null) {
            owe(keycloakId == null ? Owed.INVITATION : Owed.UPDATE, now);
        }
    }

    /** An officer asks for the invitation again (a lost mail, a link that expired). */
    void inviteAgain(Instant now) {
        if (removedAt != null) {
            throw new IllegalStateException("the login was removed");
        }
        owe(Owed.INVITATION, now);
    }

    /** The record was anonymised: the login goes. */
    void remove(Instant now) {
        if (removedAt == null) {
            owe(Owed.REMOVAL, now);
        }
    }

    private void owe(Owed what, Instant now) {
        sending = false;
        owed = what;
        dueAt = now;
        attempts = 0;
        lastError = null;
    }

    /** The invitation to {@code userId} is being handed to Keycloak now (committed before the call). */
    void sending(String userId) {
        keycloakId = userId;
        sending = true;
    }

    /** Keycloak sent the invitation (or may have: a hand-over whose outcome is unknown counts as sent). */
    void invited(Instant now) {
        sending = false;
        invitations++;
        invitedAt = now;
        done();
    }

    /** Keycloak surely did not send it (it answered with an error, or could not be reached). */
    void notSent() {
        sending = false;
    }

    /** The person had a login with a password already (made by hand, before): linked, nothing sent. */
    void linked(String userId) {
        keycloakId = userId;
        done();
    }

    void updated() {
        done();
    }

    void removed(Instant now) {
        keycloakId = null;
        removedAt = now;
        done();
    }

    /**
     * Keycloak could not be reached or refused: tried again after {@code wait}, until
     * {@code maxAttempts} tries failed; then it waits for an officer (the work stays owed).
     */
    void failed(String error, Instant now, Duration wait, int maxAttempts) {
        attempts++;
        lastError = error.length() > 500 ? error.substring(0, 500) : error;
        dueAt = attempts >= maxAttempts ? null : now.plus(wait);
    }

    /** Owed, but no longer tried by itself: too many attempts failed. */
    boolean stopped() {
        return owed != null && dueAt == null;
    }

    private void done() {
        owed = null;
        dueAt = null;
        attempts = 0;
        lastError = null;
    }

    static Optional<AlumnusAccount> of(UUID alumnusId) {
        return findByIdOptional(alumnusId);
    }

    UUID alumnusId() {
        return alumnusId;
    }

    Organisation organisation() {
        return organisation;
    }

    String username() {
        return username;
    }

    String keycloakId() {
        return keycloakId;
    }

    Owed owed() {
        return owed;
    }

    int attempts() {
        return attempts;
    }

    String lastError() {
        return lastError;
    }

    boolean isSending() {
        return sending;
    }

    int invitations() {
        return invitations;
    }

    Instant invitedAt() {
        return invitedAt;
    }

    Instant removedAt() {
        return removedAt;
    }

    long version() {
        return version;
    }
}
