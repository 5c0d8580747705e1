package nl.integrity.alumni.registry;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import nl.integrity.platform.schedule.PeriodicJob;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The daily run that makes leavers departed on their departure date (cron
 * {@code alumni.departures.cron}, shortly after midnight), once per day across instances.
 */
@ApplicationScoped
class DepartureDay implements PeriodicJob {

    private final Registry registry;
    private final String cron;

    DepartureDay(Registry registry, @ConfigProperty(name = "alumni.departures.cron", defaultValue = "0 5 0 * * ?") String cron) {
        this.registry = registry;
        this.cron = cron;
    }

    @Override
    public String name() {
        return "departed-today";
    }

    @Override
    public String cron() {
        return cron;
    }

    @Override
    public String run(Instant period) {
        return registry.markDeparted(PeriodicJob.dayOf(period)) + " leavers departed";
    }
}
