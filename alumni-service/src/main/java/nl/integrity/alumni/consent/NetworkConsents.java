package nl.integrity.alumni.consent;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import nl.integrity.alumni.registry.Alumnus;
import nl.integrity.platform.outbox.Outbox;

/** Application service of alumni-network consent: the transaction boundary of a change. */
@ApplicationScoped
class NetworkConsents {

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
        var history = NetworkConsent.history(alumnus.id());
        var change = NetworkConsent.choose(history, alumnus.id(), given, "portal", clock.instant());
        if (change.isEmpty()) {
            return history;
        }
        change.get().persist();
        outbox.append(
                NetworkConsentChanged.TOPIC,
                alumnus.id().toString(),
                NetworkConsentChanged.TYPE,
                "alumni/" + alumnus.id(),
                new NetworkConsentChanged(
                        alumnus.id(),
                        alumnus.organisation().name(),
                        given,
                        change.get().changedAt()));
        return NetworkConsent.history(alumnus.id());
    }
}
