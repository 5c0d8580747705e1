package nl.integrity.alumni.registry;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import nl.integrity.alumni.AlumniConfig;
import nl.integrity.platform.schedule.PeriodicJob;

/**
 * The daily run that makes leavers departed on their departure date (cron
 * {@code alumni.departures.cron}, shortly after midnight), once per day across instances.
 */
@ApplicationScoped
class DepartureDay implements PeriodicJob {

    private final Registry registry;
    private final String cron;

    DepartureDay(Registry registry, AlumniConfig config) {
        this.registry = registry;
        this.cron = config.departures().cron();
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
