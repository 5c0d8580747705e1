package nl.integrity.declaration.statistics;

import jakarta.annotation.security.RolesAllowed;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
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

    private final EntityManager em;
    private final Caller caller;
    private final Clock clock;

    StatisticsResource(EntityManager em, Caller caller, Clock clock) {
        this.em = em;
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
        var range = new Object[] {
            caller.organisation(),
            start.atStartOfDay().toInstant(ZoneOffset.UTC),
            end.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC)
        };
        Map<String, Long> bySector = countBy("sector", range);
        long submitted = bySector.values().stream().mapToLong(Long::longValue).sum();
        Object[] decision = (Object[]) query("""
                select count(*), avg(extract(epoch from decided_at - submitted_at) / 86400)
                from declaration where organisation = ?1 and submitted_at >= ?2 and submitted_at < ?3
                  and status = 'DECIDED'""", range).getSingleResult();
        BigDecimal average =
                decision[1] == null ? null : new BigDecimal(decision[1].toString()).setScale(1, RoundingMode.HALF_UP);
        return new Statistics(
                caller.organisation(),
                start,
                end,
                submitted,
                bySector,
                countBy("risk_level", range),
                countBy("coalesce(function_group, 'UNKNOWN')", range),
                countBy(
                        "case when status = 'WITHDRAWN' then 'WITHDRAWN' else coalesce(outcome, 'UNDECIDED') end",
                        range),
                ((Number) decision[0]).longValue(),
                average);
    }

    private Map<String, Long> countBy(String column, Object[] range) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query(
                        "select " + column + ", count(*) from declaration"
                                + " where organisation = ?1 and submitted_at >= ?2 and submitted_at < ?3 and status <> 'DRAFT'"
                                + " group by 1 order by 1",
                        range)
                .getResultList();
        Map<String, Long> counts = new LinkedHashMap<>();
        for (Object[] row : rows) {
            counts.put(String.valueOf(row[0]), ((Number) row[1]).longValue());
        }
        return counts;
    }

    private jakarta.persistence.Query query(String sql, Object[] params) {
        var q = em.createNativeQuery(sql);
        for (int i = 0; i < params.length; i++) {
            q.setParameter(i + 1, params[i]);
        }
        return q;
    }
}
