package nl.integrity.notification.mail;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.qute.Engine;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import nl.integrity.notification.contact.AlumnusContact;
import nl.integrity.notification.delivery.Delivery;
import nl.integrity.notification.delivery.DeliveryQueue;
import org.jboss.logging.Logger;

/**
 * Sends due e-mail deliveries over SMTP, apart from consuming: a dead mail server never holds up
 * the Kafka consumer; its mail waits in the delivery table and is retried on the schedule.
 */
@ApplicationScoped
public class MailDispatcher {

    private static final Logger LOG = Logger.getLogger(MailDispatcher.class);

    private final DeliveryQueue queue;
    private final MailPolicy policy;
    private final Mailer mailer;
    private final ObjectMapper json;
    private final Engine engine;

    MailDispatcher(DeliveryQueue queue, MailPolicy policy, Mailer mailer, ObjectMapper json, Engine engine) {
        this.queue = queue;
        this.policy = policy;
        this.mailer = mailer;
        this.json = json;
        this.engine = engine;
    }

    @Scheduled(every = "${notification.mail.poll-interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
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

    private void sendAndRecord(Delivery claimed) {
        String error = null;
        boolean malformed = false;
        try {
            JsonNode mail = json.readTree(claimed.payload);
            if (mail.has("notice")) {
                sendNotice(claimed, mail);
            } else {
                mailer.send(Mail.withText(claimed.recipient, mail.path("subject").asText(), mail.path("text").asText()));
            }
        } catch (JsonProcessingException e) {
            error = "unreadable payload: " + e.getOriginalMessage();
            malformed = true;
        } catch (Undeliverable e) {
            error = e.getMessage();
            malformed = e.forGood;
        } catch (RuntimeException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            error = cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
        }
        String failure = error;
        if (failure != null) {
            LOG.debugf("Mail %s not sent: %s", claimed.id, failure);
        }
        boolean giveUp = malformed;
        QuarkusTransaction.requiringNew().run(() -> {
            Delivery d = Delivery.findById(claimed.id);
            if (failure == null) {
                queue.sent(d, null);
            } else {
                queue.failed(d, null, failure, policy.retrySchedule(), policy.jitter(), giveUp);
            }
        });
    }

    /** A notice to an alumnus: address and language as known now, the template rendered in that language. */
    private void sendNotice(Delivery claimed, JsonNode mail) {
        UUID alumnusId = UUID.fromString(mail.path("alumnusId").asText());
        AlumnusContact contact = QuarkusTransaction.requiringNew().call(() -> AlumnusContact.<AlumnusContact>findById(alumnusId));
        if (contact != null && contact.anonymised) {
            throw new Undeliverable("the alumnus was anonymised", true);
        }
        if (contact == null || contact.email == null) {
            throw new Undeliverable("no e-mail address known for the alumnus (yet)", false);
        }
        AlumnusMail.Notice notice = AlumnusMail.Notice.valueOf(mail.path("notice").asText());
        boolean english = "en".equals(contact.language);
        TemplateInstance text = engine.getTemplate("mail/" + notice.template + (english ? "-en" : "-nl") + ".txt").instance();
        mail.path("data").fields().forEachRemaining(f -> text.data(f.getKey(), f.getValue().isNumber()
                ? f.getValue().numberValue() : f.getValue().asText()));
        text.data("organisation", claimed.organisation);
        mailer.send(Mail.withText(contact.email, english ? notice.subjectEn : notice.subjectNl, text.render()));
    }
}
