package nl.integrity.alumni.agreement;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;
import nl.integrity.alumni.audit.AuditLog;
import nl.integrity.alumni.catalogue.Organisation;
import nl.integrity.alumni.catalogue.Sector;
import nl.integrity.alumni.registry.RecordFacts;
import nl.integrity.platform.outbox.Outbox;
import nl.integrity.platform.problem.InvalidField;
import nl.integrity.platform.problem.NotFound;

/** Application service of post-employment agreements and their library: the transaction boundaries. */
@ApplicationScoped
class Agreements {

    static final String PROPOSE = "PROPOSE_AGREEMENT";
    static final String WITHDRAW = "WITHDRAW_AGREEMENT";
    static final String CREATE_TEMPLATE = "CREATE_AGREEMENT_TEMPLATE";
    static final String CHANGE_TEMPLATE = "CHANGE_AGREEMENT_TEMPLATE";
    static final String RETIRE_TEMPLATE = "RETIRE_AGREEMENT_TEMPLATE";
    static final String TEMPLATE = "agreement-template";

    private final Outbox outbox;
    private final Clock clock;
    private final AuditLog auditLog;

    Agreements(Outbox outbox, Clock clock, AuditLog auditLog) {
        this.outbox = outbox;
        this.clock = clock;
        this.auditLog = auditLog;
    }

    /** In the anonymisation's transaction: what the office wrote about the person in their agreements goes. */
    void follow(@Observes RecordFacts facts) {
        if (facts.change() == RecordFacts.Change.ANONYMISED) {
            Agreement.anonymiseAllOf(facts.alumnusId());
        }
    }

    /** What an office attaches: a template, what it is about, and its period (defaults from the template). */
    record Proposal(UUID templateId, Sector sector, String subject, LocalDate startsOn, LocalDate endsOn) {}

    /**
     * Attaches an agreement from the organisation's library to an alumnus' departure. It starts on
     * the departure date and lasts the template's default months, unless the office says otherwise.
     */
    @Transactional
    public Agreement propose(UUID alumnusId, Organisation organisation, Proposal proposal, String officer) {
        var template = AgreementTemplate.of(organisation, proposal.templateId());
        if (template.retiredAt() != null) {
            throw new AgreementProblems.Retired(template.code());
        }
        if (template.kind().namesSector() && proposal.sector() == null) {
            throw new InvalidField("sector", "name the sector this agreement keeps the alumnus out of");
        }
        if (!template.kind().namesSector() && proposal.subject() == null) {
            throw new InvalidField("subject", "name what this agreement is about (a unit, a body, a subject)");
        }
        var facts = RecordFacts.current(alumnusId).orElseThrow(() -> new NotFound("Alumnus", alumnusId));
        LocalDate startsOn = proposal.startsOn() != null ? proposal.startsOn() : facts.departureDate();
        LocalDate endsOn = proposal.endsOn() != null
                ? proposal.endsOn()
                : startsOn.plusMonths(template.wording().defaultMonths());
        if (!endsOn.isAfter(startsOn)) {
            throw new InvalidField("endsOn", "must be after startsOn");
        }
        if (!endsOn.isAfter(LocalDate.now(clock))) {
            throw new InvalidField(
                    "endsOn", "must be in the future: this agreement would be over before it is accepted");
        }
        var agreement = Agreement.propose(
                alumnusId,
                template,
                template.kind().namesSector() ? proposal.sector() : null,
                template.kind().namesSector() ? null : proposal.subject(),
                startsOn,
                endsOn,
                officer,
                clock.instant());
        agreement.persist();
        outbox.append(
                AgreementEvents.TOPIC,
                alumnusId.toString(),
                AgreementEvents.Proposed.TYPE,
                subject(agreement),
                new AgreementEvents.Proposed(
                        agreement.id(),
                        alumnusId,
                        organisation.name(),
                        agreement.kind(),
                        agreement.code(),
                        startsOn,
                        endsOn));
        auditLog.record(PROPOSE, alumnusId, organisation.name(), null, detail(agreement));
        return agreement;
    }

    /** The alumnus accepts one of their proposed agreements; accepting twice changes nothing. */
    @Transactional
    public Agreement accept(UUID alumnusId, UUID agreementId) {
        var agreement = Agreement.of(alumnusId, agreementId).orElseThrow(() -> new NotFound("Agreement", agreementId));
        if (agreement.accept(clock.instant())) {
            outbox.append(
                    AgreementEvents.TOPIC,
                    alumnusId.toString(),
                    AgreementEvents.Accepted.TYPE,
                    subject(agreement),
                    new AgreementEvents.Accepted(
                            agreement.id(),
                            alumnusId,
                            agreement.organisation().name(),
                            agreement.kind(),
                            agreement.code(),
                            agreement.titleNl(),
                            agreement.titleEn(),
                            agreement.sector() == null
                                    ? null
                                    : agreement.sector().name(),
                            agreement.startsOn(),
                            agreement.endsOn(),
                            agreement.acceptedAt()));
        }
        return agreement;
    }

    /** The office takes back an agreement the alumnus has not accepted. */
    @Transactional
    public Agreement withdraw(UUID alumnusId, UUID agreementId, String officer) {
        var agreement = Agreement.of(alumnusId, agreementId).orElseThrow(() -> new NotFound("Agreement", agreementId));
        agreement.withdraw(officer, clock.instant());
        auditLog.record(WITHDRAW, alumnusId, agreement.organisation().name(), null, detail(agreement));
        return agreement;
    }

    @Transactional
    public AgreementTemplate createTemplate(
            Organisation organisation, String code, AgreementKind kind, AgreementTemplate.Wording wording, String by) {
        if (AgreementTemplate.byCode(organisation, code).isPresent()) {
            throw new AgreementProblems.CodeTaken(code);
        }
        var template = AgreementTemplate.create(organisation, code, kind, wording, by, clock.instant());
        template.persist();
        auditLog.changed(CREATE_TEMPLATE, TEMPLATE, template.id(), organisation.name(), code);
        return template;
    }

    @Transactional
    public AgreementTemplate changeTemplate(
            Organisation organisation, UUID id, int expectedRevision, AgreementTemplate.Wording wording, String by) {
        var template = AgreementTemplate.of(organisation, id);
        if (template.change(expectedRevision, wording, by, clock.instant())) {
            auditLog.changed(
                    CHANGE_TEMPLATE,
                    TEMPLATE,
                    id,
                    organisation.name(),
                    template.code() + " revision " + template.revision());
        }
        return template;
    }

    @Transactional
    public AgreementTemplate retireTemplate(Organisation organisation, UUID id, String by) {
        var template = AgreementTemplate.of(organisation, id);
        if (template.retire(by, clock.instant())) {
            auditLog.changed(RETIRE_TEMPLATE, TEMPLATE, id, organisation.name(), template.code());
        }
        return template;
    }

    /** Which agreement, for the audit trail: its id and code, not what it is about. */
    private static String detail(Agreement agreement) {
        return "agreement " + agreement.id() + " " + agreement.code();
    }

    private static String subject(Agreement agreement) {
        return "alumni/" + agreement.alumnusId() + "/agreements/" + agreement.id();
    }
}
