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
 * counts: no names, numbers or texts of any person.
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

    public record Statistics(
            String organisation,
            LocalDate from,
            LocalDate to,
            long submitted,
            Map<String, Long> bySector,
            Map<String, Long> byRiskLevel,
            Map<String, Long> byFunctionGroup,
            Map<String, Long> byOutcome,
            long decided,
            BigDecimal averageDaysToDecision) {}

    @GET
    @RolesAllowed({Roles.OFFICER, Roles.ADMIN})
    @Operation(
            summary = "Statistics of the caller's organisation",
            description =
                    "Declarations whose current version was submitted from `from` to `to` (inclusive; default the last "
                            + "twelve months). Outcome UNDECIDED counts those still open, WITHDRAWN those withdrawn; function group UNKNOWN those whose function "
                            + "the catalogue does not rate.")
    public Statistics statistics(@QueryParam("from") LocalDate from, @QueryParam("to") LocalDate to) {
        LocalDate end = to == null ? LocalDate.now(clock) : to;
        LocalDate start = from == null ? end.minusYears(1).plusDays(1) : from;
        if (start.isAfter(end)) {
            throw new InvalidField("from", "not after to");
        }
        return statistics.of(caller.organisation(), start, end);
    }
}
