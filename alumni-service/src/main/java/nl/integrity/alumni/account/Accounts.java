package nl.integrity.alumni.account;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.util.UUID;
import nl.integrity.alumni.registry.RecordFacts;
import nl.integrity.platform.problem.NotFound;
import nl.integrity.platform.problem.ProblemException;

/**
 * Keeps track of what each alumnus' login is owed, in the transaction of the change that owes it:
 * a new record with an e-mail address owes an invitation, new contact details an update (or the
 * first invitation, to the new address), an anonymised record the removal. {@link AccountKeeper}
 * does the work.
 */
@ApplicationScoped
class Accounts {

    private final Clock clock;
    private final Event<Owed> owed;

    Accounts(Clock clock, Event<Owed> owed) {
        this.clock = clock;
        this.owed = owed;
    }

    /** A login is owed work now: the keeper starts on it once the transaction committed. */
    record Owed(UUID alumnusId) {}

    void follow(@Observes RecordFacts facts) {
        if (facts.change() == RecordFacts.Change.REGISTERED) {
            // A new record has no login yet: no lookup (a bulk import registers thousands in a row).
            if (facts.email() != null) {
                AlumnusAccount.invite(facts.alumnusId(), facts.organisation(), clock.instant())
                        .persist();
                owed.fire(new Owed(facts.alumnusId()));
            }
            return;
        }
        var existing = AlumnusAccount.of(facts.alumnusId());
        if (facts.change() == RecordFacts.Change.ANONYMISED) {
            existing.ifPresent(account -> account.remove(clock.instant()));
        } else if (existing.isPresent()) {
            existing.get().contactChanged(clock.instant());
        } else if (facts.email() != null) {
            AlumnusAccount.invite(facts.alumnusId(), facts.organisation(), clock.instant())
                    .persist();
        }
        owed.fire(new Owed(facts.alumnusId()));
    }

    /**
     * An officer asks for the invitation again (or for the first time, for a record that had no
     * address when it was registered); the record must have an address to send it to.
     */
    AlumnusAccount inviteAgain(UUID alumnusId) {
        var facts = RecordFacts.current(alumnusId).orElseThrow(() -> new NotFound("Alumnus", alumnusId));
        if (facts.email() == null) {
            throw new NoAddress();
        }
        var existing = AlumnusAccount.of(alumnusId);
        owed.fire(new Owed(alumnusId));
        if (existing.isPresent()) {
            existing.get().inviteAgain(clock.instant());
            return existing.get();
        }
        var account = AlumnusAccount.invite(alumnusId, facts.organisation(), clock.instant());
        account.persist();
        return account;
    }

    /** 409: an invitation needs an e-mail address on the record. */
    static final class NoAddress extends ProblemException {
        NoAddress() {
            super(409, "no-address", "No e-mail address", "The record has no e-mail address to send an invitation to");
        }
    }
}
