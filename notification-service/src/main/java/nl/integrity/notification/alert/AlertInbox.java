package nl.integrity.notification.alert;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import nl.integrity.platform.problem.InvalidField;
import nl.integrity.platform.query.ListFilter;

/**
 * The alert inbox of one organisation: its alerts filtered, sorted and a page at a time. Without
 * a status, the inbox shows what is open (new and acknowledged), unless it looks up the alerts of
 * one declaration or alumnus: those are all shown.
 */
@ApplicationScoped
class AlertInbox {

    /** The filters an officer gave; any may be empty or null. {@code assignee} is {@code me}, {@code none} or a username. */
    record Filter(
            Set<AlertStatus> statuses, Set<AlertKind> kinds, String assignee, UUID declarationId, UUID alumnusId) {

        /** The filters given, for the audit trail: {@code status=NEW,ACKNOWLEDGED assignee=me}; empty for none. */
        String describe() {
            var parts = new ArrayList<String>();
            if (!statuses.isEmpty()) {
                parts.add("status="
                        + String.join(
                                ",", statuses.stream().map(Enum::name).sorted().toList()));
            }
            if (!kinds.isEmpty()) {
                parts.add("kind="
                        + String.join(
                                ",", kinds.stream().map(Enum::name).sorted().toList()));
            }
            if (assignee != null && !assignee.isBlank()) {
                parts.add("assignee=" + assignee);
            }
            if (declarationId != null) {
                parts.add("declarationId=" + declarationId);
            }
            if (alumnusId != null) {
                parts.add("alumnusId=" + alumnusId);
            }
            return String.join(" ", parts);
        }
    }

    /** One page of the alerts found, and how many were found in all. */
    record Found(List<Alert> alerts, long total) {}

    /** The order of a {@code sort} parameter: {@code -raisedAt} (default, newest first), {@code raisedAt} or {@code dueDate}. */
    static Sort sort(String sort) {
        if (sort == null || sort.isBlank() || sort.equals("-raisedAt")) {
            return Sort.descending("raisedAt", "id");
        }
        return switch (sort) {
            case "raisedAt" -> Sort.ascending("raisedAt", "id");
            case "dueDate" -> Sort.ascending("dueDate", "raisedAt", "id");
            default -> throw new InvalidField("sort", "one of -raisedAt, raisedAt, dueDate");
        };
    }

    /** The page of the organisation's alerts that match; {@code me} is the officer asking (for {@code assignee=me}). */
    Found page(Filter filter, String organisation, String me, Sort sort, int page, int size) {
        Set<AlertStatus> statuses = filter.statuses();
        if (statuses.isEmpty() && filter.declarationId() == null && filter.alumnusId() == null) {
            statuses = EnumSet.of(AlertStatus.NEW, AlertStatus.ACKNOWLEDGED);
        }
        var where = new ListFilter()
                .scope("organisation", organisation)
                .in("status", statuses)
                .in("kind", filter.kinds())
                .assignee("assignee", filter.assignee(), me)
                .equal("declarationId", filter.declarationId())
                .equal("alumnusId", filter.alumnusId());
        var query = Alert.<Alert>find(where.query(), sort, where.parameters());
        return new Found(query.page(page, size).list(), query.count());
    }
}
