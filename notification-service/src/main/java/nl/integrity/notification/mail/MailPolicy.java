package nl.integrity.notification.mail;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/**
 * Where and how e-mail goes: each organisation's integrity mailbox, its language and whether it
 * wants critical alerts at once or a daily digest; the retry schedule.
 */
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

    /** How often digest offices are checked for a digest due (a scheduler interval; {@code off} for none). */
    @WithDefault("1m")
    String digestCheck();

    /** The offices' local time zone: when a daily digest is due, and the times in mail. */
    @WithDefault("Europe/Amsterdam")
    ZoneId zone();

    /** How an office hears of alerts by mail. */
    enum Delivery {
        /** Each critical alert (critical risk, overdue decision) at once. */
        IMMEDIATE,
        /** One mail a day with every alert raised since the previous one, critical ones first; none at once. */
        DAILY_DIGEST
    }

    interface Office {
        String address();

        /** {@code nl} or {@code en}. */
        @WithDefault("nl")
        String language();

        /** {@code immediate} or {@code daily-digest}. */
        @WithDefault("immediate")
        Delivery delivery();

        /** When the daily digest goes out, local time. */
        @WithDefault("07:30")
        LocalTime digestAt();
    }
}
