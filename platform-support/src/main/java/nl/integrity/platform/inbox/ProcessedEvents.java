package nl.integrity.platform.inbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.UUID;

/**
 * The processed-events inbox: remembers which event ids a consumer already handled, in the
 * same transaction as the effect, so a redelivered event has no second effect.
 */
@ApplicationScoped
public class ProcessedEvents {

    private final EntityManager em;

    ProcessedEvents(EntityManager em) {
        this.em = em;
    }

    /**
     * Records that {@code consumer} processed {@code eventId}.
     *
     * @return {@code true} the first time, {@code false} if the event was processed before
     *         (the caller then skips the effect)
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean firstTime(String consumer, UUID eventId) {
        int inserted = em.createNativeQuery("""
                        insert into processed_event (consumer, event_id, processed_at)
                        values (?1, ?2, now())
                        on conflict do nothing""")
                .setParameter(1, consumer)
                .setParameter(2, eventId)
                .executeUpdate();
        return inserted == 1;
    }
}
