package nl.integrity.platform;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Min;
import java.time.Duration;

/**
 * The settings of what platform-support runs inside every service, in one place: the outbox
 * relay ({@code platform.outbox.*}), scheduled runs ({@code platform.scheduled-runs.*}) and
 * pruning ({@code platform.pruning.*}), each a mapping of its own, checked when the service starts;
 * set in a service's application.properties or through the environment
 * ({@code PLATFORM_OUTBOX_BATCH_SIZE}, ...). Not one mapping under {@code platform}: Quarkus keeps
 * properties of its own under that name ({@code platform.quarkus.*}), which a mapping of the whole
 * prefix would refuse as unknown. Two single values are read where they are used:
 * {@code platform.instance} ({@link nl.integrity.platform.instance.InstanceName}) and
 * {@code platform.topic-prefix} (the relay, and the services' channel settings).
 */
public interface PlatformConfig {
    /** The relay that publishes the outbox to Kafka. */
    @ConfigMapping(prefix = "platform.outbox")
    interface Outbox {

        /** How often the relay looks for unpublished events (the relay's schedule reads it as an expression). */
        @WithDefault("1s")
        String pollInterval();

        /** Events published per round. */
        @WithDefault("200")
        @Min(1)
        int batchSize();

        /** How long the relay waits for the broker to acknowledge a round before it tries again. */
        @WithDefault("PT50S")
        Duration ackTimeout();

        Health health();

        interface Health {
            /** The service is not ready when its oldest unpublished event has waited longer than this. */
            @WithDefault("PT1M")
            Duration maxWait();
        }
    }

    /** Work that runs once per period across instances (ADR 0005). */
    @ConfigMapping(prefix = "platform.scheduled-runs")
    interface ScheduledRuns {

        /** How often an unfinished run is tried again before it is left as failed. */
        @WithDefault("5")
        @Min(1)
        int maxAttempts();

        /** How often instances look for an unfinished run (read by the schedule as an expression). */
        @WithDefault("1m")
        String recoveryInterval();

        /** How long after start an instance first looks. */
        @WithDefault("20s")
        String recoveryDelay();
    }

    /** Deleting what is no longer needed. */
    @ConfigMapping(prefix = "platform.pruning")
    interface Pruning {

        /** How long a published event stays in the outbox (for replay and inspection). */
        @WithDefault("P7D")
        Duration outboxRetention();

        /** How long a consumer remembers an event it processed; longer than the topics keep records. */
        @WithDefault("P30D")
        Duration inboxRetention();

        /** How long finished scheduled runs stay listed. */
        @WithDefault("P90D")
        Duration runRetention();

        /**
         * How long the staff audit trail keeps an entry: 5 years and a day. The table refuses to delete
         * younger entries, so a shorter setting only makes the pruning fail.
         */
        @WithDefault("P1827D")
        Duration auditRetention();

        /** Rows deleted per transaction. */
        @WithDefault("1000")
        @Min(1)
        int batchSize();

        /** When: hourly. */
        @WithDefault("0 40 * * * ?")
        String cron();
    }
}
