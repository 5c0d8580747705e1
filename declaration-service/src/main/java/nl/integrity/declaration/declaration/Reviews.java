package nl.integrity.declaration.declaration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import nl.integrity.declaration.DeclarationConfig;
import nl.integrity.declaration.audit.AuditTrail;
import nl.integrity.declaration.audit.Purpose;
import nl.integrity.declaration.review.ConditionSpec;
import nl.integrity.declaration.review.Decision;
import nl.integrity.declaration.review.ImposedCondition;
import nl.integrity.declaration.review.Message;
import nl.integrity.declaration.review.Outcome;
import nl.integrity.platform.outbox.Outbox;

/**
 * The office's side of a declaration: claim, ask, decide, confirm. The caller has already been
 * checked to be an officer of the declaration's organisation. Each action is one transaction
 * with its events in the outbox and its line in the audit trail.
 */
@ApplicationScoped
class Reviews {

    private final Outbox outbox;
    private final Clock clock;
    private final DeclarationConfig.Review policy;
    private final AuditTrail audit;

    Reviews(Outbox outbox, Clock clock, DeclarationConfig config, AuditTrail audit) {
        this.outbox = outbox;
        this.clock = clock;
        this.policy = config.review();
        this.audit = audit;
    }

    /** The calling officer takes the review (or takes it over). */
    @Transactional
    Declaration claim(UUID id, String officer) {
        var d = Declaration.<Declaration>findById(id);
        d.claim(officer);
        audit.record(AuditTrail.CLAIMED, d.id(), d.organisation(), Purpose.DECLARATION_REVIEW, null);
        return d;
    }

    /** The calling officer hands the review to {@code officer}. */
    @Transactional
    Declaration assign(UUID id, String officer) {
        var d = Declaration.<Declaration>findById(id);
        d.claim(officer);
        audit.record(AuditTrail.ASSIGNED, d.id(), d.organisation(), Purpose.DECLARATION_REVIEW, "to " + officer);
        return d;
    }

    @Transactional
    Message requestInformation(UUID id, String officer, String question) {
        var d = Declaration.<Declaration>findById(id);
        d.requestInformation(officer);
        var message = message(d, Message.Kind.QUESTION, officer, question);
        audit.record(AuditTrail.INFORMATION_REQUESTED, d.id(), d.organisation(), Purpose.DECLARATION_REVIEW, null);
        outbox.appendAll(List.of(DeclarationEvents.about(
                d.id(),
                DeclarationEvents.InformationRequested.TYPE,
                new DeclarationEvents.InformationRequested(
                        d.id(), d.alumnusId(), d.organisation(), message.id(), officer, message.sentAt()))));
        return message;
    }

    /** The alumnus answers the office's question. */
    @Transactional
    Message provideInformation(String organisation, String personnelNumber, UUID id, String answer) {
        var d = Declarations.own(Declarations.alumnus(organisation, personnelNumber), id);
        d.provideInformation();
        var message = message(d, Message.Kind.ANSWER, "alumnus", answer);
        outbox.appendAll(List.of(DeclarationEvents.about(
                d.id(),
                DeclarationEvents.InformationProvided.TYPE,
                new DeclarationEvents.InformationProvided(
                        d.id(), d.alumnusId(), d.organisation(), message.id(), d.assignee(), message.sentAt()))));
        return message;
    }

    /**
     * Decides on the current version. At a risk level that needs four eyes the decision is only
     * proposed; it takes force when a second officer confirms it.
     */
    @Transactional
    Decision decide(UUID id, String officer, Outcome outcome, String rationale, List<ConditionSpec> conditions) {
        var d = Declaration.<Declaration>findById(id);
        LocalDate today = LocalDate.now(clock);
        boolean fourEyes = policy.needsSecondOfficer(d.riskLevel());
        Instant now = clock.instant();
        var made = Decision.make(
                d.id(), d.currentVersion(), outcome, rationale, officer, fourEyes, now, today, conditions);
        d.decide(officer, outcome, fourEyes, now);
        made.decision().persist();
        made.conditions().forEach(c -> c.persist());
        if (fourEyes) {
            audit.record(
                    AuditTrail.DECISION_PROPOSED, d.id(), d.organisation(), Purpose.DECLARATION_REVIEW, outcome.name());
        } else {
            takeForce(d, made.decision(), made.conditions(), today);
            audit.record(AuditTrail.DECIDED, d.id(), d.organisation(), Purpose.DECLARATION_REVIEW, outcome.name());
        }
        return made.decision();
    }

    /** A second officer confirms the proposed decision, or returns it to review. */
    @Transactional
    Decision confirm(UUID id, String officer, boolean approved) {
        var d = Declaration.<Declaration>findById(id);
        var proposal = Decision.withStatus(d.id(), Decision.Status.PROPOSED)
                .orElseThrow(() -> new IllegalTransition(Action.CONFIRM_DECISION, d.status()));
        Instant now = clock.instant();
        d.confirm(officer, proposal.decidedBy(), approved, proposal.outcome(), now);
        var conditions = ImposedCondition.ofDecision(proposal.id());
        if (approved) {
            proposal.confirm(officer, now);
            takeForce(d, proposal, conditions, LocalDate.now(clock));
            audit.record(
                    AuditTrail.DECISION_CONFIRMED,
                    d.id(),
                    d.organisation(),
                    Purpose.DECLARATION_REVIEW,
                    proposal.outcome().name());
        } else {
            proposal.returnToReview(conditions);
            audit.record(
                    AuditTrail.DECISION_RETURNED,
                    d.id(),
                    d.organisation(),
                    Purpose.DECLARATION_REVIEW,
                    proposal.outcome().name());
        }
        return proposal;
    }

    /** The decision takes force: an earlier one is superseded (its conditions end) and the decision announced. */
    private void takeForce(Declaration d, Decision decision, List<ImposedCondition> conditions, LocalDate today) {
        var events = new ArrayList<Outbox.Pending>();
        for (var earlier : Decision.inForceBesides(d.id(), decision.id())) {
            events.addAll(Declarations.conditionsEnded(
                    d, earlier.supersede(today, ImposedCondition.ofDecision(earlier.id()))));
        }
        decision.takeForce(conditions);
        events.add(DeclarationEvents.about(
                d.id(),
                DeclarationEvents.Decided.TYPE,
                new DeclarationEvents.Decided(
                        d.id(),
                        d.alumnusId(),
                        d.organisation(),
                        decision.versionNumber(),
                        decision.id(),
                        decision.outcome(),
                        conditions.stream()
                                .map(c -> new DeclarationEvents.ConditionFact(
                                        c.id(), c.type().name(), c.startsOn(), c.endsOn()))
                                .toList(),
                        decision.decidedBy(),
                        decision.confirmedBy(),
                        d.decidedAt())));
        outbox.appendAll(events);
    }

    private Message message(Declaration d, Message.Kind kind, String author, String body) {
        var m = Message.of(d.id(), kind, author, body, clock.instant());
        m.persist();
        return m;
    }
}
