package nl.integrity.platform.inbox;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.UUID;
import java.util.function.Consumer;
import nl.integrity.platform.tracing.TraceParents;
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
    private final Tracer tracer;

    ProcessedEvents(EntityManager em, Tracer tracer) {
        this.em = em;
        this.tracer = tracer;
    }

    /**
     * Reads the record as a CloudEvent and hands it to {@code handler} unless {@code consumer}
     * processed that event id before. Call it in the transaction of the handler's effect; a
     * record that is no CloudEvent throws {@link IncomingEvent.MalformedEvent}.
     *
     * <p>The handling is a span of the trace the producer wrote into the record's {@code traceparent}
     * header, so what the handler does (events it appends, deliveries it queues) continues that trace.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void handleOnce(String consumer, ConsumerRecord<String, String> record, Consumer<IncomingEvent> handler) {
        Span span = tracer.spanBuilder(record.topic() + " process")
                .setParent(TraceParents.context(record.headers()))
                .setSpanKind(SpanKind.CONSUMER)
                .setAttribute("messaging.system", "kafka")
                .setAttribute("messaging.operation", "process")
                .setAttribute("messaging.destination.name", record.topic())
                .setAttribute("messaging.consumer.group.name", consumer)
                .setAttribute("messaging.destination.partition.id", String.valueOf(record.partition()))
                .setAttribute("messaging.kafka.offset", record.offset())
                .startSpan();
        try (Scope ignored = span.makeCurrent()) {
            var event = IncomingEvent.from(record);
            span.setAttribute("cloudevents.event_type", event.type());
            if (firstTime(consumer, event.id())) {
                handler.accept(event);
            } else {
                LOG.debugf("%s: event %s (%s) already processed; skipped", consumer, event.id(), event.type());
            }
        } catch (RuntimeException e) {
            // The kind only: an exception's message may quote data.
            span.setStatus(StatusCode.ERROR, e.getClass().getSimpleName());
            throw e;
        } finally {
            span.end();
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
