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
 *
 * <p>Events may arrive in any order. The record's facts ("snapshot") and its obligation window
 * each carry the registry's record version they were true at; an event older than what is held
 * changes nothing. A row can therefore start as a stub (a window without a name, say) and fill
 * in when the registration arrives. After anonymisation nothing personal comes back.
 */
@Entity
@Table(name = "known_alumnus")
public class KnownAlumnus extends PanacheEntityBase {

    @Id
    @Column(name = "alumnus_id")
    private UUID alumnusId;

    @Column(nullable = false)
    private String organisation;

    @Column(name = "personnel_number")
    private String personnelNumber;

    @Column(name = "full_name")
    private String fullName;

    @Column(name = "departure_date")
    private LocalDate departureDate;

    @Column(name = "departure_reason")
    private String departureReason;

    private String status;

    private String unit;

    @Column(name = "last_function")
    private String lastFunction;

    @Column(name = "record_version", nullable = false)
    private long recordVersion = -1;

    @Column(name = "window_start")
    private LocalDate windowStart;

    @Column(name = "window_end")
    private LocalDate windowEnd;

    @Column(name = "window_function_code")
    private String windowFunctionCode;

    @Column(name = "window_risk_level")
    private String windowRiskLevel;

    @Column(name = "window_version", nullable = false)
    private long windowVersion = -1;

    @Column(nullable = false)
    private boolean anonymised;

    /** When the last reminder to declare went out (obligation tracking). */
    @Column(name = "last_reminded_on")
    private LocalDate lastRemindedOn;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    /** The record's facts at registry version {@code version}. */
    record Snapshot(
            String personnelNumber,
            String fullName,
            LocalDate departureDate,
            String departureReason,
            String status,
            String unit,
            String lastFunction) {}

    /** The obligation window at registry version {@code version}; all null when there is none. */
    record Window(LocalDate start, LocalDate end, String functionCode, String riskLevel) {}

    protected KnownAlumnus() {}

    static KnownAlumnus findOrStub(UUID alumnusId, String organisation) {
        return KnownAlumnus.<KnownAlumnus>findByIdOptional(alumnusId).orElseGet(() -> {
            var a = new KnownAlumnus();
            a.alumnusId = alumnusId;
            a.organisation = organisation;
            return a;
        });
    }

    /** Takes the snapshot unless what is held is as new or newer; {@code true} if taken. */
    boolean apply(long version, Snapshot s) {
        if (anonymised || version <= recordVersion) {
            return false;
        }
        personnelNumber = s.personnelNumber();
        fullName = s.fullName();
        departureDate = s.departureDate();
        departureReason = s.departureReason();
        status = s.status();
        unit = s.unit();
        lastFunction = s.lastFunction();
        recordVersion = version;
        return true;
    }

    /** Takes the window unless what is held is as new or newer; {@code true} if taken. */
    boolean apply(long version, Window w) {
        if (anonymised || version <= windowVersion) {
            return false;
        }
        windowStart = w.start();
        windowEnd = w.end();
        windowFunctionCode = w.functionCode();
        windowRiskLevel = w.riskLevel();
        windowVersion = version;
        return true;
    }

    /** The registry anonymised the alumnus: the personal facts go, for good. */
    void anonymise() {
        anonymised = true;
        personnelNumber = null;
        fullName = null;
        unit = null;
        status = "ANONYMISED";
    }

    /** Reminded of the duty to declare on {@code day}. */
    public void reminded(LocalDate day) {
        lastRemindedOn = day;
    }

    /** Stores the record as the event handled at {@code at} left it. */
    void save(Instant at) {
        updatedAt = at;
        persist();
    }

    /** Registered: the registration (or an update carrying the same facts) has arrived. */
    public boolean registered() {
        return personnelNumber != null;
    }

    /** Whether the alumnus must declare new activities on this day. */
    public boolean insideWindowOn(LocalDate day) {
        return windowStart != null && windowEnd != null && !day.isBefore(windowStart) && day.isBefore(windowEnd);
    }

    public static Optional<KnownAlumnus> findByPersonnelNumber(String organisation, String personnelNumber) {
        return find("organisation = ?1 and personnelNumber = ?2", organisation, personnelNumber)
                .firstResultOptional();
    }

    public UUID alumnusId() {
        return alumnusId;
    }

    public String organisation() {
        return organisation;
    }

    String personnelNumber() {
        return personnelNumber;
    }

    String fullName() {
        return fullName;
    }

    LocalDate departureDate() {
        return departureDate;
    }

    public String departureReason() {
        return departureReason;
    }

    String status() {
        return status;
    }

    String unit() {
        return unit;
    }

    public String lastFunction() {
        return lastFunction;
    }

    long recordVersion() {
        return recordVersion;
    }

    public LocalDate windowStart() {
        return windowStart;
    }

    public LocalDate windowEnd() {
        return windowEnd;
    }

    public String windowFunctionCode() {
        return windowFunctionCode;
    }

    public String windowRiskLevel() {
        return windowRiskLevel;
    }

    long windowVersion() {
        return windowVersion;
    }

    boolean anonymised() {
        return anonymised;
    }

    public LocalDate lastRemindedOn() {
        return lastRemindedOn;
    }
}
