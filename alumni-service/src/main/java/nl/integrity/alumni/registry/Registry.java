package nl.integrity.alumni.registry;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import nl.integrity.platform.outbox.Outbox;

/** Application service of the registry: the transaction boundary around registering departures. */
@ApplicationScoped
public class Registry {

    private final Outbox outbox;
    private final Clock clock;

    Registry(Outbox outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    /** What a registration did: the alumnus, and whether it was new or already known. */
    public record Registration(Alumnus alumnus, boolean created) {
    }

    /**
     * Registers a departure, idempotent on organisation + personnel number: a repeated call
     * returns the existing record and publishes nothing. A new record and its
     * {@link AlumnusRegistered} event are stored in one transaction.
     */
    @Transactional
    public Registration registerDeparture(Departure departure) {
        var existing = Alumnus.findByPersonnelNumber(departure.organisation(), departure.personnelNumber());
        if (existing.isPresent()) {
            return new Registration(existing.get(), false);
        }
        var alumnus = Alumnus.register(departure, clock);
        // Flushed here, so a concurrent twin registration fails inside this method on the unique key.
        alumnus.persistAndFlush();
        outbox.append(AlumnusRegistered.TOPIC, alumnus.id.toString(), AlumnusRegistered.TYPE,
                "alumni/" + alumnus.id, AlumnusRegistered.of(alumnus));
        return new Registration(alumnus, true);
    }
}
