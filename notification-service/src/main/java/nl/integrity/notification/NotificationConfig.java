package nl.integrity.notification;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.time.LocalTime;
import java.time.Period;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The settings of the notification service, {@code notification.*}: where links in mail point,
 * how e-mail goes to which mailbox, how webhooks are delivered, and how long what is kept.
 */
@ConfigMapping(prefix = "notification")
public interface NotificationConfig {

    /** The portal's public address (behind the gateway), that links in mail point at. */
    @WithDefault("http://localhost:8080")
    String portalUrl();

    Mail mail();

    Webhooks webhooks();

    Retention retention();

    /**
     * How long each kind of data is kept (AVG storage limitation), counted from when it was made,
     * or for alerts from their resolution; removed by a nightly run, once across instances. An
     * anonymised alumnus' texts go at once, whatever these say.
     */
    interface Retention {

        /** Resolved alerts are deleted this long after their resolution; open ones stay until resolved. */
        @WithDefault("P2Y")
        Period alerts();

        /** Finished deliveries (sent, dead, cancelled) are deleted this long after they were made. */
        @WithDefault("P1Y")
        Period deliveries();

        /**
         * The payload of a finished delivery (the mail's text, the webhook's body) is emptied this long
         * after it was made; the row stays in the log, but a dead delivery can no longer be replayed.
         */
        @WithDefault("P30D")
        Period deliveryPayloads();

        /** Daily digest records (counts per office and day) are deleted after this. */
        @WithDefault("P2Y")
        Period officeDigests();

        /** A network mailing's texts are removed after this; its subjects and counts stay. */
        @WithDefault("P2Y")
        Period networkMailings();

        /** When the run is due (cron, seconds first; {@code off}: never, the tests start it themselves). */
        @WithDefault("0 50 3 * * ?")
        String cron();

        /** Rows removed per transaction. */
        @WithDefault("1000")
        int batchSize();
    }

    /**
     * Where and how e-mail goes: each organisation's integrity mailbox, its language and whether it
     * wants critical alerts at once or a daily digest; the retry schedule.
     */
    interface Mail {

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

    /** How webhooks are delivered: the retry schedule, jitter, timeouts and when a subscription is given up. */
    interface Webhooks {

        /** The waits before the second, third, ... attempt; after the last the delivery is dead. */
        @WithDefault("PT10S,PT1M,PT5M,PT30M,PT2H,PT8H,PT24H")
        List<Duration> retrySchedule();

        /** Each wait varies by up to this fraction either way, so failed deliveries do not retry in step. */
        @WithDefault("0.2")
        double jitter();

        @WithDefault("PT10S")
        Duration timeout();

        /** A subscription whose deliveries have failed without a success for this long is disabled (and an alert raised). */
        @WithDefault("PT72H")
        Duration disableAfter();

        /** Deliveries under way at once on one instance, at most. */
        @WithDefault("32")
        int maxInFlight();

        /** Deliveries of one subscription under way at once: a slow receiver never takes the others' turns. */
        @WithDefault("4")
        int perSubscription();

        /** Threads that send and record (a fixed pool: a flood of slow receivers cannot grow it). */
        @WithDefault("4")
        int senderThreads();

        /** Deliveries claimed per dispatcher round; claimed ones are not due again for {@link #lease()}. */
        @WithDefault("20")
        int batchSize();

        @WithDefault("PT1M")
        Duration lease();

        /** How often the dispatcher looks for due deliveries (a scheduler interval such as {@code 1s}). */
        @WithDefault("1s")
        String pollInterval();

        /**
         * Hosts that may be called over plain http and inside a network (the local platform's test
         * receiver); none by default. Every other webhook goes over https to the internet.
         */
        Optional<List<String>> trustedHosts();

        /** After a secret is rotated, the old one signs too for this long, while receivers switch. */
        @WithDefault("P1D")
        Duration secretOverlap();
    }
}
