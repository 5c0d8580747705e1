package nl.integrity.platform.inbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.UUID;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;

/**
 * The processed-events inbox: remembers which event ids a consumer already handled, in the
 * same transaction as the effect, so a redelivered event has no second effect.
 */
@ApplicationScoped
public class ProcessedEvents {

    private static final Logger LOG = Logger.getLogger(ProcessedEvents.class);
    private final EntityManager em;

    ProcessedEvents(EntityManager em) {
        this.em = em;
    }

    /**
     * Reads the record as a CloudEvent and hands it to {@code handler} unless {@code consumer}
     * processed that event id before. Call it in the transaction of the handler's effect; a
     * record that is no CloudEvent throws {@link IncomingEvent.MalformedEvent}.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void handleOnce(String consumer, ConsumerRecord<String, String> record, Consumer<IncomingEvent> handler) {
        var event = IncomingEvent.from(record);
        if (firstTime(consumer, event.id())) {
            handler.accept(event);
        } else {
            LOG.debugf("%s: event %s (%s) already processed; skipped", consumer, event.id(), event.type());
        }
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
