package nl.integrity.declaration.audit;

import jakarta.enterprise.context.RequestScoped;
import java.util.List;
import java.util.UUID;
import nl.integrity.platform.audit.StaffAudit;

/**
 * The audit trail of staff reads of and decisions on declarations, in this service's words: the
 * subject is a declaration, the detail an outcome where there is one. Written and read by the
 * platform's {@link StaffAudit}, in the caller's transaction (or its own).
 */
@RequestScoped
public class AuditTrail {

    public static final String READ = "READ_DECLARATION";
    public static final String READ_VERSIONS = "READ_VERSIONS";
    public static final String READ_MESSAGES = "READ_MESSAGES";
    public static final String DECIDED = "DECIDED";
    public static final String DECISION_PROPOSED = "DECISION_PROPOSED";
    public static final String DECISION_CONFIRMED = "DECISION_CONFIRMED";
    public static final String DECISION_RETURNED = "DECISION_RETURNED";
    static final String SUBJECT = "declaration";

    private final StaffAudit audit;

    AuditTrail(StaffAudit audit) {
        this.audit = audit;
    }

    public void record(String action, UUID declarationId, String organisation, String detail) {
        audit.record(action, new StaffAudit.Subject(SUBJECT, declarationId), organisation, null, detail);
    }

    /** Who read or decided on this declaration, oldest first. */
    public List<StaffAudit.AuditRecord> of(UUID declarationId) {
        return audit.trail(new StaffAudit.Subject(SUBJECT, declarationId));
    }
}
