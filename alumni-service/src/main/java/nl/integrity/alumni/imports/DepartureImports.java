package nl.integrity.alumni.imports;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.validation.Validator;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import nl.integrity.alumni.AlumniConfig;
import nl.integrity.alumni.catalogue.FunctionRating;
import nl.integrity.alumni.catalogue.Organisation;
import nl.integrity.alumni.catalogue.Ratings;
import nl.integrity.alumni.registry.Registry;
import nl.integrity.alumni.registry.Registry.ImportedRow;
import nl.integrity.platform.instance.InstanceName;
import org.jboss.logging.Logger;

/**
 * Bulk import of existing alumni, safe with several instances. The upload is stored in the
 * database with the import ({@link StoredUploads}); the instance that received it runs it on its
 * import thread, reading the file row by row and registering the rows in chunks. Each chunk is one
 * transaction holding the registrations, the import's progress and its rejected rows, so a row is
 * counted exactly when it is registered.
 *
 * <p>The running instance holds a lease on the import, renewed by every chunk. When it dies, the
 * lease runs out and another instance takes the import over (checked every
 * {@code alumni.import.takeover-check}), skipping the rows already committed. A chunk only commits
 * while its instance still holds the lease, so an instance that lost it (a long pause, say) cannot
 * count rows twice.
 */
@ApplicationScoped
class DepartureImports {

    private static final Logger LOG = Logger.getLogger(DepartureImports.class);
    /** Rejected rows kept per import; beyond this they are only counted. */
    static final int MAX_STORED_ERRORS = 1000;

    private final Registry registry;
    private final Ratings ratings;
    private final Validator validator;
    private final Clock clock;
    private final StoredUploads uploads;
    private final EntityManager em;
    private final String instance;
    private final int chunkSize;
    private final Duration lease;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> new Thread(r, "departure-import"));
    /** Imports queued or running on this instance: while one runs, no abandoned import is taken over here. */
    private final AtomicInteger busy = new AtomicInteger();

    /** This instance no longer holds the import's lease: another instance runs it. */
    static final class LeaseLost extends RuntimeException {
        LeaseLost(UUID id) {
            super("Import " + id + " is run by another instance now");
        }
    }

    DepartureImports(
            Registry registry,
            Ratings ratings,
            Validator validator,
            Clock clock,
            StoredUploads uploads,
            EntityManager em,
            InstanceName instance,
            AlumniConfig config) {
        this.registry = registry;
        this.ratings = ratings;
        this.validator = validator;
        this.clock = clock;
        this.uploads = uploads;
        this.em = em;
        this.instance = instance.get();
        this.chunkSize = config.imports().chunkSize();
        this.lease = config.imports().lease();
    }

    /**
     * Stores the upload with a new import and queues the import here; returns at once with the
     * job. With an {@code organisation}, only that organisation's rows are imported (an
     * administrator's import).
     */
    public DepartureImport receive(InputStream csv, String submittedBy, Organisation organisation) {
        DepartureImport job = QuarkusTransaction.requiringNew().call(() -> {
            var j = DepartureImport.receive(submittedBy, organisation, instance, clock.instant());
            j.persistAndFlush();
            uploads.store(j.id(), csv);
            j.uploaded(clock.instant().plus(lease));
            return j;
        });
        queue(job.id());
        return job;
    }

    /** Takes over an import whose instance stopped renewing its lease, when this instance is idle. */
    @Scheduled(
            every = "${alumni.import.takeover-check:10s}",
            delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void takeOverAbandoned() {
        if (busy.get() > 0) {
            return;
        }
        try {
            @SuppressWarnings("unchecked")
            List<UUID> taken = QuarkusTransaction.requiringNew()
                    .call(() -> em.createNativeQuery("""
                            update departure_import set lease_owner = ?1, lease_until = ?2
                            where id in (select id from departure_import
                                         where status in ('RECEIVED', 'RUNNING') and (lease_until is null or lease_until < ?3)
                                         order by submitted_at limit 1 for update skip locked)
                            returning id""", UUID.class)
                            .setParameter(1, instance)
                            .setParameter(2, clock.instant().plus(lease))
                            .setParameter(3, clock.instant())
                            .getResultList());
            taken.forEach(id -> {
                LOG.infof("Import %s was abandoned by its instance; %s goes on with it", id, instance);
                queue(id);
            });
        } catch (RuntimeException e) {
            LOG.warnf("Abandoned imports could not be looked for, the next check tries again: %s", e.getMessage());
        }
    }

    /** On a regular stop the leases of this instance's imports end at once, so another instance goes on without waiting. */
    @PreDestroy
    void stop() {
        worker.shutdownNow();
        try {
            worker.awaitTermination(5, TimeUnit.SECONDS);
            QuarkusTransaction.requiringNew()
                    .run(() -> em.createNativeQuery("""
                            update departure_import set lease_until = ?1
                            where lease_owner = ?2 and status in ('RECEIVED', 'RUNNING')""")
                            .setParameter(1, clock.instant())
                            .setParameter(2, instance)
                            .executeUpdate());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.debugf("Leases not released at stop (they run out by themselves): %s", e.getMessage());
        }
    }

    private void queue(UUID id) {
        busy.incrementAndGet();
        try {
            worker.execute(() -> {
                try {
                    run(id);
                } finally {
                    busy.decrementAndGet();
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException stopping) {
            busy.decrementAndGet();
        }
    }

    private void run(UUID id) {
        try {
            renewLease(id);
            Organisation onlyFor = start(id);
            Map<Organisation, Map<String, FunctionRating>> catalogue = new EnumMap<>(Organisation.class);
            for (Organisation organisation : Organisation.values()) {
                catalogue.put(organisation, QuarkusTransaction.requiringNew().call(() -> ratings.all(organisation)));
            }
            Progress done = QuarkusTransaction.requiringNew()
                    .call(() -> new Progress(
                            DepartureImport.<DepartureImport>findById(id).rowsRead(),
                            ImportError.count("importId", id)));
            try (var rows = new CsvDepartures(read(id), validator, onlyFor)) {
                rows.skip(done.rowsRead());
                long storedErrors = done.storedErrors();
                // The planner's statistics are refreshed whenever the import has doubled the registry
                // they describe (see Registry#refreshStatistics): often while a young registry fills,
                // never for an import small against the registry.
                long analysedSize = registry.sizeInStatistics();
                long sinceAnalysed = 0;
                while (rows.hasNext()) {
                    if (Thread.currentThread().isInterrupted()) {
                        return; // stopping: the lease is released, another instance goes on
                    }
                    if (sinceAnalysed >= Math.max(analysedSize, chunkSize)) {
                        registry.refreshStatistics();
                        analysedSize += sinceAnalysed;
                        sinceAnalysed = 0;
                    }
                    storedErrors += importChunk(id, rows, catalogue, storedErrors);
                    sinceAnalysed += chunkSize;
                }
            }
            finish(id, job -> job.complete(instance, clock.instant()));
        } catch (LeaseLost e) {
            LOG.infof("Import %s is run by another instance now; %s leaves it", id, instance);
        } catch (IOException | RuntimeException e) {
            LOG.errorf("Import %s failed: %s", id, e.getClass().getName());
            LOG.debugf(e, "Import %s failed", id);
            finish(id, job -> job.fail(instance, e.getMessage(), clock.instant()));
        }
    }

    private record Progress(int rowsRead, long storedErrors) {}

    /** Marks the import running, counting its rows first if nobody did yet; the organisation it is limited to. */
    private Organisation start(UUID id) throws IOException {
        boolean counted = QuarkusTransaction.requiringNew()
                .call(() -> DepartureImport.<DepartureImport>findById(id).isCounted());
        Integer total = null;
        if (!counted) {
            try (Reader reader = read(id)) {
                total = CsvDepartures.count(reader);
            }
        }
        Integer rowsTotal = total;
        return QuarkusTransaction.requiringNew().call(() -> {
            DepartureImport job = DepartureImport.findById(id);
            job.start(instance, rowsTotal, clock.instant().plus(lease));
            return job.organisation();
        });
    }

    /**
     * Reads the next chunk and registers it, in one transaction with the import's progress, its
     * rejected rows and the renewal of the lease; returns how many rejected rows it stored.
     */
    private int importChunk(
            UUID id, CsvDepartures rows, Map<Organisation, Map<String, FunctionRating>> catalogue, long storedErrors) {
        List<ImportedRow> chunk = new ArrayList<>(chunkSize);
        List<ImportError> errors = new ArrayList<>();
        int read = 0;
        while (chunk.size() < chunkSize && rows.hasNext()) {
            var row = rows.next();
            read++;
            if (row.request() != null) {
                chunk.add(new ImportedRow(row.number(), row.request().toDeparture()));
            } else {
                row.errors().forEach(e -> errors.add(ImportError.of(id, row.number(), e.field(), e.message())));
            }
        }
        int readInChunk = read;
        return QuarkusTransaction.requiringNew().call(() -> {
            var result =
                    chunk.isEmpty() ? new Registry.ChunkResult(0, 0, Map.of()) : registry.importChunk(chunk, catalogue);
            result.rejected().forEach((row, message) -> errors.add(ImportError.of(id, row, "functions", message)));
            int rejectedRows =
                    (int) errors.stream().map(ImportError::rowNumber).distinct().count();
            int progressed = em.createNativeQuery("""
                            update departure_import
                            set rows_read = rows_read + ?1, imported = imported + ?2, already_registered = already_registered + ?3,
                                rejected = rejected + ?4, lease_until = ?5
                            where id = ?6 and lease_owner = ?7""")
                    .setParameter(1, readInChunk)
                    .setParameter(2, result.imported())
                    .setParameter(3, result.alreadyRegistered())
                    .setParameter(4, rejectedRows)
                    .setParameter(5, clock.instant().plus(lease))
                    .setParameter(6, id)
                    .setParameter(7, instance)
                    .executeUpdate();
            if (progressed == 0) {
                throw new LeaseLost(id); // rolls the chunk back: the instance that holds the lease registers these rows
            }
            List<ImportError> toStore =
                    errors.subList(0, (int) Math.min(errors.size(), Math.max(0, MAX_STORED_ERRORS - storedErrors)));
            toStore.forEach(e -> e.persist());
            return toStore.size();
        });
    }

    /** Extends this instance's lease before it starts; fails when another instance took the import meanwhile. */
    private void renewLease(UUID id) {
        int renewed = QuarkusTransaction.requiringNew()
                .call(() -> em.createNativeQuery("""
                        update departure_import set lease_until = ?1
                        where id = ?2 and lease_owner = ?3 and status in ('RECEIVED', 'RUNNING')""")
                        .setParameter(1, clock.instant().plus(lease))
                        .setParameter(2, id)
                        .setParameter(3, instance)
                        .executeUpdate());
        if (renewed == 0) {
            throw new LeaseLost(id);
        }
    }

    private Reader read(UUID id) {
        return new InputStreamReader(uploads.open(id), StandardCharsets.UTF_8);
    }

    /**
     * Ends the job ({@code end} completes or fails it), if this instance still runs it; the uploaded
     * file, personal data, goes either way.
     */
    private void finish(UUID id, Predicate<DepartureImport> end) {
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                if (end.test(DepartureImport.findById(id))) {
                    uploads.delete(id);
                }
            });
        } catch (RuntimeException e) {
            LOG.warnf(
                    "Import %s could not be closed; its lease runs out and another instance finishes it: %s",
                    id, e.getMessage());
        }
    }
}
