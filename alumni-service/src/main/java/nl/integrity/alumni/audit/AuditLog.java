package nl.integrity.alumni.audit;

import jakarta.enterprise.context.RequestScoped;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import nl.integrity.platform.audit.StaffAudit;

/**
 * The audit trail of what staff and systems do with person records, in the registry's words: the
 * subject is an alumnus, and every read names its {@link Purpose}. Writes are recorded too, with
 * their actor (an officer, an administrator, the HR system's client), and so are the lists that
 * showed records (a search page), one entry per page naming every record on it. Changes to what
 * decides about people (the function catalogue, the briefing texts, the agreement library) are
 * recorded about the thing changed. Written and read by the platform's {@link StaffAudit}.
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
        record(action, alumnusId, organisation, purpose, null);
    }

    /**
     * Records that the caller did {@code action} to this alumnus' record; {@code purpose} null for a
     * write that needs none stated (HR's registration, say). {@code detail} says what, never with the
     * person's data in it (an id, a code, the names of the fields changed).
     */
    public void record(String action, UUID alumnusId, String organisation, Purpose purpose, String detail) {
        audit.record(
                action,
                new StaffAudit.Subject(SUBJECT, alumnusId),
                organisation,
                purpose == null ? null : purpose.name(),
                detail);
    }

    /**
     * Records that the caller was shown a list of records (a page of search results, of requests):
     * one entry naming every alumnus on it; nothing for an empty list. {@code detail} says how the
     * list was asked for (which filters, the sort, the page), never the values typed for a person.
     */
    public void listed(
            String action, Collection<UUID> alumnusIds, String organisation, Purpose purpose, String detail) {
        audit.recordList(action, SUBJECT, alumnusIds, organisation, purpose == null ? null : purpose.name(), detail);
    }

    /**
     * Records a change to something that is no person's record but decides about people (a function
     * profile, a briefing text, an agreement template, an import): its type and id, and a detail.
     */
    public void changed(String action, String subjectType, UUID id, String organisation, String detail) {
        audit.record(action, new StaffAudit.Subject(subjectType, id), organisation, null, detail);
    }

    /** What was done to this alumnus' record, and the lists that showed it, oldest first. */
    public List<StaffAudit.AuditRecord> trail(UUID alumnusId) {
        return audit.trail(new StaffAudit.Subject(SUBJECT, alumnusId));
    }
}
