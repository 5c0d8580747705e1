package nl.integrity.alumni.briefing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import nl.integrity.alumni.audit.AuditLog;
import nl.integrity.alumni.catalogue.Organisation;
import nl.integrity.alumni.registry.RecordFacts;
import nl.integrity.platform.outbox.Outbox;
import nl.integrity.platform.problem.NotFound;
import nl.integrity.platform.problem.ProblemException;

/**
 * Application service of departure briefings: issued with the registration of a departure whose
 * obligation window has not ended (or by an officer), acknowledged by the alumnus, reminded on the
 * departure date; and the administrators' texts.
 */
@ApplicationScoped
class Briefings {

    /** Who issued the briefings that came with a registration. */
    static final String REGISTRATION = "registration";

    /** An officer issued a briefing. */
    static final String ISSUE = "ISSUE_BRIEFING";
    /** An administrator wrote a new revision of a briefing text. */
    static final String CHANGE_TEXT = "CHANGE_BRIEFING_TEXT";

    private final Outbox outbox;
    private final Clock clock;
    private final AuditLog auditLog;

    Briefings(Outbox outbox, Clock clock, AuditLog auditLog) {
        this.outbox = outbox;
        this.clock = clock;
        this.auditLog = auditLog;
    }

    /** In the registration's transaction: a leaver with a duty to declare gets their briefing. */
    void onRegistered(@Observes RecordFacts facts) {
        if (facts.change() == RecordFacts.Change.REGISTERED
                && facts.windowEnd() != null
                && facts.windowEnd().isAfter(LocalDate.now(clock))) {
            issueNew(facts, REGISTRATION);
        }
    }

    /**
     * An officer issues the briefing of a record that has none (registered before briefings
     * existed, or without a window then); a briefing that exists is returned as it is.
     */
    @Transactional
    public DepartureBriefing issue(UUID alumnusId, String officer) {
        var existing = DepartureBriefing.of(alumnusId);
        if (existing.isPresent()) {
            return existing.get();
        }
        var facts = RecordFacts.current(alumnusId).orElseThrow(() -> new NotFound("Alumnus", alumnusId));
        var briefing = issueNew(facts, officer);
        auditLog.record(ISSUE, alumnusId, facts.organisation().name(), null, null);
        return briefing;
    }

    private DepartureBriefing issueNew(RecordFacts facts, String by) {
        var briefing = DepartureBriefing.issue(facts.alumnusId(), facts.organisation(), by, clock.instant());
        briefing.persist();
        outbox.append(
                BriefingEvents.TOPIC,
                facts.alumnusId().toString(),
                BriefingEvents.Issued.TYPE,
                subject(facts.alumnusId()),
                new BriefingEvents.Issued(
                        facts.alumnusId(),
                        facts.organisation().name(),
                        facts.departureDate(),
                        facts.windowEnd(),
                        briefing.issuedAt()));
        return briefing;
    }

    /**
     * The alumnus acknowledges the briefing as they read it: {@code revision} is the revision of
     * the text shown to them. Acknowledging twice changes nothing.
     */
    @Transactional
    public DepartureBriefing acknowledge(UUID alumnusId, Organisation organisation, String language, int revision) {
        var briefing = DepartureBriefing.of(alumnusId).orElseThrow(() -> new NotFound("Departure briefing", alumnusId));
        var text = BriefingText.current(organisation, language)
                .orElseThrow(() -> new NotFound("Briefing text", organisation + "/" + language));
        if (briefing.acknowledgedAt() != null) {
            return briefing;
        }
        if (text.revision() != revision) {
            throw new StaleText(revision, text.revision());
        }
        briefing.acknowledge(text, clock.instant());
        outbox.append(
                BriefingEvents.TOPIC,
                alumnusId.toString(),
                BriefingEvents.Acknowledged.TYPE,
                subject(alumnusId),
                new BriefingEvents.Acknowledged(alumnusId, organisation.name(), revision, briefing.acknowledgedAt()));
        return briefing;
    }

    /**
     * Reminds, once, every leaver whose departure date came while their briefing is not
     * acknowledged; returns how many. The reminder's event id is fixed per alumnus, so a repeated
     * run (another instance, after a crash) publishes nothing twice.
     */
    @Transactional
    public int remind(LocalDate today) {
        @SuppressWarnings("unchecked")
        List<Object[]> due = DepartureBriefing.getEntityManager()
                .createNativeQuery("""
                        select b.alumnus_id, a.departure_date, a.window_end
                        from departure_briefing b join alumnus a on a.id = b.alumnus_id
                        where b.acknowledged_at is null and b.reminded_on is null
                          and a.departure_date <= ?1 and a.status <> 'ANONYMISED'""")
                .setParameter(1, today)
                .getResultList();
        int reminded = 0;
        for (Object[] row : due) {
            UUID alumnusId = (UUID) row[0];
            var briefing = DepartureBriefing.of(alumnusId).orElseThrow();
            if (briefing.remind(today)) {
                reminded++;
                outbox.appendAll(List.of(new Outbox.Pending(
                        BriefingEvents.TOPIC,
                        alumnusId.toString(),
                        BriefingEvents.ReminderDue.TYPE,
                        subject(alumnusId),
                        new BriefingEvents.ReminderDue(
                                alumnusId, briefing.organisation().name(), (LocalDate) row[1], (LocalDate) row[2]),
                        Outbox.eventId(BriefingEvents.ReminderDue.TYPE, alumnusId))));
            }
        }
        return reminded;
    }

    /**
     * An administrator writes a new revision of their organisation's text in one language, on the
     * revision they saw.
     */
    @Transactional
    public BriefingText changeText(
            Organisation organisation, String language, int expectedRevision, BriefingText.Parts parts, String by) {
        var current = BriefingText.current(organisation, language)
                .orElseThrow(() -> new NotFound("Briefing text", organisation + "/" + language));
        if (current.revision() != expectedRevision) {
            throw new StaleText(expectedRevision, current.revision());
        }
        if (current.parts().equals(parts)) {
            return current;
        }
        var next = current.next(parts, by, clock.instant());
        next.persist();
        auditLog.changed(
                CHANGE_TEXT,
                "briefing-text",
                next.id(),
                organisation.name(),
                language + " revision " + next.revision());
        return next;
    }

    private static String subject(UUID alumnusId) {
        return "alumni/" + alumnusId + "/briefing";
    }

    /** 409: the text changed since it was read. */
    static final class StaleText extends ProblemException {
        StaleText(int seen, int current) {
            super(
                    409,
                    "stale-revision",
                    "The briefing text changed",
                    "Revision " + seen + " is not the current one (" + current + "); read it again");
        }
    }
}
