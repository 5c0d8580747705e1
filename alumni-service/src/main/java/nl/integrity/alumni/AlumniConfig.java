package nl.integrity.alumni;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import java.time.Period;

/**
 * The business settings of alumni-service, under {@code alumni.*}: the bulk import of departures,
 * the daily run that makes leavers departed, and retention. Set in application.properties, or
 * through the environment ({@code ALUMNI_IMPORT_LEASE}, ...).
 */
@ConfigMapping(prefix = "alumni")
public interface AlumniConfig {

    /** The bulk import of departures from CSV ({@code alumni.import.*}). */
    @WithName("import")
    Import imports();

    /** Leavers becoming departed on their departure date ({@code alumni.departures.*}). */
    Departures departures();

    /** Anonymising records once their retention period ended ({@code alumni.retention.*}). */
    Retention retention();

    interface Import {

        /** Rows registered per transaction; each chunk also records the import's progress and renews its lease. */
        @WithDefault("500")
        @Min(1)
        int chunkSize();

        /**
         * How long the instance running an import may go without a chunk renewing its lease; once
         * it ran out, another instance takes the import over.
         */
        @WithDefault("PT30S")
        Duration lease();

        /**
         * How often an idle instance looks for an import whose lease ran out (a scheduler interval
         * such as {@code 10s}; the scheduler reads it as {@code ${alumni.import.takeover-check}}).
         */
        @WithDefault("10s")
        String takeoverCheck();
    }

    interface Departures {

        /**
         * When leavers whose departure date has come become departed: daily, shortly after midnight
         * ({@code off}: never).
         */
        @WithDefault("0 5 0 * * ?")
        String cron();
    }

    interface Retention {

        /**
         * How long after the obligation window ended (after departure, for those without one) a
         * record is anonymised.
         */
        Period period();

        /** When the retention run goes: nightly ({@code off}: never). */
        String cron();
    }
}
