package nl.integrity.alumni.audit;

import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.RequestScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.UUID;
import nl.integrity.platform.problem.ProblemMappers;
import nl.integrity.platform.security.Caller;
import nl.integrity.platform.security.Roles;

/** Writes the audit trail of staff access to person records, for the calling member of staff. */
@RequestScoped
public class AuditLog {

    public static final String READ_RECORD = "READ_RECORD";

    private final Caller caller;
    private final Clock clock;
    private final HttpServerRequest request;

    AuditLog(Caller caller, Clock clock, HttpServerRequest request) {
        this.caller = caller;
        this.clock = clock;
        this.request = request;
    }

    /** Records that the caller accessed this alumnus' record for this purpose. */
    @Transactional
    public void record(String action, UUID alumnusId, String organisation, Purpose purpose) {
        var entry = new AuditEntry();
        entry.occurredAt = clock.instant();
        entry.actor = caller.username();
        entry.actorId = caller.subject();
        entry.actorRole = caller.hasRole(Roles.ADMIN) ? Roles.ADMIN : caller.hasRole(Roles.HR_SYSTEM) ? Roles.HR_SYSTEM : Roles.OFFICER;
        entry.organisation = organisation;
        entry.action = action;
        entry.alumnusId = alumnusId;
        entry.purpose = purpose;
        entry.requestId = request.getHeader(ProblemMappers.REQUEST_ID_HEADER);
        entry.persist();
    }
}
