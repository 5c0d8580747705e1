package nl.integrity.declaration.declaration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import nl.integrity.declaration.DeclarationConfig;
import nl.integrity.declaration.alumni.AlumniEventsConsumer.AlumnusAnonymised;
import nl.integrity.declaration.alumni.KnownAlumnus;
import nl.integrity.declaration.calendar.WorkingDays;
import nl.integrity.declaration.review.Decision;
import nl.integrity.declaration.review.ImposedCondition;
import nl.integrity.platform.outbox.Outbox;
import nl.integrity.platform.problem.NotFound;

/**
 * The alumnus' side of a declaration: create, submit, change, withdraw. Each is one transaction
 * with its events in the outbox. Every submitted version is assessed at once.
 */
@ApplicationScoped
public class Declarations {

    private final Outbox outbox;
    private final Clock clock;
    private final Assessments assessments;
    private final WorkingDays workingDays;
    private final DeclarationConfig.Review policy;
    private final EntityManager em;

    Declarations(
            Outbox outbox,
            Clock clock,
            Assessments assessments,
            WorkingDays workingDays,
            DeclarationConfig config,
            EntityManager em) {
        this.em = em;
        this.outbox = outbox;
        this.clock = clock;
        this.assessments = assessments;
        this.workingDays = workingDays;
        this.policy = config.review();
    }

    /** The registered alumnus with this login. */
    static KnownAlumnus alumnus(String organisation, String personnelNumber) {
        return KnownAlumnus.findByPersonnelNumber(organisation, personnelNumber)
                .filter(KnownAlumnus::registered)
                .orElseThrow(() -> new AlumnusNotRegistered(organisation, personnelNumber));
    }

    /** A declaration of this alumnus; someone else's does not exist for them. */
    static Declaration own(KnownAlumnus alumnus, UUID id) {
        return Declaration.<Declaration>findByIdOptional(id)
                .filter(d -> d.alumnusId().equals(alumnus.alumnusId()))
                .orElseThrow(() -> new NotFound("Declaration", id));
    }

    /** Stores a new declaration of the alumnus; unless kept as a draft it is submitted at once. */
    @Transactional
    public Declaration create(String organisation, String personnelNumber, Activity activity, boolean keepDraft) {
        var alumnus = alumnus(organisation, personnelNumber);
        Instant now = clock.instant();
        var declaration = Declaration.draft(alumnus, activity, now);
        if (keepDraft) {
            declaration.persist();
        } else {
            declaration.submit(now, dueDateFrom(now));
            recordVersion(declaration, alumnus, now); // stores it as submitted and assessed: one insert, no update
        }
        return declaration;
    }

    @Transactional
    public Declaration submit(String organisation, String personnelNumber, UUID id) {
        var alumnus = alumnus(organisation, personnelNumber);
        var declaration = own(alumnus, id);
        Instant now = clock.instant();
        declaration.submit(now, dueDateFrom(now));
        recordVersion(declaration, alumnus, now);
        return declaration;
    }

    /**
     * Changes the declaration. Content equal to the current version changes nothing. A draft is
     * edited in place; anything else gets a new, assessed version, and a decided declaration goes
     * back to review.
     */
    @Transactional
    public Declaration update(String organisation, String personnelNumber, UUID id, Activity changed) {
        var alumnus = alumnus(organisation, personnelNumber);
        var declaration = own(alumnus, id);
        if (declaration.activity().sameAs(changed) && declaration.status() != DeclarationStatus.WITHDRAWN) {
            return declaration;
        }
        Instant now = clock.instant();
        DeclarationStatus before = declaration.status();
        if (declaration.revise(changed, now, dueDateFrom(now))) {
            if (before == DeclarationStatus.AWAITING_CONFIRMATION) {
                Decision.withStatus(declaration.id(), Decision.Status.PROPOSED)
                        .ifPresent(proposal -> proposal.returnToReview(ImposedCondition.ofDecision(proposal.id())));
            }
            recordVersion(declaration, alumnus, now);
        }
        return declaration;
    }

    @Transactional
    public Declaration withdraw(String organisation, String personnelNumber, UUID id) {
        var alumnus = alumnus(organisation, personnelNumber);
        var declaration = own(alumnus, id);
        Instant now = clock.instant();
        declaration.withdraw(now);
        var events = new ArrayList<Outbox.Pending>();
        events.add(DeclarationEvents.about(
                declaration.id(),
                DeclarationEvents.Withdrawn.TYPE,
                new DeclarationEvents.Withdrawn(
                        declaration.id(), declaration.alumnusId(), declaration.organisation(), now)));
        LocalDate today = LocalDate.now(clock);
        for (Decision decision : Decision.of(declaration.id())) {
            events.addAll(
                    conditionsEnded(declaration, decision.withdraw(today, ImposedCondition.ofDecision(decision.id()))));
        }
        outbox.appendAll(events);
        return declaration;
    }

    /** The condition-ended events of conditions that ended early. */
    static List<Outbox.Pending> conditionsEnded(Declaration d, List<ImposedCondition> ended) {
        return ended.stream()
                .map(c -> DeclarationEvents.about(
                        d.id(),
                        DeclarationEvents.ConditionEnded.TYPE,
                        new DeclarationEvents.ConditionEnded(
                                d.id(),
                                d.alumnusId(),
                                d.organisation(),
                                c.id(),
                                c.type().name(),
                                c.endedOn(),
                                c.endReason().name())))
                .toList();
    }

    LocalDate dueDateFrom(Instant submitted) {
        return workingDays.plus(LocalDate.ofInstant(submitted, clock.getZone()), policy.workingDays());
    }

    /**
     * Stores the current content as a new version with its assessment, and announces both. A new
     * declaration is stored here, once it is assessed.
     */
    private void recordVersion(Declaration d, KnownAlumnus alumnus, Instant now) {
        var result = assessments.assess(d, alumnus);
        var assessment = result.assessment();
        var version = DeclarationVersion.assessed(d, now, result.facts().late(), assessment);
        d.assessed(assessment.level(), result.facts().functionGroup(), version.late());
        if (!d.isPersistent()) {
            d.persist();
        }
        version.persist();
        Activity a = d.activity();
        outbox.appendAll(List.of(
                DeclarationEvents.about(
                        d.id(),
                        DeclarationEvents.Submitted.TYPE,
                        new DeclarationEvents.Submitted(
                                d.id(),
                                d.alumnusId(),
                                d.organisation(),
                                d.currentVersion(),
                                a.kind(),
                                a.employerName(),
                                a.sector().name(),
                                a.role(),
                                a.startDate(),
                                d.late(),
                                now,
                                d.dueDate(),
                                new DeclarationEvents.Words(
                                        a.sector().word(true), a.sector().word(false)))),
                DeclarationEvents.about(
                        d.id(),
                        DeclarationEvents.Assessed.TYPE,
                        new DeclarationEvents.Assessed(
                                d.id(),
                                d.alumnusId(),
                                d.organisation(),
                                d.currentVersion(),
                                assessment.level(),
                                assessment.reasons().stream()
                                        .map(r -> new DeclarationEvents.ReasonCode(r.code(), r.level()))
                                        .toList(),
                                d.late()))));
    }

    /**
     * The registry anonymised the alumnus after the retention period: everything that names or
     * reaches them goes from their declarations, every version, the thread, the decisions and the
     * conditions (employer, KvK number, role, duties, contact and knowledge details, message bodies,
     * rationales, condition details, and the texts of risk reasons that quote an agreement's title).
     * What statistics need stays: ids, dates, sector, risk level, outcome, status. Their published
     * events go from the outbox too (the broker has them, within its retention); events not yet
     * published stay, to be published within seconds, and go with the outbox's own pruning.
     *
     * <p>In SQL, in the consumer's transaction: the rows are not loaded, and the declarations'
     * version moves on so that an edit racing with this fails instead of writing the text back.
     */
    void anonymise(@Observes AlumnusAnonymised anonymised) {
        UUID alumnusId = anonymised.alumnusId();
        String ofAlumnus = " where declaration_id in (select d.id from declaration d where d.alumnus_id = ?1)";
        anonymiseSql("""
                update declaration set employer_name = '-', kvk_number = null, role = '-', duties = '-',
                    contact_details = null, knowledge_details = null, version = version + 1
                where alumnus_id = ?1""", alumnusId);
        anonymiseSql("""
                update declaration_version set employer_name = '-', kvk_number = null, role = '-', duties = '-',
                    contact_details = null, knowledge_details = null,
                    risk_reasons = coalesce((select jsonb_agg(case when r ->> 'code' like 'AGREEMENT%'
                                                                   then r || cast('{"textNl":"-","textEn":"-"}' as jsonb)
                                                                   else r end order by n)
                                             from jsonb_array_elements(risk_reasons) with ordinality as x (r, n)),
                                            risk_reasons)""" + ofAlumnus, alumnusId);
        anonymiseSql("update declaration_message set body = '-'" + ofAlumnus, alumnusId);
        anonymiseSql("update decision set rationale = '-'" + ofAlumnus, alumnusId);
        anonymiseSql("update imposed_condition set details = null" + ofAlumnus, alumnusId);
        List<String> keys = new java.util.ArrayList<>(List.of(alumnusId.toString()));
        keys.addAll(Declaration.<Declaration>list("alumnusId", alumnusId).stream()
                .map(d -> d.id().toString())
                .toList());
        outbox.forgetPublished(keys); // declaration events are keyed by the declaration, reminders by the alumnus
    }

    private void anonymiseSql(String sql, UUID alumnusId) {
        em.createNativeQuery(sql).setParameter(1, alumnusId).executeUpdate();
    }
}
