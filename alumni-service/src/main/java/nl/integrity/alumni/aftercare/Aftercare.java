package nl.integrity.alumni.aftercare;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import nl.integrity.alumni.AlumniConfig;
import nl.integrity.alumni.audit.AuditLog;
import nl.integrity.alumni.registry.RecordFacts;
import nl.integrity.platform.outbox.Outbox;
import nl.integrity.platform.problem.NotFound;

/**
 * Application service of aftercare: a plan of contact moments for departures after a
 * disciplinary investigation or dismissal and in reorganisations (the departure reasons of
 * {@code alumni.aftercare.reasons}), or whenever an officer makes one; the daily announcement of
 * contact moments due and missed; the officer's record of each.
 */
@ApplicationScoped
class Aftercare {

    static final String REGISTRATION = "registration";

    private final Outbox outbox;
    private final Clock clock;
    private final Set<String> reasons;
    private final List<Integer> months;
    private final Period grace;
    private final AuditLog auditLog;

    static final String PLAN = "PLAN_AFTERCARE";
    static final String RECORD = "RECORD_AFTERCARE_CONTACT";

    Aftercare(Outbox outbox, Clock clock, AlumniConfig config, AuditLog auditLog) {
        this.outbox = outbox;
        this.clock = clock;
        this.auditLog = auditLog;
        this.reasons = Set.copyOf(config.aftercare().reasons());
        this.months = List.copyOf(config.aftercare().months());
        this.grace = config.aftercare().grace();
    }

    Period grace() {
        return grace;
    }

    /**
     * In the transaction of the record's change: a forced departure gets its plan when registered;
     * an anonymised record loses what officers wrote about the person.
     */
    void follow(@Observes RecordFacts facts) {
        if (facts.change() == RecordFacts.Change.ANONYMISED) {
            AftercareContact.anonymiseAllOf(facts.alumnusId());
        } else if (facts.change() == RecordFacts.Change.REGISTERED
                && facts.departureReason() != null
                && reasons.contains(facts.departureReason().name())) {
            planFor(facts, REGISTRATION);
        }
    }

    /** An officer makes the plan of a record that has none (409 when it has one). */
    @Transactional
    public List<AftercareContact> plan(UUID alumnusId, String officer) {
        if (!AftercareContact.of(alumnusId).isEmpty()) {
            throw new AftercareContact.PlanExists();
        }
        var facts = RecordFacts.current(alumnusId).orElseThrow(() -> new NotFound("Alumnus", alumnusId));
        var plan = planFor(facts, officer);
        auditLog.record(PLAN, alumnusId, facts.organisation().name(), null, plan.size() + " contact moments");
        return plan;
    }

    private List<AftercareContact> planFor(RecordFacts facts, String by) {
        List<AftercareContact> plan = new ArrayList<>();
        for (int i = 0; i < months.size(); i++) {
            var contact = AftercareContact.plan(
                    facts.alumnusId(),
                    facts.organisation(),
                    i + 1,
                    facts.departureDate().plusMonths(months.get(i)),
                    by);
            contact.persist();
            plan.add(contact);
        }
        return plan;
    }

    /** The officer records how a contact moment went. */
    @Transactional
    public AftercareContact record(
            UUID alumnusId, UUID contactId, LocalDate doneOn, AftercareOutcome outcome, String notes, String officer) {
        var contact = AftercareContact.of(alumnusId, contactId)
                .orElseThrow(() -> new NotFound("Aftercare contact", contactId));
        contact.record(doneOn, outcome, notes, officer, clock.instant(), LocalDate.now(clock));
        auditLog.record(
                RECORD,
                alumnusId,
                contact.organisation().name(),
                null,
                "contact " + contact.sequence() + " " + contact.id() + ": " + outcome);
        return contact;
    }

    /**
     * Announces every contact moment that fell due, and every one missed, once each; returns how
     * many announcements. The event ids are fixed per contact and kind, so a repeated run (another
     * instance, after a crash) publishes nothing twice.
     */
    @Transactional
    public int announce(LocalDate today) {
        List<Outbox.Pending> events = new ArrayList<>();
        for (AftercareContact contact : AftercareContact.openUntil(today)) {
            String key = contact.alumnusId().toString();
            String subject = "alumni/" + contact.alumnusId() + "/aftercare/" + contact.id();
            if (contact.announceDue(today)) {
                events.add(new Outbox.Pending(
                        AftercareEvents.TOPIC,
                        key,
                        AftercareEvents.ContactDue.TYPE,
                        subject,
                        new AftercareEvents.ContactDue(
                                contact.id(),
                                contact.alumnusId(),
                                contact.organisation().name(),
                                contact.sequence(),
                                contact.dueOn()),
                        Outbox.eventId(AftercareEvents.ContactDue.TYPE, contact.id())));
            }
            if (contact.announceMissed(today, grace)) {
                events.add(new Outbox.Pending(
                        AftercareEvents.TOPIC,
                        key,
                        AftercareEvents.ContactMissed.TYPE,
                        subject,
                        new AftercareEvents.ContactMissed(
                                contact.id(),
                                contact.alumnusId(),
                                contact.organisation().name(),
                                contact.sequence(),
                                contact.dueOn()),
                        Outbox.eventId(AftercareEvents.ContactMissed.TYPE, contact.id())));
            }
        }
        outbox.appendAll(events);
        return events.size();
    }
}
