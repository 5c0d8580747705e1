package nl.integrity.alumni.audit;

import jakarta.enterprise.context.RequestScoped;
import java.util.List;
import java.util.UUID;
import nl.integrity.platform.audit.StaffAudit;

/**
 * The audit trail of staff access to person records, in the registry's words: the subject is an
 * alumnus, and every access names its {@link Purpose}. Written and read by the platform's
 * {@link StaffAudit}.
 */
@RequestScoped
public class AuditLog {

    public static final String READ_RECORD = "READ_RECORD";
    static final String SUBJECT = "alumnus";

    private final StaffAudit audit;

    AuditLog(StaffAudit audit) {
        this.audit = audit;
    }

    /** Records that the caller accessed this alumnus' record for this purpose. */
    public void record(String action, UUID alumnusId, String organisation, Purpose purpose) {
        audit.record(action, new StaffAudit.Subject(SUBJECT, alumnusId), organisation, purpose.name(), null);
    }

    /** Who accessed this alumnus' record, oldest first. */
    public List<StaffAudit.AuditRecord> trail(UUID alumnusId) {
        return audit.trail(new StaffAudit.Subject(SUBJECT, alumnusId));
    }
}
