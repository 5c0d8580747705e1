package nl.integrity.platform.audit;

import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.RequestScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import nl.integrity.platform.logging.RequestLogContext;
import nl.integrity.platform.security.Caller;
import nl.integrity.platform.security.Roles;

/**
 * The audit trail of what staff and systems do with personal data: who (the caller), what (the
 * action), about what (subject type and id), in which organisation, why (the stated purpose) and
 * under which request id. Every service keeps the trail in its own database, in a {@code staff_audit}
 * table that accepts inserts only (its migration says so); this is the one writer and reader of it.
 *
 * <p>A list view (search results, a queue page, an alert inbox) is one entry naming every subject it
 * showed ({@link #recordList}), so a person's trail also holds the lists they appeared in, compactly.
 */
@RequestScoped
public class StaffAudit {

    private final Caller caller;
    private final Clock clock;
    private final HttpServerRequest request;
    private final EntityManager em;

    StaffAudit(Caller caller, Clock clock, HttpServerRequest request, EntityManager em) {
        this.caller = caller;
        this.clock = clock;
        this.request = request;
        this.em = em;
    }

    /** Records that the caller did {@code action} to the subject; in the caller's transaction, or its own. */
    @Transactional
    public void record(String action, Subject subject, String organisation, String purpose, String detail) {
        em.createNativeQuery("""
                        insert into staff_audit (occurred_at, actor, actor_id, actor_role, organisation, action,
                                                 subject_type, subject_id, purpose, detail, request_id)
                        values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)""")
                .setParameter(1, Timestamp.from(clock.instant()))
                .setParameter(2, caller.username())
                .setParameter(3, caller.subject())
                .setParameter(4, roleOf(caller))
                .setParameter(5, organisation)
                .setParameter(6, action)
                .setParameter(7, subject.type())
                .setParameter(8, subject.id())
                .setParameter(9, purpose)
                .setParameter(10, detail)
                .setParameter(11, RequestLogContext.requestId(request))
                .executeUpdate();
    }

    /**
     * Records that the caller saw a list of subjects of one type (one entry for the whole page, naming
     * every subject on it); nothing when the list was empty, as nobody's data was shown.
     */
    @Transactional
    public void recordList(
            String action,
            String subjectType,
            Collection<UUID> ids,
            String organisation,
            String purpose,
            String detail) {
        if (ids.isEmpty()) {
            return;
        }
        String array = ids.stream().distinct().map(UUID::toString).collect(Collectors.joining(",", "{", "}"));
        em.createNativeQuery("""
                        insert into staff_audit (occurred_at, actor, actor_id, actor_role, organisation, action,
                                                 subject_type, subject_ids, purpose, detail, request_id)
                        values (?1, ?2, ?3, ?4, ?5, ?6, ?7, cast(?8 as uuid[]), ?9, ?10, ?11)""")
                .setParameter(1, Timestamp.from(clock.instant()))
                .setParameter(2, caller.username())
                .setParameter(3, caller.subject())
                .setParameter(4, roleOf(caller))
                .setParameter(5, organisation)
                .setParameter(6, action)
                .setParameter(7, subjectType)
                .setParameter(8, array)
                .setParameter(9, purpose)
                .setParameter(10, detail)
                .setParameter(11, RequestLogContext.requestId(request))
                .executeUpdate();
    }

    /** The trail of one subject, oldest first: what was done to it, and the lists that showed it. */
    @Transactional
    public List<AuditRecord> trail(Subject subject) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select occurred_at, actor, actor_role, organisation, action, purpose, detail, request_id,
                               subject_ids is not null
                        from staff_audit
                        where subject_type = ?1 and (subject_id = ?2 or subject_ids @> cast(?3 as uuid[]))
                        order by id""")
                .setParameter(1, subject.type())
                .setParameter(2, subject.id())
                .setParameter(3, "{" + subject.id() + "}")
                .getResultList();
        return rows.stream()
                .map(r -> new AuditRecord(
                        instant(r[0]),
                        (String) r[1],
                        (String) r[2],
                        (String) r[3],
                        (String) r[4],
                        subject,
                        (String) r[5],
                        (String) r[6],
                        (String) r[7],
                        (Boolean) r[8]))
                .toList();
    }

    /**
     * One page of an organisation's trail, newest first, for its administrators: entries with an id
     * below {@code filter.before()} (all when null) that match every filter given.
     */
    @Transactional
    public List<Entry> browse(String organisation, Filter filter, int limit) {
        StringBuilder sql = new StringBuilder("""
                select id, occurred_at, actor, actor_role, action, subject_type, subject_id,
                       cast(subject_ids as varchar), purpose, detail, request_id
                from staff_audit where organisation = ?1""");
        List<Object> parameters = new ArrayList<>(List.of(organisation));
        condition(sql, parameters, "actor = ?", filter.actor());
        condition(sql, parameters, "action = ?", filter.action());
        condition(sql, parameters, "subject_type = ?", filter.subjectType());
        if (filter.subjectId() != null) {
            parameters.add(filter.subjectId());
            sql.append(" and (subject_id = ?").append(parameters.size());
            parameters.add("{" + filter.subjectId() + "}");
            sql.append(" or subject_ids @> cast(?").append(parameters.size()).append(" as uuid[]))");
        }
        condition(sql, parameters, "occurred_at >= ?", filter.from() == null ? null : Timestamp.from(filter.from()));
        condition(sql, parameters, "occurred_at < ?", filter.to() == null ? null : Timestamp.from(filter.to()));
        condition(sql, parameters, "id < ?", filter.before());
        sql.append(" order by id desc limit ").append(limit);
        var query = em.createNativeQuery(sql.toString());
        for (int i = 0; i < parameters.size(); i++) {
            query.setParameter(i + 1, parameters.get(i));
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        return rows.stream()
                .map(r -> new Entry(
                        ((Number) r[0]).longValue(),
                        instant(r[1]),
                        (String) r[2],
                        (String) r[3],
                        (String) r[4],
                        (String) r[5],
                        (UUID) r[6],
                        subjectIds((String) r[7]),
                        (String) r[8],
                        (String) r[9],
                        (String) r[10]))
                .toList();
    }

    private static void condition(StringBuilder sql, List<Object> parameters, String condition, Object value) {
        if (value != null) {
            parameters.add(value);
            sql.append(" and ").append(condition).append(parameters.size());
        }
    }

    private static List<UUID> subjectIds(String array) {
        if (array == null || array.length() <= 2) {
            return List.of();
        }
        return java.util.Arrays.stream(array.substring(1, array.length() - 1).split(","))
                .map(UUID::fromString)
                .toList();
    }

    /** The role the caller acts in, the most powerful first. */
    static String roleOf(Caller caller) {
        for (String role : List.of(Roles.ADMIN, Roles.HR_SYSTEM, Roles.OFFICER, Roles.ALUMNUS)) {
            if (caller.hasRole(role)) {
                return role;
            }
        }
        return "none";
    }

    private static Instant instant(Object value) {
        return value instanceof Timestamp t
                ? t.toInstant()
                : value instanceof Instant i ? i : ((java.time.OffsetDateTime) value).toInstant();
    }

    /** What an administrator narrows the trail to; null fields do not narrow it. */
    public record Filter(
            String actor, String action, String subjectType, UUID subjectId, Instant from, Instant to, Long before) {}

    /** One entry as an administrator sees it: about one subject, or a list of them. */
    public record Entry(
            long id,
            Instant occurredAt,
            String actor,
            String actorRole,
            String action,
            String subjectType,
            UUID subjectId,
            List<UUID> subjectIds,
            String purpose,
            String detail,
            String requestId) {}

    /** What an entry is about: an alumnus, a declaration... */
    public record Subject(String type, UUID id) {}

    /** One entry of the trail; {@code listed} when the subject was one of a list the actor saw. */
    public record AuditRecord(
            Instant occurredAt,
            String actor,
            String actorRole,
            String organisation,
            String action,
            Subject subject,
            String purpose,
            String detail,
            String requestId,
            boolean listed) {}
}
