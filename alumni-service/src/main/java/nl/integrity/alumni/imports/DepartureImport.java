package nl.integrity.alumni.imports;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import nl.integrity.alumni.catalogue.Organisation;

/** A bulk import of existing alumni from CSV and how far it got. */
@Entity
@Table(name = "departure_import")
public class DepartureImport extends PanacheEntityBase {

    public enum Status { RECEIVED, RUNNING, COMPLETED, FAILED }

    @Id
    public UUID id;

    @Column(name = "submitted_by", nullable = false)
    public String submittedBy;

    @Column(name = "submitted_at", nullable = false)
    public Instant submittedAt;

    /** The only organisation whose rows this import takes (an administrator's import); null: any (the HR system's). */
    @Enumerated(EnumType.STRING)
    public Organisation organisation;

    /** The number of data rows in the file, known once the import has counted them. */
    @Column(name = "rows_total")
    public Integer rowsTotal;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Column(name = "rows_read", nullable = false)
    public int rowsRead;

    @Column(nullable = false)
    public int imported;

    @Column(name = "already_registered", nullable = false)
    public int alreadyRegistered;

    @Column(nullable = false)
    public int rejected;

    @Column(name = "finished_at")
    public Instant finishedAt;

    @Column(columnDefinition = "text")
    public String failure;

    /** The instance running the import, while it runs. */
    @Column(name = "lease_owner")
    public String leaseOwner;

    /** Until when {@link #leaseOwner} may run the import without renewing; past it, another instance takes over. */
    @Column(name = "lease_until")
    public java.time.Instant leaseUntil;
}
