package nl.integrity.alumni.account;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import nl.integrity.alumni.AlumniConfig;
import nl.integrity.alumni.registry.RecordFacts;
import org.jboss.logging.Logger;
import org.keycloak.admin.client.CreatedResponseUtil;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.UserRepresentation;

/**
 * Does for each login what it is owed, on whichever instance claims it first: creates the user in
 * Keycloak (or finds the one that exists: a retry after a crash, a user made by hand) with the
 * record's organisation, personnel number, name, address and language, in the group that gives the role {@code alumnus},
 * and has Keycloak mail the invitation to set a password; updates a changed address or language;
 * removes the user of an anonymised record. Keycloak down or refusing: tried again later, on a
 * schedule that backs off. An invitation is marked as being sent before it is handed to Keycloak, so
 * a retry after a crash in that moment never sends a second one (it counts the first as sent).
 */
@ApplicationScoped
class AccountKeeper {

    private static final Logger LOG = Logger.getLogger(AccountKeeper.class);
    static final String GROUP = "/alumni";
    static final List<String> INVITATION_ACTIONS = List.of("UPDATE_PASSWORD");

    private final Keycloak keycloak;
    private final AlumniConfig.Accounts config;
    private final EntityManager em;
    private final Clock clock;

    AccountKeeper(Keycloak keycloak, AlumniConfig config, EntityManager em, Clock clock) {
        this.keycloak = keycloak;
        this.config = config.accounts();
        this.em = em;
        this.clock = clock;
    }

    /** One thread that starts on owed work as soon as it is committed; the schedule below is the safety net. */
    private final ExecutorService prompt = Executors.newSingleThreadExecutor(r -> new Thread(r, "alumni-accounts"));

    private final AtomicBoolean promptQueued = new AtomicBoolean();

    void wakeUp(@Observes(during = TransactionPhase.AFTER_SUCCESS) Accounts.Owed owed) {
        if (config.enabled() && promptQueued.compareAndSet(false, true)) {
            try {
                prompt.execute(() -> {
                    promptQueued.set(false);
                    // A thread of our own: the admin client needs a request context, as the scheduler's thread has.
                    ManagedContext requestContext = Arc.container().requestContext();
                    requestContext.activate();
                    try {
                        keepAll();
                    } catch (RuntimeException e) {
                        LOG.warnf("Logins: the prompt round failed (%s); the schedule tries again", describe(e));
                    } finally {
                        requestContext.terminate();
                    }
                });
            } catch (RejectedExecutionException e) {
                promptQueued.set(false); // shutting down: the next instance's schedule takes it
            }
        }
    }

    @PreDestroy
    void stop() {
        prompt.shutdownNow();
    }

    @Scheduled(
            every = "${alumni.accounts.poll-interval:5s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            identity = "alumni-accounts")
    void keepAll() {
        if (!config.enabled()) {
            return; // the owed work waits in alumnus_account until the worker is switched on
        }
        // Round after round while they come back full: a bulk import owes thousands of logins at once.
        // Each claimed login is leased or rescheduled, so no round claims the same one again.
        List<UUID> round;
        do {
            round = claimDue();
            round.forEach(this::keep);
        } while (round.size() >= config.batchSize());
    }

    /** Claims the logins whose work is due, for one lease: another instance skips them meanwhile. */
    List<UUID> claimDue() {
        return QuarkusTransaction.requiringNew().call(() -> {
            Instant now = clock.instant();
            @SuppressWarnings("unchecked")
            List<UUID> ids = em.createNativeQuery("""
                            update alumnus_account set due_at = ?1
                            where alumnus_id in (select alumnus_id from alumnus_account
                                                 where owed is not null and due_at <= ?2
                                                 order by due_at limit ?3 for update skip locked)
                              and owed is not null and due_at <= ?2
                            returning alumnus_id""", UUID.class)
                    .setParameter(1, Timestamp.from(now.plus(config.lease())))
                    .setParameter(2, Timestamp.from(now))
                    .setParameter(3, config.batchSize())
                    .getResultList();
            return ids;
        });
    }

    /** What one login is owed, done now. */
    void keep(UUID alumnusId) {
        var work = QuarkusTransaction.requiringNew()
                .call(() -> AlumnusAccount.of(alumnusId).map(Work::of).orElse(null));
        if (work == null || work.owed() == null) {
            return;
        }
        if (work.owed() == AlumnusAccount.Owed.INVITATION && work.sending()) {
            // An earlier hand-over to Keycloak ended without a record of its outcome (the instance died):
            // the mail may have left, and a second one must not. Counted as sent; the office can ask again.
            QuarkusTransaction.requiringNew()
                    .run(() -> AlumnusAccount.of(alumnusId).ifPresent(account -> account.invited(clock.instant())));
            LOG.warnf("Login of alumnus %s: an invitation's hand-over was interrupted; counted as sent", alumnusId);
            return;
        }
        try {
            Outcome outcome = switch (work.owed()) {
                case INVITATION -> invite(work);
                case UPDATE -> new Outcome(update(work), false);
                case REMOVAL -> new Outcome(remove(work), false);
            };
            QuarkusTransaction.requiringNew()
                    .run(() ->
                            AlumnusAccount.of(alumnusId).ifPresent(account -> record(account, work.owed(), outcome)));
        } catch (RuntimeException e) {
            String error = describe(e);
            QuarkusTransaction.requiringNew()
                    .run(() -> AlumnusAccount.of(alumnusId)
                            .ifPresent(account -> account.failed(
                                    error, clock.instant(), waitAfter(account.attempts()), config.maxAttempts())));
            LOG.warnf("Login of alumnus %s: the %s failed (%s); tried again later", alumnusId, work.owed(), error);
        }
    }

    private void record(AlumnusAccount account, AlumnusAccount.Owed done, Outcome outcome) {
        switch (done) {
            case INVITATION -> {
                if (outcome.invitationSent()) {
                    account.invited(clock.instant());
                } else {
                    account.linked(outcome.userId());
                }
            }
            case UPDATE -> account.updated();
            case REMOVAL -> account.removed(clock.instant());
        }
    }

    /**
     * Finds the login (made before: a retry, another instance, a user an administrator made by hand
     * with the same organisation and personnel number) or makes it, and has Keycloak mail the
     * invitation. A login that has a password already is only linked: its owner needs no invitation.
     */
    private Outcome invite(Work work) {
        var facts = QuarkusTransaction.requiringNew().call(() -> RecordFacts.current(work.alumnusId()));
        if (facts.isEmpty() || facts.get().email() == null) {
            throw new IllegalStateException("the record has no e-mail address (any more)");
        }
        RealmResource realm = realm();
        String userId = work.keycloakId();
        if (userId == null) {
            Optional<UserRepresentation> existing = findExisting(realm, work, facts.get());
            if (existing.isPresent() && hasPassword(realm, existing.get().getId())) {
                return new Outcome(existing.get().getId(), false);
            }
            userId = existing.map(UserRepresentation::getId).orElseGet(() -> create(realm, work, facts.get()));
        }
        // Marked before the hand-over, in its own transaction: if this instance dies during the call, the
        // retry knows an invitation may have left and does not send another.
        String to = userId;
        QuarkusTransaction.requiringNew()
                .run(() -> AlumnusAccount.of(work.alumnusId()).ifPresent(account -> account.sending(to)));
        try {
            realm.users()
                    .get(userId)
                    .executeActionsEmail(
                            config.invitationClient(),
                            config.portalUrl(),
                            (int) config.invitationLifespan().toSeconds(),
                            INVITATION_ACTIONS);
        } catch (RuntimeException e) {
            if (!surelyNotSent(e)) {
                LOG.warnf(
                        "Login of alumnus %s: Keycloak's answer to the invitation was lost (%s); counted as sent",
                        work.alumnusId(), describe(e));
                return new Outcome(userId, true);
            }
            QuarkusTransaction.requiringNew()
                    .run(() -> AlumnusAccount.of(work.alumnusId()).ifPresent(AlumnusAccount::notSent));
            throw e;
        }
        return new Outcome(userId, true);
    }

    /** Keycloak answered with an error, or was never reached: the invitation surely did not leave. */
    static boolean surelyNotSent(RuntimeException e) {
        if (e instanceof WebApplicationException) {
            return true;
        }
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof java.net.ConnectException) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }

    /** What an invitation came to: the login, and whether a mail went out. */
    record Outcome(String userId, boolean invitationSent) {}

    private String update(Work work) {
        var facts = QuarkusTransaction.requiringNew().call(() -> RecordFacts.current(work.alumnusId()));
        if (work.keycloakId() == null || facts.isEmpty()) {
            return work.keycloakId();
        }
        var user = realm().users().get(work.keycloakId());
        UserRepresentation current = user.toRepresentation();
        boolean newAddress =
                !java.util.Objects.equals(current.getEmail(), facts.get().email());
        fill(current, facts.get());
        if (newAddress) {
            current.setEmailVerified(false);
        }
        user.update(current);
        return work.keycloakId();
    }

    private String remove(Work work) {
        if (work.keycloakId() != null) {
            try (Response response = realm().users().delete(work.keycloakId())) {
                if (response.getStatus() != 204 && response.getStatus() != 404) {
                    throw new WebApplicationException(
                            "Keycloak answered " + response.getStatus(), response.getStatus());
                }
            }
        }
        return null;
    }

    /** The login Keycloak has by this name, or by the person's organisation and personnel number. */
    private static Optional<UserRepresentation> findExisting(RealmResource realm, Work work, RecordFacts facts) {
        Optional<UserRepresentation> byName =
                realm.users().searchByUsername(work.username(), true).stream().findFirst();
        if (byName.isPresent()) {
            return byName;
        }
        String organisation = facts.organisation().name();
        return realm
                .users()
                .searchByAttributes("organisation:" + organisation + " personnel_number:" + facts.personnelNumber())
                .stream()
                .filter(u -> u.getAttributes() != null
                        && List.of(organisation).equals(u.getAttributes().get("organisation"))
                        && List.of(facts.personnelNumber())
                                .equals(u.getAttributes().get("personnel_number")))
                .findFirst();
    }

    /** A new user with the record's facts, in the group {@code alumni} (the role {@code alumnus}). */
    private static String create(RealmResource realm, Work work, RecordFacts facts) {
        var user = new UserRepresentation();
        user.setUsername(work.username());
        user.setEnabled(true);
        fill(user, facts);
        user.setEmailVerified(false);
        // The group gives the role alumnus; joining it with the creation needs no right to read the realm's roles.
        user.setGroups(List.of(GROUP));
        String id;
        try (Response response = realm.users().create(user)) {
            if (response.getStatus() == 409) {
                // Made meanwhile (another instance, a retry), or the address belongs to another login.
                return realm.users().searchByUsername(work.username(), true).stream()
                        .findFirst()
                        .map(UserRepresentation::getId)
                        .orElseThrow(() -> new IllegalStateException("the address is in use by another login"));
            }
            id = CreatedResponseUtil.getCreatedId(response);
        }
        return id;
    }

    private static boolean hasPassword(RealmResource realm, String userId) {
        return realm.users().get(userId).credentials().stream().anyMatch(c -> "password".equals(c.getType()));
    }

    /** What the record says the login holds: name, address, language, organisation and personnel number. */
    private static void fill(UserRepresentation user, RecordFacts facts) {
        String name = facts.fullName() == null ? "" : facts.fullName().trim();
        int space = name.indexOf(' ');
        user.setFirstName(space < 0 ? name : name.substring(0, space));
        user.setLastName(space < 0 ? name : name.substring(space + 1).trim());
        user.setEmail(facts.email());
        user.setAttributes(Map.of(
                "organisation", List.of(facts.organisation().name()),
                "personnel_number", List.of(facts.personnelNumber()),
                "locale", List.of(facts.language() == null ? "nl" : facts.language())));
    }

    /** Whether the user set a password; false when Keycloak cannot say now (the login then shows as invited). */
    boolean passwordSet(String keycloakId) {
        if (keycloakId == null) {
            return false;
        }
        try {
            return hasPassword(realm(), keycloakId);
        } catch (RuntimeException e) {
            LOG.debugf("Keycloak could not say whether login %s is in use: %s", keycloakId, describe(e));
            return false;
        }
    }

    private RealmResource realm() {
        return keycloak.realm(config.realm());
    }

    /** The schedule's wait after this many failed attempts; its last wait repeats. */
    Duration waitAfter(int attempts) {
        List<Duration> schedule = config.retrySchedule();
        return schedule.get(Math.min(attempts, schedule.size() - 1));
    }

    private static String describe(RuntimeException e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String what = e instanceof WebApplicationException web
                ? "Keycloak answered " + web.getResponse().getStatus()
                : cause.getClass().getSimpleName();
        return what
                + (cause.getMessage() == null || e instanceof WebApplicationException ? "" : ": " + cause.getMessage());
    }

    /** What the work needs to know of the login, read in one short transaction. */
    record Work(UUID alumnusId, String username, String keycloakId, AlumnusAccount.Owed owed, boolean sending) {
        static Work of(AlumnusAccount a) {
            return new Work(a.alumnusId(), a.username(), a.keycloakId(), a.owed(), a.isSending());
        }
    }
}
