package nl.integrity.alumni;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import java.time.Period;
import java.util.List;

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

    /** Aftercare after a forced departure: contact moments and their alerts ({@code alumni.aftercare.*}). */
    Aftercare aftercare();

    /** Departure briefings: the reminder of a briefing not acknowledged by the departure date ({@code alumni.briefings.*}). */
    Briefings briefings();

    /** Alumni's own logins in Keycloak, and their invitations ({@code alumni.accounts.*}). */
    Accounts accounts();

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

    interface Aftercare {

        /**
         * The departure reasons that get an aftercare plan when the departure is registered: a
         * disciplinary investigation or dismissal, and reorganisations.
         */
        @WithDefault("DISCIPLINARY_DISMISSAL,OTHER_DISMISSAL,REORGANISATION")
        List<String> reasons();

        /** The contact moments of a plan, in months after the departure date. */
        @WithDefault("1,3,6")
        List<@Min(0) Integer> months();

        /** How long after its date a contact moment not recorded counts as missed (overdue). */
        @WithDefault("P14D")
        Period grace();

        /** When the daily run announces due and missed contact moments to the office ({@code off}: never). */
        @WithDefault("0 20 0 * * ?")
        String cron();
    }

    interface Departures {

        /**
         * When leavers whose departure date has come become departed: daily, shortly after midnight
         * ({@code off}: never).
         */
        @WithDefault("0 5 0 * * ?")
        String cron();
    }

    interface Briefings {

        /**
         * When leavers whose departure date came without acknowledging their briefing are reminded:
         * daily, after the departure-day run ({@code off}: never).
         */
        @WithDefault("0 15 0 * * ?")
        String reminderCron();
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

    interface Accounts {

        /**
         * Whether the worker makes, updates and removes the logins in Keycloak. Off, what each login
         * is owed is still recorded with the change that owes it, and nothing is sent; switched on
         * again, the worker catches up (an office that opens the portal to alumni later, a benchmark
         * that must not fill a realm).
         */
        @WithDefault("true")
        boolean enabled();

        /** The Keycloak realm the alumni log in to (the admin client's own settings are quarkus.keycloak.admin-client.*). */
        @WithDefault("integrity")
        String realm();

        /** The client whose page the invitation leads back to once the password is set. */
        @WithDefault("integrity-gateway")
        String invitationClient();

        /** Where the alumnus goes after setting the password: the portal's alumni pages. */
        @WithDefault("http://localhost:8080/alumni/")
        String portalUrl();

        /** How long the link in an invitation works. */
        @WithDefault("P7D")
        Duration invitationLifespan();

        /** How often the worker looks for logins owed work (read by its schedule as an expression). */
        @WithDefault("5s")
        String pollInterval();

        /** Logins taken per round, and how long a round may hold them before another instance takes them over. */
        @WithDefault("10")
        @Min(1)
        int batchSize();

        @WithDefault("PT1M")
        Duration lease();

        /** Tries before the worker stops and the office sees the login as failed (it can send the invitation again). */
        @WithDefault("12")
        @Min(1)
        int maxAttempts();

        /** Waits before each new try when Keycloak is down or refuses; the last one repeats. */
        @WithDefault("PT10S,PT30S,PT2M,PT10M,PT30M")
        java.util.List<Duration> retrySchedule();
    }
}
