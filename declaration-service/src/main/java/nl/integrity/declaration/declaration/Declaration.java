package nl.integrity.declaration.declaration;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import nl.integrity.declaration.alumni.KnownAlumnus;

/** An alumnus' declaration of a new occupational activity. */
@Entity
@Table(name = "declaration")
public class Declaration extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "alumnus_id", nullable = false)
    public UUID alumnusId;

    /** Copied from the alumnus so an office's queries never need the read model. */
    @Column(nullable = false)
    public String organisation;

    @Column(name = "employer_name", nullable = false)
    public String employerName;

    @Column(nullable = false)
    public String sector;

    @Column(nullable = false)
    public String role;

    @Column(name = "start_date", nullable = false)
    public LocalDate startDate;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public DeclarationStatus status;

    @Column(name = "submitted_at", nullable = false)
    public Instant submittedAt;

    @Version
    public long version;

    protected Declaration() {
    }

    static Declaration submit(KnownAlumnus alumnus, Activity activity, Clock clock) {
        var d = new Declaration();
        d.id = UUID.randomUUID();
        d.alumnusId = alumnus.alumnusId;
        d.organisation = alumnus.organisation;
        d.employerName = activity.employerName();
        d.sector = activity.sector();
        d.role = activity.role();
        d.startDate = activity.startDate();
        d.status = DeclarationStatus.SUBMITTED;
        d.submittedAt = clock.instant();
        return d;
    }
}
