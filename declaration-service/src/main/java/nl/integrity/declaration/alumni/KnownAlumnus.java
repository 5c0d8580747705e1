package nl.integrity.declaration.alumni;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

/**
 * This service's copy of an alumnus from the registry, built from {@code alumni.events}. It
 * holds only what declarations and their assessment need; the registry stays the source.
 */
@Entity
@Table(name = "known_alumnus")
public class KnownAlumnus extends PanacheEntityBase {

    @Id
    @Column(name = "alumnus_id")
    public UUID alumnusId;

    @Column(nullable = false)
    public String organisation;

    @Column(name = "personnel_number", nullable = false)
    public String personnelNumber;

    @Column(name = "full_name", nullable = false)
    public String fullName;

    @Column(name = "departure_date", nullable = false)
    public LocalDate departureDate;

    @Column(name = "departure_reason", nullable = false)
    public String departureReason;

    @Column(nullable = false)
    public String status;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public static Optional<KnownAlumnus> findByPersonnelNumber(String organisation, String personnelNumber) {
        return find("organisation = ?1 and personnelNumber = ?2", organisation, personnelNumber).firstResultOptional();
    }
}
