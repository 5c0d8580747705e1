package nl.integrity.notification.delivery;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import nl.integrity.platform.query.ListFilter;

/** The delivery log of one organisation: its deliveries filtered, newest first, a page at a time. */
@ApplicationScoped
class DeliveryLog {

    /** The filters an administrator gave; any may be empty or null. */
    record Filter(Set<DeliveryStatus> statuses, UUID subscriptionId, UUID eventId) {

        /** The filters given, for the audit trail; empty for none. */
        String describe() {
            StringBuilder text = new StringBuilder();
            if (!statuses.isEmpty()) {
                text.append("status=")
                        .append(String.join(
                                ",", statuses.stream().map(Enum::name).sorted().toList()));
            }
            if (subscriptionId != null) {
                text.append(" subscriptionId=").append(subscriptionId);
            }
            if (eventId != null) {
                text.append(" eventId=").append(eventId);
            }
            return text.toString().trim();
        }
    }

    /** One page of the deliveries found, and how many were found in all. */
    record Found(List<Delivery> deliveries, long total) {}

    Found page(Filter filter, String organisation, int page, int size) {
        var where = new ListFilter()
                .scope("organisation", organisation)
                .in("status", filter.statuses())
                .equal("subscriptionId", filter.subscriptionId())
                .equal("eventId", filter.eventId());
        var query = Delivery.<Delivery>find(where.query(), Sort.descending("createdAt", "id"), where.parameters());
        return new Found(query.page(page, size).list(), query.count());
    }
}
