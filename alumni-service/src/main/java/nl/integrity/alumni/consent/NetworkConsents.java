package nl.integrity.alumni.consent;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import nl.integrity.alumni.registry.Alumnus;
import nl.integrity.platform.outbox.Outbox;

/** Application service of alumni-network consent: the transaction boundary of a change. */
@ApplicationScoped
public class NetworkConsents {

    private final Outbox outbox;
    private final Clock clock;

    NetworkConsents(Outbox outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    /**
     * Records the alumnus' choice and announces it, unless it is what already holds (a first
     * refusal is recorded too, so the history shows it was asked and answered).
     *
     * @return the history after the change, oldest first
     */
    @Transactional
    public List<NetworkConsent> change(Alumnus alumnus, boolean given) {
        var history = NetworkConsent.history(alumnus.id);
        if (!history.isEmpty() && NetworkConsent.current(history) == given) {
            return history;
        }
        var change = new NetworkConsent();
        change.alumnusId = alumnus.id;
        change.given = given;
        change.changedAt = clock.instant();
        change.channel = "portal";
        change.persist();
        outbox.append(NetworkConsentChanged.TOPIC, alumnus.id.toString(), NetworkConsentChanged.TYPE,
                "alumni/" + alumnus.id, new NetworkConsentChanged(alumnus.id, alumnus.organisation.name(), given,
                        change.changedAt));
        return NetworkConsent.history(alumnus.id);
    }
}
