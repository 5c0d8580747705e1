package nl.integrity.notification.audit;

import jakarta.enterprise.context.RequestScoped;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import nl.integrity.platform.audit.StaffAudit;

/**
 * The audit trail of what staff do here, in this service's words: which alumni an alert inbox
 * page or the delivery log showed (one entry per page), which alert was read or handled, which
 * webhook subscription or network mailing an administrator made or changed. Written and read by
 * the platform's {@link StaffAudit}, in the caller's transaction (or its own).
 */
@RequestScoped
public class AuditTrail {

    /** A page of the alert inbox: one entry naming every alumnus its alerts were about. */
    public static final String LIST_ALERTS = "LIST_ALERTS";

    public static final String READ_ALERT = "READ_ALERT";
    public static final String ALERT_ACKNOWLEDGED = "ALERT_ACKNOWLEDGED";
    public static final String ALERT_RESOLVED = "ALERT_RESOLVED";
    public static final String ALERT_ASSIGNED = "ALERT_ASSIGNED";
    public static final String ALERT_UNASSIGNED = "ALERT_UNASSIGNED";
    /** A page of the delivery log: one entry naming every alumnus a mail on it went to. */
    public static final String LIST_DELIVERIES = "LIST_DELIVERIES";

    public static final String READ_DELIVERY = "READ_DELIVERY";
    public static final String DELIVERY_REPLAYED = "DELIVERY_REPLAYED";
    public static final String WEBHOOK_SUBSCRIBED = "WEBHOOK_SUBSCRIBED";
    public static final String WEBHOOK_CHANGED = "WEBHOOK_CHANGED";
    public static final String WEBHOOK_SECRET_ROTATED = "WEBHOOK_SECRET_ROTATED";
    public static final String WEBHOOK_DEAD_REPLAYED = "WEBHOOK_DEAD_REPLAYED";
    public static final String NETWORK_MAILING_SENT = "NETWORK_MAILING_SENT";

    public static final String ALUMNUS = "alumnus";
    public static final String ALERT = "alert";
    public static final String DELIVERY = "delivery";
    public static final String WEBHOOK_SUBSCRIPTION = "webhook-subscription";
    public static final String NETWORK_MAILING = "network-mailing";

    /** The longest detail the trail keeps. */
    static final int MAX_DETAIL = 200;

    private final StaffAudit audit;

    AuditTrail(StaffAudit audit) {
        this.audit = audit;
    }

    /** The caller did {@code action} to one subject of the organisation; {@code detail} says more where needed (no free text). */
    public void record(String action, String subjectType, UUID subjectId, String organisation, String detail) {
        audit.record(action, new StaffAudit.Subject(subjectType, subjectId), organisation, null, cut(detail));
    }

    /** The caller saw these alumni in a list, filtered as {@code filter} says; nothing for a list that showed none. */
    public void listedAlumni(String action, Collection<UUID> alumnusIds, String organisation, String filter) {
        audit.recordList(action, ALUMNUS, alumnusIds, organisation, null, cut(filter));
    }

    /** Who read, acted on or listed these subjects of one type, each one's trail in turn, oldest first within each. */
    public List<StaffAudit.AuditRecord> of(String subjectType, Collection<UUID> ids) {
        return ids.stream()
                .flatMap(id -> audit.trail(new StaffAudit.Subject(subjectType, id)).stream())
                .toList();
    }

    private static String cut(String detail) {
        return detail == null || detail.length() <= MAX_DETAIL ? detail : detail.substring(0, MAX_DETAIL);
    }
}
