package nl.integrity.alumni.registry;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import nl.integrity.alumni.audit.AuditLog;
import nl.integrity.alumni.catalogue.FunctionRating;
import nl.integrity.alumni.catalogue.FunctionRatingChanged;
import nl.integrity.alumni.catalogue.Organisation;
import nl.integrity.alumni.catalogue.Ratings;
import nl.integrity.platform.outbox.Outbox;
import nl.integrity.platform.problem.NotFound;

/** Application service of the registry: the transaction boundary around departures and obligation windows. */
@ApplicationScoped
public class Registry {

    private final Outbox outbox;
    private final Event<RecordFacts> recordFacts;
    private final Ratings ratings;
    private final Clock clock;
    private final AuditLog auditLog;

    /** The HR system registered a new record. */
    static final String REGISTER = "REGISTER_DEPARTURE";
    /** The HR system reported a known departure again, changed. */
    static final String UPDATE = "UPDATE_RECORD";

    Registry(Outbox outbox, Ratings ratings, Clock clock, Event<RecordFacts> recordFacts, AuditLog auditLog) {
        this.outbox = outbox;
        this.recordFacts = recordFacts;
        this.ratings = ratings;
        this.clock = clock;
        this.auditLog = auditLog;
    }

    /** What a registration did: the alumnus, and whether it was new or already known. */
    public record Registration(Alumnus alumnus, boolean created) {}

    /**
     * Registers a departure, idempotent on organisation + personnel number. A new record, its
     * obligation window and its {@link AlumnusRegistered} event are stored in one transaction. A
     * known one is updated with what changed (announced as {@link AlumnusUpdated}, with its window
     * recomputed); repeating the same facts changes and publishes nothing. A registration and an
     * update are in the audit trail with the HR system's client as their actor (the fields changed,
     * not their values); a repetition that changed nothing is not.
     *
     * @throws UnknownFunctionCodes when a function held is not in the organisation's catalogue
     */
    @Transactional
    public Registration registerDeparture(Departure departure) {
        Set<String> codes =
                departure.functions().stream().map(HeldFunction::functionCode).collect(Collectors.toSet());
        var rated = ratings.of(departure.organisation(), codes);
        var unknown = unknownCodes(departure, rated);
        if (!unknown.isEmpty()) {
            throw new UnknownFunctionCodes(departure.organisation(), unknown);
        }
        var existing = Alumnus.findByPersonnelNumber(departure.organisation(), departure.personnelNumber());
        if (existing.isPresent()) {
            var alumnus = existing.get();
            List<String> changed = alumnus.recordDeparture(departure, clock);
            if (!changed.isEmpty()) {
                boolean windowMoved = alumnus.applyRatings(rated);
                announceUpdate(alumnus, changed);
                auditLog.record(
                        UPDATE,
                        alumnus.id(),
                        alumnus.organisation().name(),
                        null,
                        "changed: " + String.join(", ", changed));
                if (windowMoved) {
                    outbox.append(
                            AlumnusRegistered.TOPIC,
                            alumnus.id().toString(),
                            ObligationWindowChanged.TYPE,
                            "alumni/" + alumnus.id(),
                            ObligationWindowChanged.of(alumnus, "RECORD_CHANGED"));
                }
            }
            return new Registration(alumnus, false);
        }
        var alumnus = Alumnus.register(departure, clock);
        alumnus.applyRatings(rated);
        // Flushed here, so a concurrent twin registration fails inside this method on the unique key.
        alumnus.persistAndFlush();
        announceRegistration(alumnus);
        auditLog.record(REGISTER, alumnus.id(), alumnus.organisation().name(), null, null);
        return new Registration(alumnus, true);
    }

    /**
     * Leavers whose departure date has come are departed now (run daily, see {@link DepartureDay});
     * returns how many. Each departure is announced by one event per alumnus and departure date,
     * however often this runs.
     */
    @Transactional
    public int markDeparted(LocalDate today) {
        List<Alumnus> leavers = Alumnus.list("status = ?1 and departureDate <= ?2", AlumnusStatus.LEAVING, today);
        for (Alumnus alumnus : leavers) {
            if (alumnus.markDepartedOn(today)) {
                Alumnus.flush(); // bumps the version, which the event carries
                outbox.appendAll(List.of(new Outbox.Pending(
                        AlumnusRegistered.TOPIC,
                        alumnus.id().toString(),
                        AlumnusUpdated.TYPE,
                        "alumni/" + alumnus.id(),
                        AlumnusUpdated.of(alumnus, List.of("status")),
                        Outbox.eventId(AlumnusUpdated.TYPE, alumnus.id(), "departed", alumnus.departureDate()))));
            }
        }
        return leavers.size();
    }

    /** A new record is announced, then those who follow the registry act on it, in that order (a briefing issued, say). */
    private void announceRegistration(Alumnus alumnus) {
        outbox.append(
                AlumnusRegistered.TOPIC,
                alumnus.id().toString(),
                AlumnusRegistered.TYPE,
                "alumni/" + alumnus.id(),
                AlumnusRegistered.of(alumnus));
        recordFacts.fire(RecordFacts.of(alumnus, RecordFacts.Change.REGISTERED));
    }

    private void announceUpdate(Alumnus alumnus, List<String> changed) {
        Alumnus.flush(); // bumps the version, which the event carries
        outbox.append(
                AlumnusRegistered.TOPIC,
                alumnus.id().toString(),
                AlumnusUpdated.TYPE,
                "alumni/" + alumnus.id(),
                AlumnusUpdated.of(alumnus, changed));
    }

    /** A departure read from row {@code row} of a bulk import. */
    public record ImportedRow(int row, Departure departure) {}

    /** What one chunk of a bulk import did; {@code rejected} maps row numbers to the reason. */
    public record ChunkResult(int imported, int alreadyRegistered, Map<Integer, String> rejected) {}

    /**
     * Registers a chunk of departures from a bulk import in one transaction: the same rules as
     * {@link #registerDeparture}, with the lookups done per chunk. Rows already registered (before,
     * or earlier in the same chunk) are counted, not changed.
     *
     * @param ratings the catalogue of each organisation, read once per import
     */
    @Transactional
    public ChunkResult importChunk(List<ImportedRow> rows, Map<Organisation, Map<String, FunctionRating>> ratings) {
        Map<Organisation, Set<String>> known = new EnumMap<>(Organisation.class);
        rows.stream()
                .collect(Collectors.groupingBy(
                        r -> r.departure().organisation(),
                        Collectors.mapping(r -> r.departure().personnelNumber(), Collectors.toSet())))
                .forEach((organisation, numbers) -> known.put(
                        organisation,
                        new HashSet<>(Alumnus.<Alumnus>find(
                                        "organisation = ?1 and personnelNumber in ?2", organisation, numbers)
                                .project(PersonnelNumber.class)
                                .list()
                                .stream()
                                .map(PersonnelNumber::personnelNumber)
                                .toList())));
        // Every event of the chunk, the registry's and its followers' (a briefing issued, say), in one batch.
        return outbox.inOneBatch(() -> {
            int imported = 0;
            int alreadyRegistered = 0;
            Map<Integer, String> rejected = new TreeMap<>();
            for (ImportedRow row : rows) {
                Departure departure = row.departure();
                if (!known.get(departure.organisation()).add(departure.personnelNumber())) {
                    alreadyRegistered++;
                    continue;
                }
                var rated = ratings.get(departure.organisation());
                var unknown = unknownCodes(departure, rated);
                if (!unknown.isEmpty()) {
                    rejected.put(row.row(), new UnknownFunctionCodes(departure.organisation(), unknown).getMessage());
                    continue;
                }
                var alumnus = Alumnus.register(departure, clock);
                alumnus.applyRatings(rated);
                alumnus.persist();
                announceRegistration(alumnus);
                imported++;
            }
            return new ChunkResult(imported, alreadyRegistered, rejected);
        });
    }

    /** The codes of functions held that the organisation's catalogue does not rate, sorted. */
    private static Set<String> unknownCodes(Departure departure, Map<String, FunctionRating> rated) {
        return departure.functions().stream()
                .map(HeldFunction::functionCode)
                .filter(code -> !rated.containsKey(code))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /**
     * Refreshes the planner's statistics of the registry. A bulk import into a young registry
     * grows it faster than autovacuum analyses it; on stale statistics (a table believed tiny)
     * the per-chunk lookup of known personnel numbers turns into a sequential scan and every
     * chunk gets slower than the last.
     */
    @Transactional
    public void refreshStatistics() {
        Alumnus.getEntityManager().createNativeQuery("analyze alumnus").executeUpdate();
    }

    /** The registry's size as the planner's statistics last saw it (0 when they never did). */
    @Transactional
    public long sizeInStatistics() {
        return ((Number) Alumnus.getEntityManager()
                        .createNativeQuery(
                                "select greatest(reltuples, 0)::bigint from pg_class where oid = 'alumnus'::regclass")
                        .getSingleResult())
                .longValue();
    }

    /** Projection of the personnel number alone. */
    public record PersonnelNumber(String personnelNumber) {}

    /** The alumnus changes their contact details; a real change is announced. */
    @Transactional
    public Alumnus changeContact(
            Organisation organisation,
            String personnelNumber,
            long expectedVersion,
            String email,
            String phone,
            String language) {
        var alumnus = Alumnus.findByPersonnelNumber(organisation, personnelNumber)
                .orElseThrow(() -> new NotFound("Alumnus record for personnel number", personnelNumber));
        List<String> changed = alumnus.changeContact(expectedVersion, email, phone, language);
        if (!changed.isEmpty()) {
            announceUpdate(alumnus, changed);
        }
        if (changed.contains("email") || changed.contains("language")) {
            recordFacts.fire(RecordFacts.of(alumnus, RecordFacts.Change.CONTACT));
        }
        return alumnus;
    }

    /**
     * A function's rating changed: the windows of everyone who held it are computed again, and
     * each one that moved is announced. Runs in the catalogue change's transaction.
     */
    void recomputeWindows(@Observes FunctionRatingChanged changed) {
        List<Alumnus> holders = Alumnus.list("""
                select distinct a from Alumnus a join a.functions f
                where a.organisation = ?1 and f.functionCode = ?2 and a.status <> ?3""", changed.organisation(), changed.code(), AlumnusStatus.ANONYMISED);
        for (Alumnus alumnus : holders) {
            var codes =
                    alumnus.functions().stream().map(HeldFunction::functionCode).collect(Collectors.toSet());
            if (alumnus.applyRatings(ratings.of(alumnus.organisation(), codes))) {
                Alumnus.flush(); // bumps the version, which the event carries
                outbox.append(
                        AlumnusRegistered.TOPIC,
                        alumnus.id().toString(),
                        ObligationWindowChanged.TYPE,
                        "alumni/" + alumnus.id(),
                        ObligationWindowChanged.of(alumnus, "FUNCTION_PROFILE_CHANGED"));
            }
        }
    }
}
