package nl.integrity.notification.mail;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Where and how e-mail goes: each organisation's integrity mailbox and its language, and the retry schedule. */
@ConfigMapping(prefix = "notification.mail")
public interface MailPolicy {

    /** Per organisation (POLITIE, KMAR, ...): the integrity office's mailbox. */
    Map<String, Office> offices();

    /** Waits before each retry when the SMTP server refuses or cannot be reached; after the last the mail is dead. */
    @WithDefault("PT30S,PT2M,PT10M,PT1H,PT6H")
    List<Duration> retrySchedule();

    @WithDefault("0.2")
    double jitter();

    @WithDefault("20")
    int batchSize();

    @WithDefault("PT2M")
    Duration lease();

    /** How often the dispatcher looks for due mail (a scheduler interval such as {@code 1s}). */
    @WithDefault("1s")
    String pollInterval();

    interface Office {
        String address();

        /** {@code nl} or {@code en}. */
        @WithDefault("nl")
        String language();
    }
}
