package nl.integrity.notification.mail;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.qute.Engine;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import nl.integrity.notification.NotificationConfig;
import nl.integrity.notification.contact.AlumnusContact;
import nl.integrity.notification.delivery.Delivery;
import nl.integrity.notification.delivery.DeliveryQueue;
import nl.integrity.notification.network.NetworkMail;
import nl.integrity.platform.tracing.TraceParents;
import org.jboss.logging.Logger;

/**
 * Sends due e-mail deliveries over SMTP, apart from consuming: a dead mail server never holds up
 * the Kafka consumer; its mail waits in the delivery table and is retried on the schedule.
 */
@ApplicationScoped
class MailDispatcher {

    private static final Logger LOG = Logger.getLogger(MailDispatcher.class);

    private final DeliveryQueue queue;
    private final NotificationConfig.Mail policy;
    private final Mailer mailer;
    private final ObjectMapper json;
    private final Engine engine;
    private final NetworkMail networkMail;
    private final Tracer tracer;

    MailDispatcher(
            DeliveryQueue queue,
            NotificationConfig config,
            Mailer mailer,
            ObjectMapper json,
            Engine engine,
            NetworkMail networkMail,
            Tracer tracer) {
        this.queue = queue;
        this.policy = config.mail();
        this.mailer = mailer;
        this.json = json;
        this.engine = engine;
        this.networkMail = networkMail;
        this.tracer = tracer;
    }

    @Scheduled(
            every = "${notification.mail.poll-interval:1s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void tick() {
        try {
            List<Delivery> batch;
            do {
                batch = queue.claim(Delivery.Channel.EMAIL, policy.batchSize(), policy.lease());
                batch.forEach(this::sendAndRecord);
            } while (batch.size() == policy.batchSize());
        } catch (RuntimeException e) {
            LOG.warnf("Mail dispatch run failed, the next run retries: %s", e.getMessage());
        }
    }

    /** A mail that cannot be sent now, and whether it never will be. */
    static final class Undeliverable extends RuntimeException {
        final boolean forGood;

        Undeliverable(String message, boolean forGood) {
            super(message);
            this.forGood = forGood;
        }
    }

    /** A mail no longer wanted: not sent, and not to be tried again. */
    static final class NotWanted extends RuntimeException {
        NotWanted(String reason) {
            super(reason);
        }
    }

    private void sendAndRecord(Delivery claimed) {
        String error = null;
        boolean malformed = false;
        String cancelled = null;
        // The attempt continues the trace of the event that queued the mail.
        Span span = TraceParents.start(tracer, "mail send", SpanKind.CLIENT, claimed.traceParent());
        span.setAttribute("delivery.channel", "email");
        try (Scope ignored = span.makeCurrent()) {
            if (claimed.payload() == null) {
                throw new NotWanted(Delivery.ANONYMISED); // removed with its alumnus' data while it was under way
            }
            JsonNode mail = json.readTree(claimed.payload());
            if (mail.has("notice")) {
                sendNotice(claimed, mail);
            } else if (mail.has("mailing")) {
                sendNetworkMail(mail);
            } else {
                mailer.send(Mail.withText(
                        claimed.recipient(),
                        mail.path("subject").asText(),
                        mail.path("text").asText()));
            }
        } catch (JsonProcessingException e) {
            error = "unreadable payload: " + e.getOriginalMessage();
            malformed = true;
        } catch (Undeliverable e) {
            error = e.getMessage();
            malformed = e.forGood;
        } catch (NotWanted e) {
            cancelled = e.getMessage();
        } catch (RuntimeException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            error = cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
        }
        String failure = error;
        if (failure != null) {
            LOG.debugf("Mail %s not sent: %s", claimed.id(), failure);
            span.setStatus(StatusCode.ERROR, "not sent");
        }
        span.setAttribute("delivery.outcome", cancelled != null ? "cancelled" : failure == null ? "sent" : "failed");
        span.end();
        boolean giveUp = malformed;
        String notWanted = cancelled;
        QuarkusTransaction.requiringNew().run(() -> {
            Delivery d = Delivery.findById(claimed.id());
            if (notWanted != null) {
                queue.cancelled(d, notWanted);
            } else if (failure == null) {
                queue.sent(d, null);
            } else {
                queue.failed(d, null, failure, policy.retrySchedule(), policy.jitter(), giveUp);
            }
        });
    }

    /** Alumni-network mail: only while the alumnus' consent holds, checked now, just before sending. */
    private void sendNetworkMail(JsonNode payload) {
        UUID mailingId = UUID.fromString(payload.path("mailing").asText());
        UUID alumnusId = UUID.fromString(payload.path("alumnusId").asText());
        Mail mail = QuarkusTransaction.requiringNew()
                .call(() -> networkMail.compose(mailingId, AlumnusContact.findById(alumnusId)))
                .orElseThrow(() ->
                        new NotWanted("consent for network mail withdrawn, or the alumnus anonymised, before sending"));
        mailer.send(mail);
    }

    /** A notice to an alumnus: address and language as known now, the template rendered in that language. */
    private void sendNotice(Delivery claimed, JsonNode mail) {
        UUID alumnusId = UUID.fromString(mail.path("alumnusId").asText());
        AlumnusContact contact =
                QuarkusTransaction.requiringNew().call(() -> AlumnusContact.<AlumnusContact>findById(alumnusId));
        if (contact != null && contact.anonymised()) {
            throw new Undeliverable("the alumnus was anonymised", true);
        }
        if (contact == null || contact.email() == null) {
            throw new Undeliverable("no e-mail address known for the alumnus (yet)", false);
        }
        AlumnusMail.Notice notice =
                AlumnusMail.Notice.valueOf(mail.path("notice").asText());
        boolean english = "en".equals(contact.language());
        TemplateInstance text = engine.getTemplate("mail/" + notice.template + (english ? "-en" : "-nl") + ".txt")
                .instance();
        mail.path("data")
                .fields()
                .forEachRemaining(f -> text.data(
                        f.getKey(),
                        f.getValue().isNumber()
                                ? f.getValue().numberValue()
                                : f.getValue().asText()));
        text.data("organisation", claimed.organisation());
        mailer.send(Mail.withText(contact.email(), english ? notice.subjectEn : notice.subjectNl, text.render()));
    }
}
