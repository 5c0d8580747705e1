package nl.integrity.declaration.alumni;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import nl.integrity.declaration.risk.AgreementInForce;
import nl.integrity.platform.inbox.ProcessedEvents;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Keeps the read model ({@link KnownAlumnus}, {@link KnownFunctionProfile}) in step with
 * {@code alumni.events} and {@code function-profile.events}. Each event has its effect once:
 * its id is recorded in the processed-events inbox in the same transaction. Events older than
 * what is held change nothing, so reordering or replays cannot corrupt the model. A record
 * that cannot be processed goes to the topic's dead-letter topic.
 */
@ApplicationScoped
public class AlumniEventsConsumer {

    static final String CONSUMER = "declaration-service.alumni-events";
    static final String PROFILES_CONSUMER = "declaration-service.function-profile-events";
    static final String REGISTERED = "nl.integrity.alumni.registered.v1";
    static final String UPDATED = "nl.integrity.alumni.record-updated.v1";
    static final String WINDOW_CHANGED = "nl.integrity.alumni.obligation-window-changed.v1";
    static final String ANONYMISED = "nl.integrity.alumni.anonymised.v1";
    static final String AGREEMENT_ACCEPTED = "nl.integrity.alumni.agreement-accepted.v1";
    static final String PROFILE_CHANGED = "nl.integrity.alumni.function-profile-changed.v1";
    private static final Logger LOG = Logger.getLogger(AlumniEventsConsumer.class);

    private final ProcessedEvents processed;
    private final ObjectMapper json;
    private final Clock clock;
    private final Event<AlumnusAnonymised> anonymisations;

    AlumniEventsConsumer(
            ProcessedEvents processed, ObjectMapper json, Clock clock, Event<AlumnusAnonymised> anonymisations) {
        this.processed = processed;
        this.json = json;
        this.clock = clock;
        this.anonymisations = anonymisations;
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Registered(
            UUID alumnusId,
            String organisation,
            String personnelNumber,
            String fullName,
            LocalDate departureDate,
            String departureReason,
            String status,
            String unit,
            String lastFunction,
            LocalDate windowStart,
            LocalDate windowEnd,
            String windowFunctionCode,
            String windowRiskLevel,
            Long version) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Updated(
            UUID alumnusId,
            String organisation,
            Long version,
            String personnelNumber,
            String fullName,
            LocalDate departureDate,
            String departureReason,
            String status,
            String unit,
            String lastFunction) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record WindowChanged(
            UUID alumnusId,
            String organisation,
            LocalDate windowStart,
            LocalDate windowEnd,
            String functionCode,
            String riskLevel,
            Long version) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Anonymised(UUID alumnusId, String organisation) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record AgreementAccepted(
            UUID agreementId,
            UUID alumnusId,
            String organisation,
            String kind,
            String code,
            String titleNl,
            String titleEn,
            String sector,
            LocalDate startsOn,
            LocalDate endsOn) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record ProfileChanged(
            String organisation,
            String code,
            int version,
            String title,
            String functionGroup,
            String riskLevel,
            int coolingOffMonths,
            List<String> sensitiveSectors,
            boolean retired) {}

    /** Fired in the consumer's transaction when the registry anonymised an alumnus. */
    public record AlumnusAnonymised(UUID alumnusId) {}

    @Incoming("alumni-events")
    @Blocking
    @Transactional
    public void consume(ConsumerRecord<String, String> record) {
        processed.handleOnce(CONSUMER, record, event -> {
            switch (event.type()) {
                case REGISTERED -> registered(event.payloadAs(json, Registered.class));
                case UPDATED -> updated(event.payloadAs(json, Updated.class));
                case WINDOW_CHANGED -> windowChanged(event.payloadAs(json, WindowChanged.class));
                case ANONYMISED -> anonymised(event.payloadAs(json, Anonymised.class));
                case AGREEMENT_ACCEPTED -> agreementAccepted(event.payloadAs(json, AgreementAccepted.class));
                default -> LOG.debugf("Ignoring event type %s", event.type());
            }
        });
    }

    @Incoming("function-profile-events")
    @Blocking
    @Transactional
    public void consumeProfile(ConsumerRecord<String, String> record) {
        processed.handleOnce(PROFILES_CONSUMER, record, event -> {
            if (PROFILE_CHANGED.equals(event.type())) {
                profileChanged(event.payloadAs(json, ProfileChanged.class));
            }
        });
    }

    private void registered(Registered e) {
        var alumnus = KnownAlumnus.findOrStub(e.alumnusId(), e.organisation());
        long version = e.version() == null ? 0 : e.version();
        alumnus.apply(
                version,
                new KnownAlumnus.Snapshot(
                        e.personnelNumber(),
                        e.fullName(),
                        e.departureDate(),
                        e.departureReason(),
                        e.status(),
                        e.unit(),
                        e.lastFunction()));
        alumnus.apply(
                version,
                new KnownAlumnus.Window(e.windowStart(), e.windowEnd(), e.windowFunctionCode(), e.windowRiskLevel()));
        save(alumnus);
    }

    private void updated(Updated e) {
        if (e.version() == null || e.personnelNumber() == null) {
            LOG.debugf("Update of %s without version or facts (older producer); skipped", e.alumnusId());
            return;
        }
        var alumnus = KnownAlumnus.findOrStub(e.alumnusId(), e.organisation());
        alumnus.apply(
                e.version(),
                new KnownAlumnus.Snapshot(
                        e.personnelNumber(),
                        e.fullName(),
                        e.departureDate(),
                        e.departureReason(),
                        e.status(),
                        e.unit(),
                        e.lastFunction()));
        save(alumnus);
    }

    private void windowChanged(WindowChanged e) {
        var alumnus = KnownAlumnus.findOrStub(e.alumnusId(), e.organisation());
        alumnus.apply(
                e.version() == null ? alumnus.windowVersion() + 1 : e.version(),
                new KnownAlumnus.Window(e.windowStart(), e.windowEnd(), e.functionCode(), e.riskLevel()));
        save(alumnus);
    }

    private void anonymised(Anonymised e) {
        var alumnus = KnownAlumnus.findOrStub(e.alumnusId(), e.organisation());
        alumnus.anonymise();
        save(alumnus);
        KnownAgreement.forget(e.alumnusId());
        anonymisations.fire(new AlumnusAnonymised(e.alumnusId()));
    }

    private void agreementAccepted(AgreementAccepted e) {
        if (KnownAlumnus.<KnownAlumnus>findByIdOptional(e.alumnusId())
                .map(KnownAlumnus::anonymised)
                .orElse(false)) {
            return; // accepted before the anonymisation, arrived after it: nothing personal is kept
        }
        KnownAgreement.keep(
                e.alumnusId(),
                e.organisation(),
                new AgreementInForce(
                        e.code(), e.kind(), e.titleNl(), e.titleEn(), e.sector(), e.startsOn(), e.endsOn()),
                e.agreementId(),
                clock.instant());
    }

    private void save(KnownAlumnus alumnus) {
        alumnus.save(clock.instant());
    }

    private void profileChanged(ProfileChanged e) {
        var profile = KnownFunctionProfile.findOrNew(e.organisation(), e.code());
        if (profile.apply(
                e.version(),
                new KnownFunctionProfile.Facts(
                        e.title(),
                        e.functionGroup(),
                        e.riskLevel(),
                        e.coolingOffMonths(),
                        e.sensitiveSectors(),
                        e.retired()))) {
            profile.persist();
        }
    }
}
