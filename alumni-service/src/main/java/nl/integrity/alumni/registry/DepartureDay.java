package nl.integrity.alumni.registry;

import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.ScheduledExecution;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import nl.integrity.platform.schedule.PeriodicJob;
import nl.integrity.platform.schedule.ScheduledRuns;

/**
 * The daily run that makes leavers departed on their departure date (cron
 * {@code alumni.departures.cron}, shortly after midnight), once per day across instances.
 */
@ApplicationScoped
class DepartureDay implements PeriodicJob {

    private final Registry registry;
    private final ScheduledRuns runs;

    DepartureDay(Registry registry, ScheduledRuns runs) {
        this.registry = registry;
        this.runs = runs;
    }

    @Scheduled(identity = "departed-today", cron = "${alumni.departures.cron:0 5 0 * * ?}",
               skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void daily(ScheduledExecution execution) {
        runs.runOnce(this, execution.getScheduledFireTime());
    }

    @Override
    public String name() {
        return "departed-today";
    }

    @Override
    public String run(Instant period) {
        return registry.markDeparted(PeriodicJob.dayOf(period)) + " leavers departed";
    }
}
