package nl.integrity.alumni.catalogue;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.UUID;
import nl.integrity.alumni.audit.AuditLog;
import nl.integrity.platform.outbox.Outbox;
import nl.integrity.platform.problem.NotFound;
import org.hibernate.exception.ConstraintViolationException;

/** Application service of the function risk catalogue: the transaction boundary of its changes. */
@ApplicationScoped
class Catalogue {

    private final Outbox outbox;
    private final Clock clock;
    private final Event<FunctionRatingChanged> ratingChanged;
    private final AuditLog auditLog;

    /** What the audit trail calls a profile; the entry names its id, the detail its code. */
    static final String SUBJECT = "function-profile";

    Catalogue(Outbox outbox, Clock clock, Event<FunctionRatingChanged> ratingChanged, AuditLog auditLog) {
        this.outbox = outbox;
        this.clock = clock;
        this.ratingChanged = ratingChanged;
        this.auditLog = auditLog;
    }

    @Transactional
    public FunctionProfile create(Organisation organisation, String code, FunctionDefinition definition, String by) {
        if (FunctionProfile.findByCode(organisation, code).isPresent()) {
            throw new DuplicateFunctionCode(code);
        }
        var profile = FunctionProfile.create(organisation, code, definition, by, clock);
        try {
            profile.persistAndFlush();
        } catch (ConstraintViolationException concurrentTwin) {
            throw new DuplicateFunctionCode(code);
        }
        publish(profile, FunctionProfileChanged.Change.CREATED);
        audit("CREATE_FUNCTION_PROFILE", profile);
        return profile;
    }

    @Transactional
    public FunctionProfile change(
            Organisation organisation, UUID id, int expectedVersion, FunctionDefinition definition, String by) {
        var profile = find(organisation, id);
        profile.change(expectedVersion, definition, by, clock).ifPresent(added -> {
            publish(profile, FunctionProfileChanged.Change.CHANGED);
            audit("CHANGE_FUNCTION_PROFILE", profile);
            ratingChanged.fire(new FunctionRatingChanged(organisation, profile.code()));
        });
        return profile;
    }

    @Transactional
    public FunctionProfile retire(Organisation organisation, UUID id) {
        var profile = find(organisation, id);
        profile.retire(clock);
        publish(profile, FunctionProfileChanged.Change.RETIRED);
        audit("RETIRE_FUNCTION_PROFILE", profile);
        return profile;
    }

    /** A profile of the caller's organisation; another organisation's profiles do not exist for them. */
    public FunctionProfile find(Organisation organisation, UUID id) {
        return FunctionProfile.<FunctionProfile>findByIdOptional(id)
                .filter(p -> p.organisation() == organisation)
                .orElseThrow(() -> new NotFound("Function profile", id));
    }

    /** In the change's transaction: who changed which profile, and to which version. */
    private void audit(String action, FunctionProfile profile) {
        auditLog.changed(
                action,
                SUBJECT,
                profile.id(),
                profile.organisation().name(),
                profile.code() + " version " + profile.current().number());
    }

    private void publish(FunctionProfile profile, FunctionProfileChanged.Change change) {
        outbox.append(
                FunctionProfileChanged.TOPIC,
                profile.id().toString(),
                FunctionProfileChanged.TYPE,
                "function-profiles/" + profile.id(),
                FunctionProfileChanged.of(profile, change));
    }
}
