package nl.integrity.platform.query;

import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The where-clause of a list screen, built from the filters the caller gave: each method adds its
 * condition only when the filter was given, so a reader states each filter once, in order. Field
 * names are the entity's (HQL), values always travel as named parameters.
 */
public final class ListFilter {

    private final List<String> conditions = new ArrayList<>();
    private final Map<String, Object> parameters = new HashMap<>();

    /** {@code field = value}, always (for the scope every list has: the organisation, the alumnus). */
    public ListFilter scope(String field, Object value) {
        conditions.add(field + " = :" + field);
        parameters.put(field, value);
        return this;
    }

    /** {@code field = value} when a value was given. */
    public ListFilter equal(String field, Object value) {
        return value == null ? this : scope(field, value);
    }

    /** {@code field in values} when any were given. */
    public ListFilter in(String field, Collection<?> values) {
        if (values != null && !values.isEmpty()) {
            conditions.add(field + " in :" + field);
            parameters.put(field, values);
        }
        return this;
    }

    /** {@code field <= value} when a value was given. */
    public ListFilter atMost(String field, Object value) {
        if (value != null) {
            conditions.add(field + " <= :" + field + "Max");
            parameters.put(field + "Max", value);
        }
        return this;
    }

    /** {@code field} contains {@code text}, ignoring case, when a text was given (wildcards in it are taken literally). */
    public ListFilter contains(String field, String text) {
        if (text != null && !text.isBlank()) {
            conditions.add(field + " ilike :" + field);
            parameters.put(
                    field,
                    "%" + text.trim().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        return this;
    }

    /** A condition with one named parameter of its own ({@code windowStart <= :today and windowEnd > :today}). */
    public ListFilter where(String condition, String parameter, Object value) {
        conditions.add(condition);
        parameters.put(parameter, value);
        return this;
    }

    /** A condition without parameters ({@code inReview = true}). */
    public ListFilter where(String condition) {
        conditions.add(condition);
        return this;
    }

    /**
     * The assignee filter every work list offers: {@code me} is the caller, {@code none} nobody,
     * anything else that user; blank or absent means any.
     */
    public ListFilter assignee(String field, String assignee, String me) {
        if (assignee == null || assignee.isBlank()) {
            return this;
        }
        if (assignee.equals("none")) {
            return where(field + " is null");
        }
        return scope(field, assignee.equals("me") ? me : assignee);
    }

    /** The HQL condition, {@code true} when there is none. */
    public String query() {
        return conditions.isEmpty() ? "true = true" : String.join(" and ", conditions);
    }

    public Map<String, Object> parameters() {
        return Map.copyOf(parameters);
    }

    /**
     * Counts the matches of {@code entity} (an entity name with a UUID {@code id}), but stops at
     * {@code cap}: an exact count of a large office's list costs a heap visit per row, and beyond the
     * cap "more than that" is all a screen needs.
     */
    public Count countUpTo(EntityManager em, String entity, int cap) {
        var query = em.createQuery("select e.id from " + entity + " e where " + query(), UUID.class)
                .setMaxResults(cap + 1);
        parameters.forEach(query::setParameter);
        int found = query.getResultList().size();
        return new Count(Math.min(found, cap), found > cap);
    }

    /** A count that stopped at its cap: {@code capped} says there are more. */
    public record Count(int total, boolean capped) {}
}
