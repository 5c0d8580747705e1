package nl.integrity.alumni.imports;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.validation.Validator;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import nl.integrity.alumni.catalogue.FunctionRating;
import nl.integrity.alumni.catalogue.Ratings;
import nl.integrity.alumni.registry.Organisation;
import nl.integrity.alumni.registry.Registry;
import nl.integrity.alumni.registry.Registry.ImportedRow;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Bulk import of existing alumni: the upload is streamed to a file, then read row by row on an
 * import thread and registered in chunks, each chunk one transaction. Progress and rejected
 * rows are kept on the job as it goes. Every row is idempotent (organisation + personnel number),
 * so a job that was cut off (a restart) simply runs again from the start.
 */
@ApplicationScoped
public class DepartureImports {

    private static final Logger LOG = Logger.getLogger(DepartureImports.class);
    /** Rejected rows kept per import; beyond this they are only counted. */
    static final int MAX_STORED_ERRORS = 1000;
    /** How often the registry's planner statistics are refreshed during an import (see Registry#refreshStatistics). */
    private static final int STATISTICS_EVERY_CHUNKS = 20;

    private final Registry registry;
    private final Ratings ratings;
    private final Validator validator;
    private final Clock clock;
    private final Path directory;
    private final int chunkSize;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> new Thread(r, "departure-import"));

    DepartureImports(Registry registry, Ratings ratings, Validator validator, Clock clock,
                     @ConfigProperty(name = "alumni.import.directory") Path directory,
                     @ConfigProperty(name = "alumni.import.chunk-size", defaultValue = "500") int chunkSize) {
        this.registry = registry;
        this.ratings = ratings;
        this.validator = validator;
        this.clock = clock;
        this.directory = directory;
        this.chunkSize = chunkSize;
    }

    /**
     * Stores the upload and queues the import; returns at once with the job. With an
     * {@code organisation}, only that organisation's rows are imported (an administrator's import).
     */
    public DepartureImport receive(InputStream csv, String submittedBy, Organisation organisation) throws IOException {
        Files.createDirectories(directory);
        UUID id = UUID.randomUUID();
        Files.copy(csv, file(id), StandardCopyOption.REPLACE_EXISTING);
        DepartureImport job = QuarkusTransaction.requiringNew().call(() -> {
            var j = new DepartureImport();
            j.id = id;
            j.submittedBy = submittedBy;
            j.submittedAt = clock.instant();
            j.organisation = organisation;
            j.status = DepartureImport.Status.RECEIVED;
            j.persist();
            return j;
        });
        worker.execute(() -> run(id));
        return job;
    }

    /** Imports cut off by a stop run again (rows are idempotent). */
    void resume(@Observes StartupEvent started) {
        List<UUID> unfinished = QuarkusTransaction.requiringNew().call(() -> DepartureImport.<DepartureImport>list(
                "status in ?1", List.of(DepartureImport.Status.RECEIVED, DepartureImport.Status.RUNNING))
                .stream().map(j -> j.id).toList());
        unfinished.forEach(id -> worker.execute(() -> run(id)));
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }

    private void run(UUID id) {
        Path file = file(id);
        if (!Files.exists(file)) {
            finish(id, DepartureImport.Status.FAILED, "The uploaded file is gone; upload it again");
            return;
        }
        int total;
        try (var reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            total = CsvDepartures.count(reader);
        } catch (IOException | RuntimeException e) {
            LOG.warnf("Import %s cannot be read: %s", id, e.getMessage());
            finish(id, DepartureImport.Status.FAILED, e.getMessage());
            return;
        }
        Organisation onlyFor = QuarkusTransaction.requiringNew().call(() -> {
            DepartureImport job = DepartureImport.findById(id);
            job.status = DepartureImport.Status.RUNNING;
            job.rowsTotal = total;
            job.rowsRead = job.imported = job.alreadyRegistered = job.rejected = 0;
            ImportError.delete("importId", id);
            return job.organisation;
        });
        Map<Organisation, Map<String, FunctionRating>> catalogue = new EnumMap<>(Organisation.class);
        for (Organisation organisation : Organisation.values()) {
            catalogue.put(organisation, QuarkusTransaction.requiringNew().call(() -> ratings.all(organisation)));
        }
        try (var rows = new CsvDepartures(Files.newBufferedReader(file, StandardCharsets.UTF_8), validator, onlyFor)) {
            int storedErrors = 0;
            int chunks = 0;
            while (rows.hasNext()) {
                if (chunks++ % STATISTICS_EVERY_CHUNKS == 1) {
                    registry.refreshStatistics();
                }
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
                var result = chunk.isEmpty() ? new Registry.ChunkResult(0, 0, Map.of()) : registry.importChunk(chunk, catalogue);
                result.rejected().forEach((row, message) -> errors.add(ImportError.of(id, row, "functions", message)));
                int rejectedRows = (int) errors.stream().map(e -> e.rowNumber).distinct().count();
                List<ImportError> toStore = errors.subList(0, Math.min(errors.size(), Math.max(0, MAX_STORED_ERRORS - storedErrors)));
                storedErrors += toStore.size();
                int readInChunk = read;
                QuarkusTransaction.requiringNew().run(() -> {
                    DepartureImport job = DepartureImport.findById(id);
                    job.rowsRead += readInChunk;
                    job.imported += result.imported();
                    job.alreadyRegistered += result.alreadyRegistered();
                    job.rejected += rejectedRows;
                    toStore.forEach(e -> e.persist());
                });
            }
            finish(id, DepartureImport.Status.COMPLETED, null);
        } catch (IOException | RuntimeException e) {
            LOG.errorf(e, "Import %s failed", id);
            finish(id, DepartureImport.Status.FAILED, e.getMessage());
        }
    }

    /** Ends the job; the uploaded file, personal data, goes either way (a failed import is uploaded again). */
    private void finish(UUID id, DepartureImport.Status status, String failure) {
        QuarkusTransaction.requiringNew().run(() -> {
            DepartureImport job = DepartureImport.findById(id);
            job.status = status;
            job.failure = failure;
            job.finishedAt = clock.instant();
        });
        try {
            Files.deleteIfExists(file(id));
        } catch (IOException e) {
            LOG.warnf(e, "Could not delete the upload of import %s", id);
        }
    }

    private Path file(UUID id) {
        return directory.resolve(id + ".csv");
    }
}
