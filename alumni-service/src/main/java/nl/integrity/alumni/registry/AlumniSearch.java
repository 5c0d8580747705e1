package nl.integrity.alumni.registry;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.integrity.alumni.catalogue.FunctionGroup;
import nl.integrity.alumni.catalogue.Organisation;
import nl.integrity.platform.problem.InvalidField;
import nl.integrity.platform.query.ListFilter;

/**
 * An officer's search over the alumni of their own organisation. Criteria combine; a page is
 * read one row beyond its size to tell whether more follow, so no count runs over the whole
 * organisation. The indexes that serve it are in V7__index_alumni_search.sql.
 */
public record AlumniSearch(
        Organisation organisation,
        String name,
        String personnelNumber,
        FunctionGroup functionGroup,
        AlumnusStatus status,
        Boolean windowActive,
        String sort,
        int page,
        int size) {

    public static final int MAX_SIZE = 100;
    private static final Map<String, String> ORDER = Map.of(
            "name", "fullName, id",
            "-name", "fullName desc, id desc",
            "departureDate", "departureDate, id",
            "-departureDate", "departureDate desc, id desc",
            "windowEnd", "windowEnd nulls last, id",
            "-windowEnd", "windowEnd desc nulls last, id desc");

    public record Summary(
            UUID id,
            String personnelNumber,
            String fullName,
            AlumnusStatus status,
            String lastFunction,
            FunctionGroup lastFunctionGroup,
            LocalDate departureDate,
            LocalDate windowEnd,
            boolean windowActive) {}

    public record Result(List<Summary> items, int page, int size, boolean hasMore) {}

    public AlumniSearch {
        sort = sort == null || sort.isBlank() ? "name" : sort;
        if (!ORDER.containsKey(sort)) {
            throw new InvalidField(
                    "sort",
                    "one of "
                            + String.join(", ", ORDER.keySet().stream().sorted().toList()));
        }
        if (page < 0) {
            throw new InvalidField("page", "must be 0 or more");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new InvalidField("size", "must lie between 1 and " + MAX_SIZE);
        }
    }

    public Result run(LocalDate today) {
        var filter = new ListFilter()
                .scope("organisation", organisation)
                .contains("fullName", name)
                .equal(
                        "personnelNumber",
                        personnelNumber == null || personnelNumber.isBlank() ? null : personnelNumber.trim())
                .equal("lastFunctionGroup", functionGroup)
                .equal("status", status);
        if (windowActive != null) {
            filter.where(
                    windowActive
                            ? "windowStart <= :today and windowEnd > :today"
                            : "(windowEnd is null or windowEnd <= :today or windowStart > :today)",
                    "today",
                    today);
        }
        List<Alumnus> rows = Alumnus.<Alumnus>find(filter.query() + " order by " + order(), filter.parameters())
                .range(page * size, page * size + size) // one row beyond the page: are there more?
                .list();
        boolean hasMore = rows.size() > size;
        var items = rows.stream().limit(size).map(a -> summary(a, today)).toList();
        return new Result(items, page, size, hasMore);
    }

    /**
     * How this search was asked for, for the audit trail: which criteria were used (the codes of a
     * status or function group; only the names of the name and personnel-number criteria, never
     * what was typed, which is a person's data), the sort and the page.
     */
    public String describe() {
        var criteria = new java.util.ArrayList<String>();
        if (name != null && !name.isBlank()) {
            criteria.add("name");
        }
        if (personnelNumber != null && !personnelNumber.isBlank()) {
            criteria.add("personnelNumber");
        }
        if (functionGroup != null) {
            criteria.add("functionGroup=" + functionGroup);
        }
        if (status != null) {
            criteria.add("status=" + status);
        }
        if (windowActive != null) {
            criteria.add("windowActive=" + windowActive);
        }
        return "criteria: " + (criteria.isEmpty() ? "none" : String.join(", ", criteria)) + "; sort " + sort + "; page "
                + page + " of " + size;
    }

    /**
     * With a name part, matches are found through the trigram index and then sorted: ordering
     * by lower(full_name), which no index provides, keeps the planner from walking the name index
     * hoping to meet matches early (400 ms at 1M alumni when they are rare). Without one, the
     * name index gives the order directly.
     */
    private String order() {
        boolean byName = sort.equals("name") || sort.equals("-name");
        if (byName && name != null && !name.isBlank()) {
            return sort.equals("name") ? "lower(fullName), id" : "lower(fullName) desc, id desc";
        }
        return ORDER.get(sort);
    }

    private static Summary summary(Alumnus a, LocalDate today) {
        var window = a.obligationWindow();
        return new Summary(
                a.id(),
                a.personnelNumber(),
                a.fullName(),
                a.status(),
                a.lastFunction(),
                a.lastFunctionGroup(),
                a.departureDate(),
                window.map(ObligationWindow::end).orElse(null),
                window.map(w -> w.activeOn(today)).orElse(false));
    }
}
