package nl.integrity.notification.inbound;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import nl.integrity.notification.alert.Alert;
import nl.integrity.notification.alert.AlertKind;
import nl.integrity.notification.alert.AlertText;
import nl.integrity.notification.alert.AlertTexts;
import nl.integrity.notification.contact.AlumnusContact;
import nl.integrity.notification.mail.AlumnusMail;
import nl.integrity.notification.mail.OfficeMail;
import nl.integrity.notification.portal.PortalLinks;
import nl.integrity.notification.webhook.WebhookFanOut;
import nl.integrity.platform.inbox.IncomingEvent;
import nl.integrity.platform.inbox.ProcessedEvents;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Raises alerts for the integrity office of the organisation an event names, and queues the
 * event for that organisation's webhook subscribers. Each event has its effect once
 * (processed-events inbox, same transaction; and one alert per event and kind, one delivery per
 * event and subscriber in the tables); records that cannot be processed go to
 * {@code declaration.events.dlq}.
 */
@ApplicationScoped
class DeclarationEventsConsumer {

    static final String CONSUMER = "notification-service.declaration-events";
    private static final Set<String> ALERTING_RISK = Set.of("HIGH", "CRITICAL");
    private static final Logger LOG = Logger.getLogger(DeclarationEventsConsumer.class);

    private final ProcessedEvents processed;
    private final ObjectMapper json;
    private final Clock clock;
    private final WebhookFanOut webhooks;
    private final OfficeMail officeMail;
    private final AlumnusMail alumnusMail;
    private final PortalLinks links;
    private final AlertTexts texts;

    DeclarationEventsConsumer(
            ProcessedEvents processed,
            ObjectMapper json,
            Clock clock,
            WebhookFanOut webhooks,
            OfficeMail officeMail,
            AlumnusMail alumnusMail,
            PortalLinks links,
            AlertTexts texts) {
        this.processed = processed;
        this.json = json;
        this.clock = clock;
        this.webhooks = webhooks;
        this.officeMail = officeMail;
        this.alumnusMail = alumnusMail;
        this.links = links;
        this.texts = texts;
    }

    @Incoming("declaration-events")
    @Blocking
    @Transactional
    public void consume(ConsumerRecord<String, String> record) {
        processed.handleOnce(CONSUMER, record, event -> {
            switch (event.type()) {
                case DeclarationEvents.SUBMITTED ->
                    submitted(event, event.payloadAs(json, DeclarationEvents.Submitted.class));
                case DeclarationEvents.ASSESSED ->
                    assessed(event, event.payloadAs(json, DeclarationEvents.Assessed.class));
                case DeclarationEvents.INFORMATION_PROVIDED ->
                    informationProvided(event, event.payloadAs(json, DeclarationEvents.InformationProvided.class));
                case DeclarationEvents.DUE_SOON ->
                    deadline(
                            event,
                            AlertKind.DECISION_DUE_SOON,
                            event.payloadAs(json, DeclarationEvents.Deadline.class));
                case DeclarationEvents.OVERDUE ->
                    deadline(
                            event, AlertKind.DECISION_OVERDUE, event.payloadAs(json, DeclarationEvents.Deadline.class));
                case DeclarationEvents.REMINDER_DUE ->
                    reminderDue(event, event.payloadAs(json, DeclarationEvents.ReminderDue.class));
                case DeclarationEvents.INFORMATION_REQUESTED -> {
                    var e = event.payloadAs(json, DeclarationEvents.InformationRequested.class);
                    alumnusMail.queue(
                            event,
                            AlumnusMail.Notice.INFORMATION_REQUESTED,
                            e.alumnusId(),
                            e.organisation(),
                            Map.of("link", links.declaration(e.declarationId())));
                }
                case DeclarationEvents.DECIDED -> {
                    var e = event.payloadAs(json, DeclarationEvents.Decided.class);
                    AlertText outcome = texts.of((m, dutch) -> m.outcome(e.outcome()));
                    alumnusMail.queue(
                            event,
                            AlumnusMail.Notice.DECIDED,
                            e.alumnusId(),
                            e.organisation(),
                            Map.of(
                                    "link",
                                    links.declaration(e.declarationId()),
                                    "outcomeNl",
                                    outcome.nl(),
                                    "outcomeEn",
                                    outcome.en(),
                                    "conditions",
                                    e.conditions() == null ? 0 : e.conditions().size()));
                }
                default -> LOG.debugf("No alert for event type %s", event.type());
            }
            if (!aboutAnAnonymisedAlumnus(event)) {
                webhooks.queue(event);
            }
        });
    }

    /**
     * An event that arrives after its alumnus was anonymised (a replay, a late one) is not passed on
     * to subscribers: it may name the employer and role, and they were told of the anonymisation.
     */
    private boolean aboutAnAnonymisedAlumnus(IncomingEvent event) {
        UUID alumnusId = event.payloadAs(json, AboutAlumnus.class).alumnusId();
        return alumnusId != null
                && AlumnusContact.<AlumnusContact>findByIdOptional(alumnusId)
                        .map(AlumnusContact::anonymised)
                        .orElse(false);
    }

    /** The one field every declaration event carries that says whom it is about. */
    record AboutAlumnus(UUID alumnusId) {}

    private void submitted(IncomingEvent event, DeclarationEvents.Submitted e) {
        boolean changed = e.versionNumber() != null && e.versionNumber() > 1;
        raise(
                event,
                e.organisation(),
                AlertKind.DECLARATION_SUBMITTED,
                texts.of((m, dutch) -> {
                    String activity = m.activity(e.role(), e.employerName(), e.sectorIn(dutch));
                    String start = e.startDate() == null ? m.notYetKnown() : AlertText.date(e.startDate(), dutch);
                    return changed ? m.changed(e.versionNumber(), activity, start) : m.submitted(activity, start);
                }),
                Alert.About.declaration(e.declarationId(), e.alumnusId()));
    }

    private void assessed(IncomingEvent event, DeclarationEvents.Assessed e) {
        if (ALERTING_RISK.contains(e.riskLevel())) {
            Alert alert = raise(
                    event,
                    e.organisation(),
                    AlertKind.HIGH_RISK,
                    texts.of((m, dutch) -> m.highRisk(e.versionNumber(), m.riskLevel(e.riskLevel()))),
                    Alert.About.declaration(e.declarationId(), e.alumnusId()).withRiskLevel(e.riskLevel()));
            officeMail.alertRaised(alert);
        }
        if (e.late()) {
            raise(
                    event,
                    e.organisation(),
                    AlertKind.LATE_DECLARATION,
                    texts.of((m, dutch) -> m.lateDeclaration()),
                    Alert.About.declaration(e.declarationId(), e.alumnusId()).withRiskLevel(e.riskLevel()));
        }
    }

    private void informationProvided(IncomingEvent event, DeclarationEvents.InformationProvided e) {
        raise(
                event,
                e.organisation(),
                AlertKind.INFORMATION_RECEIVED,
                texts.of((m, dutch) -> m.informationReceived()),
                Alert.About.declaration(e.declarationId(), e.alumnusId()).withAssignee(e.assignee()));
    }

    private void deadline(IncomingEvent event, AlertKind kind, DeclarationEvents.Deadline e) {
        AlertText summary = texts.of((m, dutch) -> kind == AlertKind.DECISION_OVERDUE
                ? m.decisionOverdue(AlertText.date(e.dueDate(), dutch))
                : m.decisionDueSoon(AlertText.date(e.dueDate(), dutch), e.workingDaysLeft()));
        Alert alert = raise(
                event,
                e.organisation(),
                kind,
                summary,
                Alert.About.declaration(e.declarationId(), e.alumnusId())
                        .withAssignee(e.assignee())
                        .withDueDate(e.dueDate()));
        officeMail.alertRaised(alert);
    }

    private void reminderDue(IncomingEvent event, DeclarationEvents.ReminderDue e) {
        alumnusMail.queue(
                event,
                AlumnusMail.Notice.REMINDER_DUE,
                e.alumnusId(),
                e.organisation(),
                Map.of("link", links.alumnusHome(), "windowEnd", String.valueOf(e.windowEnd())));
        raise(
                event,
                e.organisation(),
                AlertKind.DECLARATION_MISSING,
                texts.of((m, dutch) -> m.declarationMissing(AlertText.date(e.windowEnd(), dutch))),
                Alert.About.alumnus(e.alumnusId()));
    }

    private Alert raise(
            IncomingEvent event, String organisation, AlertKind kind, AlertText summary, Alert.About about) {
        boolean anonymised = about.alumnusId() != null
                && AlumnusContact.<AlumnusContact>findByIdOptional(about.alumnusId())
                        .map(AlumnusContact::anonymised)
                        .orElse(false);
        // An event that comes after its alumnus was anonymised (a replay, a late one) names no one here either.
        AlertText text = anonymised ? texts.of((m, dutch) -> m.anonymised()) : summary;
        var alert = Alert.raise(organisation, kind, text, about, event.id(), clock.instant());
        alert.persist();
        return alert;
    }
}
