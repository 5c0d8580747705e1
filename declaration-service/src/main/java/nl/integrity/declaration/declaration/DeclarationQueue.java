package nl.integrity.declaration.declaration;

import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import nl.integrity.declaration.risk.RiskLevel;
import nl.integrity.platform.problem.InvalidField;
import nl.integrity.platform.query.ListFilter;

/**
 * The list of declarations: an alumnus' own (newest first), or an office's review queue (by
 * default the open ones, soonest due first), filtered, sorted and a page at a time.
 */
@ApplicationScoped
class DeclarationQueue {

    /**
     * Counts stop here: an exact count of a large office's open declarations with extra filters
     * costs a heap visit per row, and beyond a thousand "more than a thousand" is all a queue needs.
     */
    static final int COUNT_CAP = 1000;

    private final EntityManager em;

    DeclarationQueue(EntityManager em) {
        this.em = em;
    }

    /**
     * What the caller asked for; an empty set or null means any. {@code assignee} is {@code me},
     * {@code none} or a username.
     */
    record Filter(
            Set<DeclarationStatus> statuses,
            Set<RiskLevel> risks,
            LocalDate dueBefore,
            Boolean late,
            String assignee) {}

    /** One page of matches and how many there are, counted up to {@link #COUNT_CAP}. */
    record Found(List<Declaration> items, ListFilter.Count total) {}

    /** The office's queue; without statuses, the open ones. {@code me} is the officer asking. */
    Found ofOffice(String organisation, String me, Filter filter, String sort, int page, int size) {
        var statuses = filter.statuses().isEmpty() ? DeclarationStatus.OPEN : filter.statuses();
        return find(
                new ListFilter().scope("organisation", organisation), statuses, me, filter, order(sort), page, size);
    }

    /** The alumnus' own declarations, newest first unless sorted otherwise. */
    Found ofAlumnus(UUID alumnusId, String me, Filter filter, String sort, int page, int size) {
        Sort order = sort == null ? Sort.descending("createdAt", "id") : order(sort);
        return find(new ListFilter().scope("alumnusId", alumnusId), filter.statuses(), me, filter, order, page, size);
    }

    private Found find(
            ListFilter where,
            Set<DeclarationStatus> statuses,
            String me,
            Filter filter,
            Sort order,
            int page,
            int size) {
        if (statuses.equals(DeclarationStatus.OPEN)) {
            where.where("inReview = true");
        } else {
            where.in("status", statuses);
        }
        where.in("riskLevel", filter.risks())
                .atMost("dueDate", filter.dueBefore())
                .equal("late", filter.late())
                .assignee("assignee", filter.assignee(), me);
        List<Declaration> items = Declaration.<Declaration>find(where.query(), order, where.parameters())
                .page(Page.of(page, size))
                .list();
        return new Found(items, where.countUpTo(em, "Declaration", COUNT_CAP));
    }

    private static Sort order(String sort) {
        if (sort == null || sort.isBlank() || sort.equals("dueDate")) {
            return Sort.ascending("dueDate", "id");
        }
        return switch (sort) {
            case "-dueDate" -> Sort.descending("dueDate", "id");
            case "risk" -> Sort.descending("riskRank").and("dueDate").and("id");
            case "submittedAt" -> Sort.ascending("submittedAt", "id");
            case "-submittedAt" -> Sort.descending("submittedAt", "id");
            default -> throw new InvalidField("sort", "one of dueDate, -dueDate, risk, submittedAt, -submittedAt");
        };
    }
}
