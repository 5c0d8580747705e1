package nl.integrity.platform.audit;

import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.RequestScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import nl.integrity.platform.logging.RequestLogContext;
import nl.integrity.platform.security.Caller;
import nl.integrity.platform.security.Roles;

/**
 * The audit trail of what staff and systems do with personal data: who (the caller), what (the
 * action), about what (subject type and id), in which organisation, why (the stated purpose) and
 * under which request id. Every service keeps the trail in its own database, in a {@code staff_audit}
 * table that accepts inserts only (its migration says so); this is the one writer and reader of it.
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

    /** The trail of one subject, oldest first. */
    @Transactional
    public List<AuditRecord> trail(Subject subject) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select occurred_at, actor, actor_role, organisation, action, purpose, detail, request_id
                        from staff_audit where subject_type = ?1 and subject_id = ?2 order by id""")
                .setParameter(1, subject.type())
                .setParameter(2, subject.id())
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
                        (String) r[7]))
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

    /** What an entry is about: an alumnus, a declaration... */
    public record Subject(String type, UUID id) {}

    /** One entry of the trail. */
    public record AuditRecord(
            Instant occurredAt,
            String actor,
            String actorRole,
            String organisation,
            String action,
            Subject subject,
            String purpose,
            String detail,
            String requestId) {}
}
