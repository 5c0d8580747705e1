package nl.integrity.alumni.imports;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import nl.integrity.alumni.catalogue.Organisation;

/** A bulk import of existing alumni from CSV and how far it got. */
@Entity
@Table(name = "departure_import")
class DepartureImport extends PanacheEntityBase {

    public enum Status {
        RECEIVED,
        RUNNING,
        COMPLETED,
        FAILED
    }

    @Id
    private UUID id;

    @Column(name = "submitted_by", nullable = false)
    private String submittedBy;

    @Column(name = "submitted_at", nullable = false)
    private Instant submittedAt;

    /** The only organisation whose rows this import takes (an administrator's import); null: any (the HR system's). */
    @Enumerated(EnumType.STRING)
    private Organisation organisation;

    /** The number of data rows in the file, known once the import has counted them. */
    @Column(name = "rows_total")
    private Integer rowsTotal;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status;

    @Column(name = "rows_read", nullable = false)
    private int rowsRead;

    @Column(nullable = false)
    private int imported;

    @Column(name = "already_registered", nullable = false)
    private int alreadyRegistered;

    @Column(nullable = false)
    private int rejected;

    @Column(name = "finished_at")
    private Instant finishedAt;

    @Column(columnDefinition = "text")
    private String failure;

    /** The instance running the import, while it runs. */
    @Column(name = "lease_owner")
    private String leaseOwner;

    /** Until when {@link #leaseOwner} may run the import without renewing; past it, another instance takes over. */
    @Column(name = "lease_until")
    private Instant leaseUntil;

    protected DepartureImport() {}

    /**
     * A new import of a file {@code submittedBy} uploaded, run by the instance that receives it,
     * which holds its lease from the end of the upload on ({@link #uploaded}). With an
     * {@code organisation}, only that organisation's rows are imported (an administrator's import).
     */
    static DepartureImport receive(String submittedBy, Organisation organisation, String instance, Instant at) {
        var job = new DepartureImport();
        job.id = UUID.randomUUID();
        job.submittedBy = Objects.requireNonNull(submittedBy, "submittedBy");
        job.submittedAt = Objects.requireNonNull(at, "at");
        job.organisation = organisation;
        job.status = Status.RECEIVED;
        job.leaseOwner = Objects.requireNonNull(instance, "instance");
        return job;
    }

    /**
     * The upload is stored: the lease lasts until {@code leaseUntil}, counted from the end of the
     * upload, which may have taken a while.
     */
    void uploaded(Instant leaseUntil) {
        this.leaseUntil = leaseUntil;
    }

    /**
     * {@code instance} runs the import (from its start, or going on where another instance left
     * it), holding the lease until {@code leaseUntil}.
     *
     * @param rowsTotal the rows counted in the file; null when they were counted before
     * @throws DepartureImports.LeaseLost when another instance holds the lease now
     */
    void start(String instance, Integer rowsTotal, Instant leaseUntil) {
        if (!instance.equals(leaseOwner)) {
            throw new DepartureImports.LeaseLost(id);
        }
        status = Status.RUNNING;
        if (rowsTotal != null) {
            this.rowsTotal = rowsTotal;
        }
        this.leaseUntil = leaseUntil;
    }

    /**
     * Every row is read: the import completed and its lease ends.
     *
     * @return false when {@code instance} no longer runs the import (nothing changes)
     */
    boolean complete(String instance, Instant at) {
        return end(instance, Status.COMPLETED, null, at);
    }

    /**
     * The import could not go on ({@code failure} says why) and its lease ends.
     *
     * @return false when {@code instance} no longer runs the import (nothing changes)
     */
    boolean fail(String instance, String failure, Instant at) {
        return end(instance, Status.FAILED, failure, at);
    }

    private boolean end(String instance, Status outcome, String failure, Instant at) {
        if (!instance.equals(leaseOwner)) {
            return false;
        }
        status = outcome;
        this.failure = failure;
        finishedAt = at;
        leaseOwner = null;
        leaseUntil = null;
        return true;
    }

    /** Whether the rows of the file have been counted ({@link #rowsTotal()} is known). */
    boolean isCounted() {
        return rowsTotal != null;
    }

    UUID id() {
        return id;
    }

    String submittedBy() {
        return submittedBy;
    }

    Instant submittedAt() {
        return submittedAt;
    }

    Organisation organisation() {
        return organisation;
    }

    Integer rowsTotal() {
        return rowsTotal;
    }

    Status status() {
        return status;
    }

    int rowsRead() {
        return rowsRead;
    }

    int imported() {
        return imported;
    }

    int alreadyRegistered() {
        return alreadyRegistered;
    }

    int rejected() {
        return rejected;
    }

    Instant finishedAt() {
        return finishedAt;
    }

    String failure() {
        return failure;
    }

    String leaseOwner() {
        return leaseOwner;
    }

    /** The most recent imports, newest first: of one organisation, or of all ({@code scope} null). */
    static List<DepartureImport> recent(Organisation scope, int count) {
        var recent = scope == null
                ? DepartureImport.<DepartureImport>find("order by submittedAt desc")
                : DepartureImport.<DepartureImport>find("organisation = ?1 order by submittedAt desc", scope);
        return recent.page(0, count).list();
    }
}
