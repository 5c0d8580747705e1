package nl.integrity.declaration.obligation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import nl.integrity.declaration.alumni.AlumniEvents;
import nl.integrity.platform.outbox.OutboxMessage;
import nl.integrity.platform.schedule.PeriodicJob;
import nl.integrity.platform.schedule.ScheduledRuns;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Scheduled work once per period, coordinated through the real PostgreSQL: each thread below
 * stands for an instance, with a database session of its own, as two processes would have.
 */
@QuarkusTest
class ScheduledRunsTest {

    @Inject
    ScheduledRuns runs;

    @Inject
    Reminders reminders;

    @Inject
    EntityManager em;

    @Inject
    MeterRegistry registry;

    private final ExecutorService instances = Executors.newFixedThreadPool(4);

    @AfterEach
    void stop() {
        instances.shutdownNow();
    }

    /** A job that counts its runs and takes a while, so that triggers on other instances overlap with it. */
    static final class CountingJob implements PeriodicJob {
        final String name = "test-job-" + UUID.randomUUID();
        final AtomicInteger runs = new AtomicInteger();
        volatile boolean fail;

        @Override
        public String name() {
            return name;
        }

        @Override
        public String cron() {
            return "off"; // fired by the test
        }

        @Override
        public String run(Instant period) {
            runs.incrementAndGet();
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (fail) {
                throw new IllegalStateException("the work failed");
            }
            return "counted";
        }
    }

    List<ScheduledRuns.Outcome> fireOnAllInstancesAtOnce(PeriodicJob job, Instant period, int instanceCount)
            throws Exception {
        var barrier = new CyclicBarrier(instanceCount);
        List<Future<ScheduledRuns.Outcome>> fired = new ArrayList<>();
        for (int i = 0; i < instanceCount; i++) {
            fired.add(instances.submit(() -> {
                barrier.await();
                return runs.runOnce(job, period);
            }));
        }
        List<ScheduledRuns.Outcome> outcomes = new ArrayList<>();
        for (var f : fired) {
            outcomes.add(f.get());
        }
        return outcomes;
    }

    @Test
    void triggersFiringTogetherOnFourInstances_runThePeriodOnce() throws Exception {
        var job = new CountingJob();
        Instant period = Instant.parse("2031-03-04T06:30:00Z");

        List<ScheduledRuns.Outcome> outcomes = fireOnAllInstancesAtOnce(job, period, 4);

        assertEquals(1, job.runs.get(), "the work was done once: " + outcomes);
        assertEquals(
                1, outcomes.stream().filter(o -> o == ScheduledRuns.Outcome.RAN).count(), outcomes.toString());
        assertEquals(
                ScheduledRuns.Outcome.DONE_ALREADY,
                runs.runOnce(job, period.plusMillis(400)),
                "a trigger of the same period later (a clock a little behind) finds it done");
        assertEquals(
                ScheduledRuns.Outcome.RAN, runs.runOnce(job, period.plus(1, ChronoUnit.DAYS)), "the next period runs");
        assertEquals(2, job.runs.get());
        assertEquals(2, runsCounted(job, "success"), "scheduled_runs_total counts the runs that did the work");
        assertEquals(0, runsCounted(job, "failure"));
    }

    double runsCounted(CountingJob job, String outcome) {
        var counter = registry.find("scheduled.runs")
                .tag("task", job.name)
                .tag("outcome", outcome)
                .counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void aFailedRun_staysUnfinished_andIsRunAgain_untilItSucceeds() {
        var job = new CountingJob();
        job.fail = true;
        Instant period = Instant.parse("2031-03-05T06:30:00Z");

        assertEquals(ScheduledRuns.Outcome.FAILED, runs.runOnce(job, period));
        assertEquals(null, finishedAt(job.name, period), "a failed run is not finished");
        job.fail = false;
        assertEquals(
                ScheduledRuns.Outcome.RAN, runs.runOnce(job, period), "tried again: the period's work is still to do");
        assertTrue(finishedAt(job.name, period) != null);
        assertEquals(2, attempts(job.name, period));
        assertEquals(ScheduledRuns.Outcome.DONE_ALREADY, runs.runOnce(job, period));
        assertEquals(1, runsCounted(job, "failure"));
        assertEquals(1, runsCounted(job, "success"));
    }

    Instant finishedAt(String job, Instant period) {
        return QuarkusTransaction.requiringNew().call(() -> (Instant) em.createNativeQuery(
                        "select finished_at from scheduled_run where job = ?1 and period = ?2", Instant.class)
                .setParameter(1, job)
                .setParameter(2, period)
                .getSingleResult());
    }

    int attempts(String job, Instant period) {
        return QuarkusTransaction.requiringNew()
                .call(() -> ((Number) em.createNativeQuery(
                                        "select attempts from scheduled_run where job = ?1 and period = ?2")
                                .setParameter(1, job)
                                .setParameter(2, period)
                                .getSingleResult())
                        .intValue());
    }

    @Test
    void theDailyReminderRun_onTwoInstancesAtTheSameMoment_remindsEachAlumnusOnce() throws Exception {
        UUID first = AlumniEvents.registerAndAwait(
                "KMAR", "RR-" + UUID.randomUUID().toString().substring(0, 6));
        UUID second = AlumniEvents.registerAndAwait(
                "POLITIE", "RR-" + UUID.randomUUID().toString().substring(0, 6));
        // 07:30 in the zone the scheduler fires in, on a day inside both windows (2026-03-31 up to 2027-09-30).
        Instant morning = LocalDate.of(2027, 2, 1)
                .atTime(7, 30)
                .atZone(ZoneId.systemDefault())
                .toInstant();

        List<ScheduledRuns.Outcome> outcomes = fireOnAllInstancesAtOnce(reminders, morning, 2);

        assertEquals(
                1, outcomes.stream().filter(o -> o == ScheduledRuns.Outcome.RAN).count(), outcomes.toString());
        assertEquals(1, reminderEvents(first));
        assertEquals(1, reminderEvents(second));
    }

    @Test
    void remindersOfOneDay_appendedByTwoRunsAtOnce_areOneEventPerAlumnus() throws Exception {
        // Without the run table (a run repeated after a crash, or clocks far apart): the event ids keep it to one.
        UUID alumnus = AlumniEvents.registerAndAwait(
                "KMAR", "RC-" + UUID.randomUUID().toString().substring(0, 6));
        LocalDate day = LocalDate.of(2027, 3, 1);
        var barrier = new CyclicBarrier(2);
        List<Future<Integer>> fired = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            fired.add(instances.submit(() -> {
                barrier.await();
                return reminders.remind(day, 100_000);
            }));
        }
        for (var f : fired) {
            f.get();
        }
        assertEquals(1, reminderEvents(alumnus));
    }

    static long reminderEvents(UUID alumnusId) {
        return QuarkusTransaction.requiringNew()
                .call(() -> OutboxMessage.count(
                        "aggregateId = ?1 and eventType = ?2",
                        alumnusId.toString(),
                        "nl.integrity.declaration.reminder-due.v1"));
    }
}
