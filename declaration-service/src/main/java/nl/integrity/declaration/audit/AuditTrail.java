package nl.integrity.declaration.audit;

import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.RequestScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.UUID;
import nl.integrity.platform.problem.ProblemMappers;
import nl.integrity.platform.security.Caller;

/** Writes the audit trail for the calling member of staff, in the caller's transaction (or its own). */
@RequestScoped
public class AuditTrail {

    public static final String READ = "READ_DECLARATION";
    public static final String READ_VERSIONS = "READ_VERSIONS";
    public static final String READ_MESSAGES = "READ_MESSAGES";
    public static final String DECIDED = "DECIDED";
    public static final String DECISION_PROPOSED = "DECISION_PROPOSED";
    public static final String DECISION_CONFIRMED = "DECISION_CONFIRMED";
    public static final String DECISION_RETURNED = "DECISION_RETURNED";

    private final Caller caller;
    private final Clock clock;
    private final HttpServerRequest request;

    AuditTrail(Caller caller, Clock clock, HttpServerRequest request) {
        this.caller = caller;
        this.clock = clock;
        this.request = request;
    }

    @Transactional
    public void record(String action, UUID declarationId, String organisation, String detail) {
        var entry = new DeclarationAudit();
        entry.occurredAt = clock.instant();
        entry.actor = caller.username();
        entry.actorId = caller.subject();
        entry.organisation = organisation;
        entry.action = action;
        entry.declarationId = declarationId;
        entry.detail = detail;
        entry.requestId = request.getHeader(ProblemMappers.REQUEST_ID_HEADER);
        entry.persist();
    }
}
