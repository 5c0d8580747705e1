package nl.integrity.declaration.statistics;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import nl.integrity.platform.problem.InvalidField;
import nl.integrity.platform.security.Caller;
import nl.integrity.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Figures for an organisation's integrity office: declarations submitted in a period, counted
 * by sector, risk level, function group and outcome, and the average time to a decision. Only
 * counts: no names, numbers or texts of any person, and no count so small it points at one.
 */
@Path("/api/declarations/statistics")
@Tag(name = "Statistics")
@Produces(MediaType.APPLICATION_JSON)
public class StatisticsResource {

    private final OfficeStatistics statistics;
    private final Caller caller;
    private final Clock clock;

    StatisticsResource(OfficeStatistics statistics, Caller caller, Clock clock) {
        this.statistics = statistics;
        this.caller = caller;
        this.clock = clock;
    }

    /**
     * The figures. A count that could point at a person is null, as is the average of too few
     * decisions; {@code suppression} says from which count on figures are shown and how many were not.
     */
    public record Statistics(
            String organisation,
            LocalDate from,
            LocalDate to,
            Long submitted,
            Map<String, Long> bySector,
            Map<String, Long> byRiskLevel,
            Map<String, Long> byFunctionGroup,
            Map<String, Long> byOutcome,
            Long decided,
            BigDecimal averageDaysToDecision,
            Suppression suppression) {}

    /** Counts from 1 to {@code threshold} - 1 are not shown; {@code suppressedCells} were left out here. */
    public record Suppression(int threshold, int suppressedCells) {}

    @GET
    @RolesAllowed({Roles.OFFICER, Roles.ADMIN})
    @Operation(
            summary = "Statistics of the caller's organisation",
            description =
                    "Declarations whose current version was submitted from `from` to `to` (inclusive; default the last "
                            + "twelve months). Outcome UNDECIDED counts those still open, WITHDRAWN those withdrawn; function group UNKNOWN those whose function "
                            + "the catalogue does not rate. Small counts could point at a person: a count below "
                            + "`suppression.threshold` (declaration.statistics.min-cell, default 5) is null, and so is a second "
                            + "one where the hidden one could be worked out from a total; the average time to a decision is null "
                            + "when the number decided is. `suppression.suppressedCells` counts the figures left out.")
    public Statistics statistics(@QueryParam("from") LocalDate from, @QueryParam("to") LocalDate to) {
        LocalDate end = to == null ? LocalDate.now(clock) : to;
        LocalDate start = from == null ? end.minusYears(1).plusDays(1) : from;
        if (start.isAfter(end)) {
            throw new InvalidField("from", "not after to");
        }
        return statistics.of(caller.organisation(), start, end);
    }
}
