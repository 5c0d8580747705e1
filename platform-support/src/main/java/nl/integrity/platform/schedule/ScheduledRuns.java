package nl.integrity.platform.schedule;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import nl.integrity.platform.PlatformConfig;
import nl.integrity.platform.instance.InstanceName;
import nl.integrity.platform.metrics.DatabaseGauges;
import org.jboss.logging.Logger;

/**
 * Lets scheduled work happen once per period across all instances of a service, with PostgreSQL
 * doing the coordination: a session-scoped advisory lock per job (only one instance runs a job
 * at a time; the lock goes with the connection when an instance dies) and a row per job and
 * period in {@code scheduled_run} (a period whose run finished is not run again).
 *
 * <p>Every instance schedules every job on its cron; when the triggers fire, the first instance to
 * take the lock claims the period's row and does
 * the work, the others find it running or finished. A run that failed or whose instance died
 * halfway stays unfinished; {@link #recover()} runs it again, on whichever instance gets there
 * first, up to {@code platform.scheduled-runs.max-attempts} times. Jobs key their effects so that
 * such a repeat changes nothing (see {@link PeriodicJob}).
 *
 * <p>The period is the trigger's scheduled fire time, which a cron trigger computes the same on
 * every instance; clocks a few seconds apart give the same period.
 */
@ApplicationScoped
public class ScheduledRuns {

    private static final Logger LOG = Logger.getLogger(ScheduledRuns.class);
    /** The first key of the job locks ("RUNS"); the second is the job name's hash. */
    private static final int LOCK_SPACE = 0x52554e53;

    /** What became of one trigger. */
    public enum Outcome {
        /** This instance did the period's work. */
        RAN,
        /** The period's run finished before (here or elsewhere), or gave up after its attempts. */
        DONE_ALREADY,
        /** Another instance is running the job. */
        RUNNING_ELSEWHERE,
        /** The work failed; the run stays unfinished and is tried again. */
        FAILED
    }

    private final AgroalDataSource dataSource;
    private final Instance<PeriodicJob> jobs;
    private final Scheduler scheduler;
    private final String instance;
    private final int maxAttempts;
    private final MeterRegistry registry;
    private final DatabaseGauges gauges;
    private final Map<String, DatabaseGauges.Value> lastSuccess = new ConcurrentHashMap<>();

    ScheduledRuns(
            AgroalDataSource dataSource,
            Instance<PeriodicJob> jobs,
            Scheduler scheduler,
            InstanceName instance,
            PlatformConfig.ScheduledRuns config,
            MeterRegistry registry,
            DatabaseGauges gauges) {
        this.dataSource = dataSource;
        this.registry = registry;
        this.gauges = gauges;
        gauges.reading(this::readLastSuccesses);
        this.jobs = jobs;
        this.scheduler = scheduler;
        this.instance = instance.get();
        this.maxAttempts = config.maxAttempts();
    }

    /** Schedules every job on its cron; each trigger hands the job and its fire time to {@link #runOnce}. */
    void schedule(@Observes StartupEvent started) {
        for (PeriodicJob job : jobs) {
            String cron = job.cron().trim();
            if (cron.equalsIgnoreCase("off") || cron.equalsIgnoreCase("disabled")) {
                continue;
            }
            lastSuccess.put(
                    job.name(),
                    gauges.gauge(
                            "scheduled.run.last.success.timestamp",
                            "When the job's last successful run finished, on any instance (epoch seconds)",
                            "seconds",
                            Tags.of("task", job.name())));
            // At zero from the start, so that the first failure after a start is an increase an alert sees.
            counter(job, "success");
            counter(job, "failure");
            scheduler
                    .newJob("scheduled-run:" + job.name())
                    .setCron(cron)
                    .setSkipPredicate(Scheduled.ApplicationNotRunning.class)
                    .setTask(execution -> runOnce(job, execution.getScheduledFireTime()))
                    .schedule();
        }
    }

    /**
     * Does {@code job}'s work for {@code period} here, unless the period's run finished already or
     * another instance is running the job now.
     */
    public Outcome runOnce(PeriodicJob job, Instant period) {
        Instant key = period.truncatedTo(ChronoUnit.SECONDS);
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            if (!lock(connection, "pg_try_advisory_lock", job.name())) {
                LOG.debugf("Run %s of %s: running on another instance", job.name(), key);
                return Outcome.RUNNING_ELSEWHERE;
            }
            try {
                Integer attempt = claim(connection, job.name(), key);
                if (attempt == null) {
                    LOG.debugf("Run %s of %s: done already", job.name(), key);
                    return Outcome.DONE_ALREADY;
                }
                String summary;
                try {
                    summary = job.run(key);
                } catch (RuntimeException e) {
                    // The exception's message may quote data; the log gets its kind, the debug log the rest.
                    LOG.errorf(
                            "Run %s of %s failed (attempt %d of %d): %s",
                            job.name(), key, attempt, maxAttempts, e.getClass().getName());
                    LOG.debugf(e, "Run %s of %s failed", job.name(), key);
                    record(
                            connection,
                            job.name(),
                            key,
                            false,
                            "failed: " + e.getClass().getSimpleName());
                    count(job, "failure");
                    return Outcome.FAILED;
                }
                record(connection, job.name(), key, true, summary);
                count(job, "success");
                LOG.infof("Run %s of %s done on %s (attempt %d): %s", job.name(), key, instance, attempt, summary);
                return Outcome.RAN;
            } finally {
                lock(connection, "pg_advisory_unlock", job.name());
            }
        } catch (SQLException e) {
            LOG.warnf(
                    "Run %s of %s could not be coordinated, the next trigger tries again: %s",
                    job.name(), key, e.getMessage());
            return Outcome.FAILED;
        }
    }

    /** Counts a run this instance did: {@code scheduled_runs_total} by task (the job's name) and outcome. */
    private void count(PeriodicJob job, String outcome) {
        counter(job, outcome).increment();
    }

    private Counter counter(PeriodicJob job, String outcome) {
        return registry.counter("scheduled.runs", "task", job.name(), "outcome", outcome);
    }

    /**
     * When each scheduled job last finished well on any instance, from the run table; NaN before its first
     * success. While the database cannot be read the last value read stays: it is still the last success known.
     */
    private void readLastSuccesses(Connection connection) throws SQLException {
        Map<String, Double> finished = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement(
                        "select job, max(finished_at) from scheduled_run where finished_at is not null group by job");
                ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                finished.put(rows.getString(1), rows.getTimestamp(2).toInstant().toEpochMilli() / 1000.0);
            }
        }
        lastSuccess.forEach((job, value) -> value.set(finished.getOrDefault(job, Double.NaN)));
    }

    /**
     * Runs again what a failure or a dead instance left unfinished, the oldest first. Runs that
     * are still going hold their job's lock and are left alone.
     */
    @Scheduled(
            every = "${platform.scheduled-runs.recovery-interval:1m}",
            delayed = "${platform.scheduled-runs.recovery-delay:20s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void recover() {
        record Unfinished(String job, Instant period) {}
        List<Unfinished> unfinished = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement("""
                     select job, period from scheduled_run
                     where finished_at is null and attempts < ? order by period limit 100""")) {
            select.setInt(1, maxAttempts);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    unfinished.add(new Unfinished(
                            rows.getString(1), rows.getTimestamp(2).toInstant()));
                }
            }
        } catch (SQLException e) {
            LOG.warnf("Unfinished runs could not be looked up: %s", e.getMessage());
            return;
        }
        for (Unfinished run : unfinished) {
            jobs.stream()
                    .filter(j -> j.name().equals(run.job()))
                    .findFirst()
                    .ifPresent(job -> runOnce(job, run.period()));
        }
    }

    private static boolean lock(Connection connection, String function, String job) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("select " + function + "(?, ?)")) {
            statement.setInt(1, LOCK_SPACE);
            statement.setInt(2, job.hashCode());
            try (ResultSet result = statement.executeQuery()) {
                return result.next() && result.getBoolean(1);
            }
        }
    }

    /** Takes the period's run: the attempt's number, or null when it finished or gave up already. */
    private Integer claim(Connection connection, String job, Instant period) throws SQLException {
        try (PreparedStatement claim = connection.prepareStatement("""
                insert into scheduled_run (job, period, instance, attempts, started_at)
                values (?, ?, ?, 1, now())
                on conflict (job, period) do update
                    set instance = excluded.instance, attempts = scheduled_run.attempts + 1, started_at = now()
                    where scheduled_run.finished_at is null and scheduled_run.attempts < ?
                returning attempts""")) {
            claim.setString(1, job);
            claim.setTimestamp(2, Timestamp.from(period));
            claim.setString(3, instance);
            claim.setInt(4, maxAttempts);
            try (ResultSet result = claim.executeQuery()) {
                return result.next() ? result.getInt(1) : null;
            }
        }
    }

    private static void record(Connection connection, String job, Instant period, boolean finished, String outcome)
            throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("""
                update scheduled_run set outcome = ?, finished_at = case when ? then now() end
                where job = ? and period = ?""")) {
            update.setString(1, outcome == null || outcome.length() <= 500 ? outcome : outcome.substring(0, 500));
            update.setBoolean(2, finished);
            update.setString(3, job);
            update.setTimestamp(4, Timestamp.from(period));
            update.executeUpdate();
        }
    }
}
