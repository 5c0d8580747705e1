package nl.integrity.declaration.alumni;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import nl.integrity.platform.inbox.ProcessedEvents;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Keeps the {@link KnownAlumnus} read model in step with {@code alumni.events}. Each event has
 * its effect once: the event id is recorded in the processed-events inbox in the same
 * transaction. A record that cannot be processed goes to {@code alumni.events.dlq}.
 */
@ApplicationScoped
public class AlumniEventsConsumer {

    static final String CONSUMER = "declaration-service.alumni-events";
    private static final Logger LOG = Logger.getLogger(AlumniEventsConsumer.class);

    private final ProcessedEvents processed;
    private final ObjectMapper json;
    private final Clock clock;

    AlumniEventsConsumer(ProcessedEvents processed, ObjectMapper json, Clock clock) {
        this.processed = processed;
        this.json = json;
        this.clock = clock;
    }

    @Incoming("alumni-events")
    @Blocking
    @Transactional
    public void consume(ConsumerRecord<String, String> record) {
        processed.handleOnce(CONSUMER, record, event -> {
            switch (event.type()) {
                case AlumnusRegistered.TYPE -> registered(event.payloadAs(json, AlumnusRegistered.class));
                default -> LOG.debugf("Ignoring event type %s", event.type());
            }
        });
    }

    private void registered(AlumnusRegistered e) {
        KnownAlumnus alumnus = KnownAlumnus.<KnownAlumnus>findByIdOptional(e.alumnusId()).orElseGet(KnownAlumnus::new);
        alumnus.alumnusId = e.alumnusId();
        alumnus.organisation = e.organisation();
        alumnus.personnelNumber = e.personnelNumber();
        alumnus.fullName = e.fullName();
        alumnus.departureDate = e.departureDate();
        alumnus.departureReason = e.departureReason();
        alumnus.status = e.status();
        alumnus.updatedAt = clock.instant();
        alumnus.persist();
    }
}
