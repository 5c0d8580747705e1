package nl.integrity.alumni.registry;

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
import java.util.Optional;
import java.util.UUID;

/** A former employee (or one who announced leaving), identified within their organisation by personnel number. */
@Entity
@Table(name = "alumnus")
public class Alumnus extends PanacheEntityBase {

    @Id
    public UUID id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Organisation organisation;

    @Column(name = "personnel_number", nullable = false)
    public String personnelNumber;

    @Column(name = "full_name", nullable = false)
    public String fullName;

    public String email;

    @Column(name = "last_function")
    public String lastFunction;

    @Column(name = "departure_date", nullable = false)
    public LocalDate departureDate;

    @Enumerated(EnumType.STRING)
    @Column(name = "departure_reason", nullable = false)
    public DepartureReason departureReason;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public AlumnusStatus status;

    @Column(name = "registered_at", nullable = false)
    public Instant registeredAt;

    @Version
    public long version;

    protected Alumnus() {
    }

    /** Registers a departure reported by HR: departed if the date has passed, leaving otherwise. */
    static Alumnus register(Departure departure, Clock clock) {
        var alumnus = new Alumnus();
        alumnus.id = UUID.randomUUID();
        alumnus.organisation = departure.organisation();
        alumnus.personnelNumber = departure.personnelNumber();
        alumnus.fullName = departure.fullName();
        alumnus.email = departure.email();
        alumnus.lastFunction = departure.lastFunction();
        alumnus.departureDate = departure.departureDate();
        alumnus.departureReason = departure.departureReason();
        alumnus.status = departure.departureDate().isAfter(LocalDate.now(clock)) ? AlumnusStatus.LEAVING : AlumnusStatus.DEPARTED;
        alumnus.registeredAt = clock.instant();
        return alumnus;
    }

    static Optional<Alumnus> findByPersonnelNumber(Organisation organisation, String personnelNumber) {
        return find("organisation = ?1 and personnelNumber = ?2", organisation, personnelNumber).firstResultOptional();
    }
}
