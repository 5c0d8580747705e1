package nl.integrity.declaration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import nl.integrity.declaration.risk.RiskLevel;

/** The business settings of declaration-service ({@code declaration.*}, see application.properties). */
@ConfigMapping(prefix = "declaration")
public interface DeclarationConfig {

    Review review();

    Calendar calendar();

    Deadlines deadlines();

    Reminders reminders();

    Statistics statistics();

    /** How an office reviews: the decision period, when to warn, and which risks need four eyes. */
    interface Review {

        /** Working days from submission to the due date of the decision. */
        @WithDefault("30")
        int workingDays();

        /** A decision-due-soon event goes out when this many working days or fewer are left. */
        @WithDefault("5")
        int dueSoonWorkingDays();

        /** Risk levels at which a decision takes a second officer's confirmation; absent or empty for none. */
        Optional<Set<RiskLevel>> fourEyesLevels();

        default boolean needsSecondOfficer(RiskLevel level) {
            return level != null
                    && fourEyesLevels().map(levels -> levels.contains(level)).orElse(false);
        }
    }

    /** The days the office is closed besides weekends and Dutch public holidays. */
    interface Calendar {

        /** Extra closed days (ISO dates), for instance a collective day off between holidays. */
        Optional<List<LocalDate>> closedDays();
    }

    /** The daily run that announces decisions due soon or overdue and ends expired conditions. */
    interface Deadlines {

        /** When it runs (Quartz cron), or {@code off}. */
        @WithDefault("0 15 6 * * ?")
        String cron();
    }

    /** The office's figures: counts that could point at a person are not shown. */
    interface Statistics {

        /**
         * The smallest count shown: a count from 1 up to this minus one is suppressed (with a small
         * office, one declaration in a rare sector points at a person).
         */
        @WithDefault("5")
        int minCell();
    }

    /** The daily run that reminds alumni inside their window who have declared nothing. */
    interface Reminders {

        /** Days between two reminders of one alumnus. */
        @WithDefault("90")
        int intervalDays();

        /** When it runs (Quartz cron), or {@code off}. */
        @WithDefault("0 30 7 * * ?")
        String cron();
    }
}
