package nl.integrity.notification.alert;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import nl.integrity.platform.inbox.IncomingEvent;
import nl.integrity.platform.inbox.ProcessedEvents;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Raises alerts for the integrity office of the declaring alumnus' organisation. Each event has
 * its effect once (processed-events inbox, same transaction); records that cannot be processed
 * go to {@code declaration.events.dlq}.
 */
@ApplicationScoped
public class DeclarationEventsConsumer {

    static final String CONSUMER = "notification-service.declaration-events";
    private static final Logger LOG = Logger.getLogger(DeclarationEventsConsumer.class);

    private final ProcessedEvents processed;
    private final ObjectMapper json;
    private final Clock clock;

    DeclarationEventsConsumer(ProcessedEvents processed, ObjectMapper json, Clock clock) {
        this.processed = processed;
        this.json = json;
        this.clock = clock;
    }

    @Incoming("declaration-events")
    @Blocking
    @Transactional
    public void consume(ConsumerRecord<String, String> record) {
        processed.handleOnce(CONSUMER, record, event -> {
            switch (event.type()) {
                case DeclarationSubmitted.TYPE -> submitted(event, event.payloadAs(json, DeclarationSubmitted.class));
                default -> LOG.debugf("Ignoring event type %s", event.type());
            }
        });
    }

    private void submitted(IncomingEvent event, DeclarationSubmitted e) {
        var alert = Alert.raise(e.organisation(), AlertKind.DECLARATION_SUBMITTED,
                "New declaration: " + e.role() + " at " + e.employerName() + " (" + e.sector() + "), starting " + e.startDate(),
                event.id(), clock.instant());
        alert.declarationId = e.declarationId();
        alert.alumnusId = e.alumnusId();
        alert.persist();
    }
}
