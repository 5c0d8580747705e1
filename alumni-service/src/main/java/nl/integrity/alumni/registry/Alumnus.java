package nl.integrity.alumni.registry;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import nl.integrity.alumni.catalogue.FunctionGroup;
import nl.integrity.alumni.catalogue.FunctionRating;
import nl.integrity.alumni.catalogue.Organisation;
import nl.integrity.alumni.catalogue.RiskLevel;
import nl.integrity.platform.problem.NotFound;
import nl.integrity.platform.security.Caller;

/** A former employee (or one who announced leaving), identified within their organisation by personnel number. */
@Entity
@Table(name = "alumnus")
public class Alumnus extends PanacheEntityBase {

    @Id
    private UUID id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Organisation organisation;

    @Column(name = "personnel_number", nullable = false)
    private String personnelNumber;

    @Column(name = "full_name", nullable = false)
    private String fullName;

    private String email;

    private String phone;

    /** The language of the alumnus' mail and portal: {@code nl} (default) or {@code en}. */
    @Column(nullable = false)
    private String language = "nl";

    /** Code of the function held last. */
    @Column(name = "last_function")
    private String lastFunction;

    private String unit;

    /** Function group of the last function, as the catalogue rates it now (for officers' search). */
    @Enumerated(EnumType.STRING)
    @Column(name = "last_function_group")
    private FunctionGroup lastFunctionGroup;

    /** Functions held, as HR reported them; the last five years before departure count. Few, always shown. */
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "alumnus_function", joinColumns = @JoinColumn(name = "alumnus_id"))
    @OrderColumn(name = "position")
    private List<HeldFunction> functions = new ArrayList<>();

    @Column(name = "window_start")
    private LocalDate windowStart;

    @Column(name = "window_end")
    private LocalDate windowEnd;

    @Column(name = "window_months")
    private Integer windowMonths;

    @Column(name = "window_function_code")
    private String windowFunctionCode;

    @Column(name = "window_function_version_id")
    private UUID windowFunctionVersionId;

    @Enumerated(EnumType.STRING)
    @Column(name = "window_risk_level")
    private RiskLevel windowRiskLevel;

    @Column(name = "departure_date", nullable = false)
    private LocalDate departureDate;

    @Enumerated(EnumType.STRING)
    @Column(name = "departure_reason", nullable = false)
    private DepartureReason departureReason;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private AlumnusStatus status;

    @Column(name = "registered_at", nullable = false)
    private Instant registeredAt;

    @Version
    private long version;

    protected Alumnus() {}

    /** Registers a departure reported by HR: departed if the date has passed, leaving otherwise. */
    static Alumnus register(Departure departure, Clock clock) {
        Objects.requireNonNull(departure, "departure");
        var alumnus = new Alumnus();
        alumnus.id = UUID.randomUUID();
        alumnus.organisation = departure.organisation();
        alumnus.personnelNumber = departure.personnelNumber();
        alumnus.fullName = departure.fullName();
        alumnus.email = departure.email();
        alumnus.unit = departure.unit();
        alumnus.functions = new ArrayList<>(departure.functions());
        alumnus.lastFunction = lastFunctionOf(departure);
        alumnus.departureDate = departure.departureDate();
        alumnus.departureReason = departure.departureReason();
        alumnus.status = departure.departureDate().isAfter(LocalDate.now(clock))
                ? AlumnusStatus.LEAVING
                : AlumnusStatus.DEPARTED;
        alumnus.registeredAt = clock.instant();
        return alumnus;
    }

    /**
     * The alumnus changes their own contact details, on the version of the record they saw.
     *
     * @return the names of the fields that changed (none: nothing to announce)
     */
    List<String> changeContact(long expectedVersion, String newEmail, String newPhone, String newLanguage) {
        if (expectedVersion != version) {
            throw new StaleRecord(id, expectedVersion, version);
        }
        List<String> changed = new ArrayList<>();
        if (!Objects.equals(email, newEmail)) {
            email = newEmail;
            changed.add("email");
        }
        if (!Objects.equals(phone, newPhone)) {
            phone = newPhone;
            changed.add("phone");
        }
        if (newLanguage != null && !newLanguage.equals(language)) {
            language = newLanguage;
            changed.add("language");
        }
        return changed;
    }

    public UUID id() {
        return id;
    }

    public Organisation organisation() {
        return organisation;
    }

    String personnelNumber() {
        return personnelNumber;
    }

    String fullName() {
        return fullName;
    }

    String email() {
        return email;
    }

    String phone() {
        return phone;
    }

    String language() {
        return language;
    }

    String lastFunction() {
        return lastFunction;
    }

    String unit() {
        return unit;
    }

    FunctionGroup lastFunctionGroup() {
        return lastFunctionGroup;
    }

    /** The functions held, in the order HR reported them; changed only by {@link #recordDeparture}. */
    List<HeldFunction> functions() {
        return Collections.unmodifiableList(functions);
    }

    LocalDate departureDate() {
        return departureDate;
    }

    DepartureReason departureReason() {
        return departureReason;
    }

    AlumnusStatus status() {
        return status;
    }

    Instant registeredAt() {
        return registeredAt;
    }

    long version() {
        return version;
    }

    Optional<ObligationWindow> obligationWindow() {
        return windowStart == null
                ? Optional.empty()
                : Optional.of(new ObligationWindow(
                        windowStart,
                        windowEnd,
                        windowMonths,
                        windowFunctionCode,
                        windowFunctionVersionId,
                        windowRiskLevel));
    }

    /**
     * Applies the catalogue's current ratings of the functions held: the obligation window and the
     * group of the last function.
     *
     * @return whether the window differs from the one the record had
     */
    boolean applyRatings(Map<String, FunctionRating> ratings) {
        lastFunctionGroup = lastFunction == null || !ratings.containsKey(lastFunction)
                ? null
                : ratings.get(lastFunction).functionGroup();
        return applyWindow(ObligationWindow.compute(departureDate, functions, ratings));
    }

    /** Sets the window computed now; says whether it differs from the one the record had. */
    private boolean applyWindow(Optional<ObligationWindow> window) {
        if (window.equals(obligationWindow())) {
            return false;
        }
        windowStart = window.map(ObligationWindow::start).orElse(null);
        windowEnd = window.map(ObligationWindow::end).orElse(null);
        windowMonths = window.map(ObligationWindow::coolingOffMonths).orElse(null);
        windowFunctionCode = window.map(ObligationWindow::functionCode).orElse(null);
        windowFunctionVersionId =
                window.map(ObligationWindow::functionProfileVersionId).orElse(null);
        windowRiskLevel = window.map(ObligationWindow::riskLevel).orElse(null);
        return true;
    }

    /**
     * Removes everything that identifies the person; keeps what statistics need (organisation,
     * function codes and group, departure date and reason, the window).
     */
    public void anonymise() {
        status = AlumnusStatus.ANONYMISED;
        fullName = "Geanonimiseerd";
        personnelNumber = "ANON-" + id.toString().replace("-", "").substring(0, 27); // fits the column, stays unique
        email = null;
        phone = null;
        unit = null;
    }

    /**
     * HR reports the departure again, perhaps changed (an announced date confirmed or moved, a
     * function added). Contact details are the alumnus' own after registration and stay.
     *
     * @return the names of the fields that changed (none: nothing to announce)
     */
    List<String> recordDeparture(Departure d, Clock clock) {
        List<String> changed = new ArrayList<>();
        if (!fullName.equals(d.fullName())) {
            fullName = d.fullName();
            changed.add("fullName");
        }
        if (!Objects.equals(unit, d.unit())) {
            unit = d.unit();
            changed.add("unit");
        }
        if (!functions.equals(d.functions())) {
            functions.clear();
            functions.addAll(d.functions());
            lastFunction = lastFunctionOf(d);
            changed.add("functions");
        }
        if (!departureDate.equals(d.departureDate())) {
            departureDate = d.departureDate();
            changed.add("departureDate");
        }
        if (departureReason != d.departureReason()) {
            departureReason = d.departureReason();
            changed.add("departureReason");
        }
        var statusNow = departureDate.isAfter(LocalDate.now(clock)) ? AlumnusStatus.LEAVING : AlumnusStatus.DEPARTED;
        if (status != statusNow) {
            status = statusNow;
            changed.add("status");
        }
        return changed;
    }

    /** A leaver whose departure date has come is departed; says whether the status changed. */
    boolean markDepartedOn(LocalDate today) {
        if (status == AlumnusStatus.LEAVING && !departureDate.isAfter(today)) {
            status = AlumnusStatus.DEPARTED;
            return true;
        }
        return false;
    }

    private static String lastFunctionOf(Departure departure) {
        return departure.functions().stream()
                .max(Comparator.comparing((HeldFunction f) -> f.lastDay(departure.departureDate()))
                        .thenComparing(HeldFunction::from))
                .map(HeldFunction::functionCode)
                .orElse(null);
    }

    /** The day from which the retention period runs: the end of the window, or the departure without one. */
    public LocalDate retentionStart() {
        return windowEnd != null ? windowEnd : departureDate;
    }

    /** A record of the caller's organisation; records of another organisation do not exist for them (404). */
    public static Alumnus inOrganisationOf(Caller caller, UUID id) {
        return Alumnus.<Alumnus>findByIdOptional(id)
                .filter(a -> a.organisation.name().equals(caller.organisation()))
                .orElseThrow(() -> new NotFound("Alumnus", id));
    }

    /** The record of the calling alumnus, found through the organisation and personnel number in their token. */
    public static Alumnus ofCaller(Caller caller) {
        var organisation = Organisation.fromClaim(caller.organisation());
        return findByPersonnelNumber(organisation, caller.personnelNumber())
                .orElseThrow(() -> new NotFound("Alumnus record for personnel number", caller.personnelNumber()));
    }

    /** Who a record is about, as the office names them in a list. */
    public record Name(UUID id, String personnelNumber, String fullName) {}

    /** The names of these records, by id, in one query; records that do not exist are absent. */
    public static Map<UUID, Name> namesOf(java.util.Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return Alumnus.<Alumnus>list("id in ?1", ids).stream()
                .collect(java.util.stream.Collectors.toMap(
                        Alumnus::id, a -> new Name(a.id, a.personnelNumber, a.fullName)));
    }

    static Optional<Alumnus> findByPersonnelNumber(Organisation organisation, String personnelNumber) {
        return find("organisation = ?1 and personnelNumber = ?2", organisation, personnelNumber)
                .firstResultOptional();
    }
}
