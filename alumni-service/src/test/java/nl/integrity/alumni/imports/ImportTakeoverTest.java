package nl.integrity.alumni.imports;

import static io.restassured.RestAssured.given;
import static nl.integrity.platform.testing.KeycloakLogins.hrSystemToken;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import nl.integrity.alumni.registry.Alumnus;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * An import whose instance died goes on elsewhere: the upload is in the database, the rows its
 * instance committed stay counted, the rest is imported by the instance that takes it over, and
 * every row is counted once. (The end-to-end suite kills a real instance mid-import.)
 */
@QuarkusTest
class ImportTakeoverTest {

    @Inject
    DepartureImports imports;

    @Inject
    StoredUploads uploads;

    static String csv(String prefix, int from, int to) {
        return DepartureImportTest.HEADER
                + IntStream.rangeClosed(from, to)
                        .mapToObj(i -> "POLITIE,%s-%d,Rij %d,,,2026-01-31,VOLUNTARY,".formatted(prefix, i, i))
                        .collect(Collectors.joining("\n"))
                + "\n";
    }

    /** An import left behind by an instance that died after committing {@code committed} rows of {@code file}. */
    UUID abandoned(String file, int total, int committed, String owner, Instant leaseUntil) {
        return QuarkusTransaction.requiringNew().call(() -> {
            var job = DepartureImport.receive("hr-system", null, owner, Instant.now());
            job.start(owner, total, leaseUntil);
            job.persistAndFlush();
            uploads.store(job.id(), new ByteArrayInputStream(file.getBytes(StandardCharsets.UTF_8)));
            // The chunks it committed before it died.
            DepartureImport.getEntityManager()
                    .createNativeQuery("update departure_import set rows_read = ?1, imported = ?1 where id = ?2")
                    .setParameter(1, committed)
                    .setParameter(2, job.id())
                    .executeUpdate();
            return job.id();
        });
    }

    @Test
    void anImportWhoseLeaseRanOut_isFinishedByAnotherInstance_countingEveryRowOnce() {
        String p = "T" + UUID.randomUUID().toString().substring(0, 6);
        // What the dead instance committed: the first chunk of 500 rows.
        String first = given().auth()
                .oauth2(hrSystemToken())
                .contentType("text/csv")
                .body(csv(p, 1, 500))
                .post("/api/departures/imports")
                .then()
                .statusCode(202)
                .extract()
                .header("Location");
        Awaitility.await()
                .atMost(Duration.ofSeconds(60))
                .until(() -> "COMPLETED"
                        .equals(given().auth()
                                .oauth2(hrSystemToken())
                                .get(first)
                                .then()
                                .extract()
                                .path("status")));
        UUID id = abandoned(csv(p, 1, 1200), 1200, 500, "gone:1", Instant.now().minusSeconds(1));

        imports.takeOverAbandoned();

        Awaitility.await()
                .atMost(Duration.ofSeconds(60))
                .until(() -> QuarkusTransaction.requiringNew()
                        .call(() ->
                                DepartureImport.<DepartureImport>findById(id).status()
                                        == DepartureImport.Status.COMPLETED));
        DepartureImport job = QuarkusTransaction.requiringNew().call(() -> DepartureImport.findById(id));
        assertEquals(1200, job.rowsRead());
        assertEquals(1200, job.imported(), "500 by the dead instance, 700 by this one");
        assertEquals(0, job.alreadyRegistered(), "no row was read twice");
        assertNull(job.leaseOwner());
        assertEquals(1200L, (long)
                QuarkusTransaction.requiringNew().call(() -> Alumnus.count("personnelNumber like ?1", p + "-%")));
        assertEquals(0L, partsOf(id), "the upload is deleted once the import completed");
    }

    long partsOf(UUID id) {
        return QuarkusTransaction.requiringNew()
                .call(() -> ((Number) DepartureImport.getEntityManager()
                                .createNativeQuery("select count(*) from departure_import_part where import_id = ?1")
                                .setParameter(1, id)
                                .getSingleResult())
                        .longValue());
    }

    @Test
    void anImportWhoseInstanceStillRenewsItsLease_isLeftAlone() {
        String p = "L" + UUID.randomUUID().toString().substring(0, 6);
        UUID id = abandoned(csv(p, 1, 10), 10, 0, "alive:1", Instant.now().plus(Duration.ofDays(1)));

        imports.takeOverAbandoned();

        DepartureImport job = QuarkusTransaction.requiringNew().call(() -> DepartureImport.findById(id));
        assertEquals("alive:1", job.leaseOwner());
        assertEquals(0, job.rowsRead());
        assertEquals(0L, (long)
                QuarkusTransaction.requiringNew().call(() -> Alumnus.count("personnelNumber like ?1", p + "-%")));
        // Not left in the way of later runs: the lease ends, the import completes.
        QuarkusTransaction.requiringNew()
                .run(() -> DepartureImport.getEntityManager()
                        .createNativeQuery("update departure_import set lease_until = ?1 where id = ?2")
                        .setParameter(1, Instant.now())
                        .setParameter(2, id)
                        .executeUpdate());
    }
}
