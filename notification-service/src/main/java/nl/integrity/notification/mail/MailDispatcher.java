package nl.integrity.notification.mail;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
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

    MailDispatcher(DeliveryQueue queue, MailPolicy policy, Mailer mailer, ObjectMapper json) {
        this.queue = queue;
        this.policy = policy;
        this.mailer = mailer;
        this.json = json;
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

    private void sendAndRecord(Delivery claimed) {
        String error = null;
        boolean malformed = false;
        try {
            JsonNode mail = json.readTree(claimed.payload);
            mailer.send(Mail.withText(claimed.recipient, mail.path("subject").asText(), mail.path("text").asText()));
        } catch (JsonProcessingException e) {
            error = "unreadable payload: " + e.getOriginalMessage();
            malformed = true;
        } catch (RuntimeException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            error = cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
        }
        String failure = error;
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
}
