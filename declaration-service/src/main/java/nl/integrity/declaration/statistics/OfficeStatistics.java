package nl.integrity.declaration.statistics;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import nl.integrity.declaration.DeclarationConfig;
import nl.integrity.declaration.review.Outcome;
import nl.integrity.declaration.statistics.StatisticsResource.Statistics;

/**
 * Reads an organisation's figures for a period straight from the declarations, in SQL: counts by
 * sector, risk level, function group and outcome, and the average time to a decision. Counts that
 * could point at a person are suppressed ({@link SmallCells}) before they leave this class.
 */
@ApplicationScoped
class OfficeStatistics {

    /** The outcomes of a decided declaration: their counts add up to {@code decided}. */
    private static final Set<String> DECIDED_OUTCOMES =
            Arrays.stream(Outcome.values()).map(Outcome::name).collect(Collectors.toSet());

    private final EntityManager em;
    private final int minCell;

    OfficeStatistics(EntityManager em, DeclarationConfig config) {
        this.em = em;
        this.minCell = config.statistics().minCell();
    }

    /** The figures of declarations whose current version was submitted from {@code start} to {@code end}, inclusive. */
    Statistics of(String organisation, LocalDate start, LocalDate end) {
        var range = new Object[] {
            organisation,
            start.atStartOfDay().toInstant(ZoneOffset.UTC),
            end.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC)
        };
        Map<String, Long> bySector = countBy("sector", range);
        long submitted = bySector.values().stream().mapToLong(Long::longValue).sum();
        Object[] decision = (Object[]) query("""
                select count(*), avg(extract(epoch from decided_at - submitted_at) / 86400)
                from declaration where organisation = ?1 and submitted_at >= ?2 and submitted_at < ?3
                  and status = 'DECIDED'""", range).getSingleResult();
        long decided = ((Number) decision[0]).longValue();
        var cells = new SmallCells(minCell);
        Long shownDecided = cells.single(decided);
        // An average of a few decisions tells how long each took: shown with the count only.
        BigDecimal average = decision[1] == null || shownDecided == null
                ? null
                : new BigDecimal(decision[1].toString()).setScale(1, RoundingMode.HALF_UP);
        return new Statistics(
                organisation,
                start,
                end,
                cells.single(submitted),
                cells.dimension(bySector),
                cells.dimension(countBy("risk_level", range)),
                cells.dimension(countBy("coalesce(function_group, 'UNKNOWN')", range)),
                cells.dimension(
                        countBy(
                                "case when status = 'WITHDRAWN' then 'WITHDRAWN' else coalesce(outcome, 'UNDECIDED') end",
                                range),
                        List.of(DECIDED_OUTCOMES)),
                shownDecided,
                average,
                new StatisticsResource.Suppression(cells.threshold(), cells.suppressedCells()));
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
