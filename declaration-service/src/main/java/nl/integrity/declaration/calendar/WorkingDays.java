package nl.integrity.declaration.calendar;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import nl.integrity.declaration.DeclarationConfig;

/**
 * Counts working days: Monday to Friday, except Dutch public holidays ({@link DutchHolidays})
 * and the extra closed days an organisation configures ({@code declaration.calendar.closed-days},
 * for instance a collective day off between holidays).
 */
@ApplicationScoped
public class WorkingDays {

    private final Set<LocalDate> closedDays;

    @Inject
    WorkingDays(DeclarationConfig config) {
        this(config.calendar().closedDays().orElse(List.of()));
    }

    private WorkingDays(Collection<LocalDate> closedDays) {
        this.closedDays = Set.copyOf(closedDays);
    }

    public static WorkingDays withClosedDays(Set<LocalDate> closedDays) {
        return new WorkingDays(closedDays);
    }

    public boolean isWorkingDay(LocalDate day) {
        DayOfWeek dow = day.getDayOfWeek();
        return dow != DayOfWeek.SATURDAY
                && dow != DayOfWeek.SUNDAY
                && !DutchHolidays.of(day.getYear()).contains(day)
                && !closedDays.contains(day);
    }

    /** The day {@code days} working days after {@code from}; the day of {@code from} itself does not count. */
    public LocalDate plus(LocalDate from, int days) {
        LocalDate day = from;
        int counted = 0;
        while (counted < days) {
            day = day.plusDays(1);
            if (isWorkingDay(day)) {
                counted++;
            }
        }
        return day;
    }

    /** Working days after {@code from} up to and including {@code to}; 0 when {@code to} is not after {@code from}. */
    public int between(LocalDate from, LocalDate to) {
        int count = 0;
        for (LocalDate day = from.plusDays(1); !day.isAfter(to); day = day.plusDays(1)) {
            if (isWorkingDay(day)) {
                count++;
            }
        }
        return count;
    }
}
