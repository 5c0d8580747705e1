package nl.integrity.declaration.review;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import nl.integrity.declaration.audit.AuditTrail;
import nl.integrity.declaration.declaration.Action;
import nl.integrity.declaration.declaration.Declaration;
import nl.integrity.declaration.declaration.DeclarationEvents;
import nl.integrity.declaration.declaration.Declarations;
import nl.integrity.declaration.declaration.IllegalTransition;
import nl.integrity.declaration.declaration.Outcome;
import nl.integrity.declaration.declaration.ReviewPolicy;
import nl.integrity.platform.outbox.Outbox;
import nl.integrity.platform.problem.InvalidField;
import nl.integrity.platform.problem.Problem;

/**
 * The office's side of a declaration: claim, ask, decide, confirm. The caller has already been
 * checked to be an officer of the declaration's organisation. Each action is one transaction
 * with its events in the outbox and, for decisions, its audit line.
 */
@ApplicationScoped
public class Reviews {

    private final Outbox outbox;
    private final Clock clock;
    private final ReviewPolicy policy;
    private final AuditTrail audit;

    Reviews(Outbox outbox, Clock clock, ReviewPolicy policy, AuditTrail audit) {
        this.outbox = outbox;
        this.clock = clock;
        this.policy = policy;
        this.audit = audit;
    }

    /** A condition as the officer sets it; {@code startsOn} defaults to the day of the decision. */
    public record ConditionSpec(ConditionType type, String details, LocalDate startsOn, LocalDate endsOn) {
    }

    @Transactional
    public Declaration assign(UUID id, String officer) {
        var d = Declaration.<Declaration>findById(id);
        d.claim(officer);
        return d;
    }

    @Transactional
    public Message requestInformation(UUID id, String officer, String question) {
        var d = Declaration.<Declaration>findById(id);
        d.requestInformation(officer);
        var message = message(d, Message.Kind.QUESTION, officer, question);
        outbox.appendAll(List.of(DeclarationEvents.about(d.id, DeclarationEvents.InformationRequested.TYPE,
                new DeclarationEvents.InformationRequested(d.id, d.alumnusId, d.organisation, message.id, officer,
                        message.sentAt))));
        return message;
    }

    /** The alumnus answers the office's question. */
    @Transactional
    public Message provideInformation(String organisation, String personnelNumber, UUID id, String answer) {
        var d = Declarations.own(Declarations.alumnus(organisation, personnelNumber), id);
        d.provideInformation();
        var message = message(d, Message.Kind.ANSWER, "alumnus", answer);
        outbox.appendAll(List.of(DeclarationEvents.about(d.id, DeclarationEvents.InformationProvided.TYPE,
                new DeclarationEvents.InformationProvided(d.id, d.alumnusId, d.organisation, message.id, d.assignee,
                        message.sentAt))));
        return message;
    }

    /**
     * Decides on the current version. At a risk level that needs four eyes the decision is only
     * proposed; it takes force when a second officer confirms it.
     */
    @Transactional
    public Decision decide(UUID id, String officer, Outcome outcome, String rationale, List<ConditionSpec> conditions) {
        var d = Declaration.<Declaration>findById(id);
        LocalDate today = LocalDate.now(clock);
        checkConditions(outcome, conditions, today);
        boolean fourEyes = policy.needsSecondOfficer(d.riskLevel);
        Instant now = clock.instant();
        d.decide(officer, outcome, fourEyes, now);

        var decision = new Decision();
        decision.id = UUID.randomUUID();
        decision.declarationId = d.id;
        decision.versionNumber = d.currentVersion;
        decision.outcome = outcome;
        decision.rationale = rationale;
        decision.decidedBy = officer;
        decision.decidedAt = now;
        decision.status = fourEyes ? Decision.Status.PROPOSED : Decision.Status.IN_FORCE;
        decision.persist();
        for (ConditionSpec spec : conditions) {
            var c = new ImposedCondition();
            c.id = UUID.randomUUID();
            c.decisionId = decision.id;
            c.declarationId = d.id;
            c.type = spec.type();
            c.details = spec.details();
            c.startsOn = spec.startsOn() == null ? today : spec.startsOn();
            c.endsOn = spec.endsOn();
            c.status = fourEyes ? ImposedCondition.Status.PROPOSED : ImposedCondition.Status.ACTIVE;
            c.persist();
        }
        if (fourEyes) {
            audit.record(AuditTrail.DECISION_PROPOSED, d.id, d.organisation, outcome.name());
        } else {
            takeForce(d, decision, today);
            audit.record(AuditTrail.DECIDED, d.id, d.organisation, outcome.name());
        }
        return decision;
    }

    /** A second officer confirms the proposed decision, or returns it to review. */
    @Transactional
    public Decision confirm(UUID id, String officer, boolean approved) {
        var d = Declaration.<Declaration>findById(id);
        var proposal = Decision.withStatus(d.id, Decision.Status.PROPOSED)
                .orElseThrow(() -> new IllegalTransition(Action.CONFIRM_DECISION, d.status));
        Instant now = clock.instant();
        d.confirm(officer, proposal.decidedBy, approved, proposal.outcome, now);
        if (approved) {
            proposal.confirmedBy = officer;
            proposal.confirmedAt = now;
            ImposedCondition.update("status = ?1 where decisionId = ?2", ImposedCondition.Status.ACTIVE, proposal.id);
            ImposedCondition.flush();
            takeForce(d, proposal, LocalDate.now(clock));
            audit.record(AuditTrail.DECISION_CONFIRMED, d.id, d.organisation, proposal.outcome.name());
        } else {
            Declarations.returnProposal(proposal);
            audit.record(AuditTrail.DECISION_RETURNED, d.id, d.organisation, proposal.outcome.name());
        }
        return proposal;
    }

    /** The decision takes force: an earlier one is superseded (its conditions end) and the decision announced. */
    private void takeForce(Declaration d, Decision decision, LocalDate today) {
        var events = new ArrayList<Outbox.Pending>();
        Decision.withStatus(d.id, Decision.Status.IN_FORCE).filter(earlier -> !earlier.id.equals(decision.id))
                .ifPresent(earlier -> {
                    earlier.status = Decision.Status.SUPERSEDED;
                    events.addAll(Declarations.endConditions(d, earlier.id, ImposedCondition.EndReason.SUPERSEDED, today));
                });
        decision.status = Decision.Status.IN_FORCE;
        List<ImposedCondition> conditions = ImposedCondition.list("decisionId", decision.id);
        events.add(DeclarationEvents.about(d.id, DeclarationEvents.Decided.TYPE,
                new DeclarationEvents.Decided(d.id, d.alumnusId, d.organisation, decision.versionNumber, decision.id,
                        decision.outcome, conditions.stream()
                        .map(c -> new DeclarationEvents.ConditionFact(c.id, c.type.name(), c.startsOn, c.endsOn))
                        .toList(), decision.decidedBy, decision.confirmedBy, d.decidedAt)));
        outbox.appendAll(events);
    }

    private static void checkConditions(Outcome outcome, List<ConditionSpec> conditions, LocalDate today) {
        if (outcome == Outcome.ALLOWED_WITH_CONDITIONS && conditions.isEmpty()) {
            throw new DecisionRejected("conditions-required",
                    "An activity allowed with conditions needs at least one condition from the library");
        }
        if (outcome != Outcome.ALLOWED_WITH_CONDITIONS && !conditions.isEmpty()) {
            throw new DecisionRejected("conditions-not-allowed",
                    "Only an activity allowed with conditions has conditions; " + outcome + " has none");
        }
        var errors = new ArrayList<Problem.FieldError>();
        for (int i = 0; i < conditions.size(); i++) {
            var c = conditions.get(i);
            String path = "conditions[" + i + "]";
            LocalDate start = c.startsOn() == null ? today : c.startsOn();
            if (c.endsOn() == null) {
                errors.add(new Problem.FieldError(path + ".endsOn",
                        "required: every condition ends by itself"));
            } else if (c.endsOn().isBefore(start) || !c.endsOn().isAfter(today)) {
                errors.add(new Problem.FieldError(path + ".endsOn",
                        "after today and not before startsOn"));
            }
            if (c.type().needsDetails() && (c.details() == null || c.details().isBlank())) {
                errors.add(new Problem.FieldError(path + ".details",
                        "name the matters for " + c.type()));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidField(errors);
        }
    }

    private Message message(Declaration d, Message.Kind kind, String author, String body) {
        var m = new Message();
        m.id = UUID.randomUUID();
        m.declarationId = d.id;
        m.kind = kind;
        m.author = author;
        m.body = body;
        m.sentAt = clock.instant();
        m.persist();
        return m;
    }
}
