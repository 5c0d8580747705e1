package nl.integrity.declaration.audit;

import jakarta.enterprise.context.RequestScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.integrity.platform.audit.StaffAudit;

/**
 * The audit trail of what staff and systems do with declarations, in this service's words: the
 * subject is a declaration (or a risk rule), the purpose the one an officer stated for a read, the
 * detail an outcome or a filter where there is one. Written and read by the platform's
 * {@link StaffAudit}, in the caller's transaction (or its own).
 */
@RequestScoped
public class AuditTrail {

    public static final String READ = "READ_DECLARATION";
    public static final String READ_VERSIONS = "READ_VERSIONS";
    public static final String READ_MESSAGES = "READ_MESSAGES";
    /** A page of the review queue: one entry naming every declaration on it. */
    public static final String LIST = "LIST_DECLARATIONS";

    public static final String CLAIMED = "CLAIMED";
    public static final String ASSIGNED = "ASSIGNED";
    public static final String INFORMATION_REQUESTED = "INFORMATION_REQUESTED";
    public static final String DECIDED = "DECIDED";
    public static final String DECISION_PROPOSED = "DECISION_PROPOSED";
    public static final String DECISION_CONFIRMED = "DECISION_CONFIRMED";
    public static final String DECISION_RETURNED = "DECISION_RETURNED";
    public static final String RISK_RULE_CREATED = "RISK_RULE_CREATED";
    public static final String RISK_RULE_CHANGED = "RISK_RULE_CHANGED";

    static final String SUBJECT = "declaration";
    static final String RISK_RULE = "risk-rule";

    private final StaffAudit audit;

    AuditTrail(StaffAudit audit) {
        this.audit = audit;
    }

    /** The caller did {@code action} to the declaration, for {@code purpose} (a read) or with {@code detail}. */
    public void record(String action, UUID declarationId, String organisation, Purpose purpose, String detail) {
        audit.record(
                action,
                new StaffAudit.Subject(SUBJECT, declarationId),
                organisation,
                purpose == null ? null : purpose.name(),
                detail);
    }

    /** The caller saw these declarations in a list (one entry for the page); nothing for an empty page. */
    public void recordList(Collection<UUID> declarationIds, String organisation, String filter) {
        audit.recordList(LIST, SUBJECT, declarationIds, organisation, null, filter);
    }

    /** An administrator changed a risk rule of their organisation; the detail says what it is now. */
    public void recordRuleChange(String action, UUID ruleId, String organisation, String detail) {
        audit.record(action, new StaffAudit.Subject(RISK_RULE, ruleId), organisation, null, detail);
    }

    /** Who read, acted on or listed this declaration, oldest first. */
    public List<StaffAudit.AuditRecord> of(UUID declarationId) {
        return audit.trail(new StaffAudit.Subject(SUBJECT, declarationId));
    }

    /** One entry of the trail of several declarations, with those of them it concerns. */
    public record Entry(StaffAudit.AuditRecord record, List<UUID> declarationIds) {}

    /**
     * The trails of several declarations (an alumnus' own), oldest first: a list entry that named
     * more than one of them appears once, with each of them.
     */
    public List<Entry> ofAll(Collection<UUID> declarationIds) {
        Map<Object, Entry> entries = new LinkedHashMap<>();
        for (UUID id : declarationIds) {
            for (var r : of(id)) {
                Object key =
                        r.listed() ? new ListKey(r.occurredAt(), r.actor(), r.action(), r.requestId()) : new Object();
                entries.computeIfAbsent(key, k -> new Entry(r, new ArrayList<>()))
                        .declarationIds()
                        .add(id);
            }
        }
        return entries.values().stream()
                .sorted(Comparator.comparing(e -> e.record().occurredAt()))
                .toList();
    }

    private record ListKey(Instant occurredAt, String actor, String action, String requestId) {}
}
