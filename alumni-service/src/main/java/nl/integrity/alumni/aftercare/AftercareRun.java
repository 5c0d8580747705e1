package nl.integrity.alumni.aftercare;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import nl.integrity.alumni.AlumniConfig;
import nl.integrity.platform.schedule.PeriodicJob;

/**
 * The daily run that announces aftercare contact moments due and missed to the office (cron
 * {@code alumni.aftercare.cron}), once per day across instances.
 */
@ApplicationScoped
class AftercareRun implements PeriodicJob {

    private final Aftercare aftercare;
    private final String cron;

    AftercareRun(Aftercare aftercare, AlumniConfig config) {
        this.aftercare = aftercare;
        this.cron = config.aftercare().cron();
    }

    @Override
    public String name() {
        return "aftercare-contacts";
    }

    @Override
    public String cron() {
        return cron;
    }

    @Override
    public String run(Instant period) {
        return aftercare.announce(PeriodicJob.dayOf(period)) + " aftercare contact moments announced";
    }
}
