package nl.integrity.notification.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import nl.integrity.platform.schedule.ScheduledRuns;
import org.junit.jupiter.api.Test;

/**
 * Each kind of data goes after its own period (the defaults: resolved alerts 2 years after
 * resolution, deliveries 1 year, their payloads 30 days, digests and mailing texts 2 years), and
 * nothing younger. The rows are dated back from the run's moment, as a clock would have them.
 */
@QuarkusTest
class RetentionTest {

    @Inject
    Retention retention;

    @Inject
    ScheduledRuns runs;

    @Inject
    EntityManager em;

    final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    Instant yearsAgo(int years, int days) {
        return now.atZone(ZoneOffset.UTC).minusYears(years).minusDays(days).toInstant();
    }

    @Test
    void resolvedAlerts_goTwoYearsAfterTheirResolution_openOnesStay() {
        UUID old = alert("RESOLVED", yearsAgo(3, 0), yearsAgo(2, 1));
        UUID recent = alert("RESOLVED", yearsAgo(3, 0), yearsAgo(1, 300));
        UUID open = alert("NEW", yearsAgo(5, 0), null);

        retention.removeBefore(now);

        assertFalse(exists("alert", old));
        assertTrue(exists("alert", recent));
        assertTrue(exists("alert", open), "an open alert is work still to do");
    }

    @Test
    void deliveries_goAfterAYear_andTheirPayloadsAfterThirtyDays() {
        UUID old = delivery("SENT", yearsAgo(1, 1));
        UUID oldStillDue = delivery("FAILED", yearsAgo(1, 1));
        UUID month = delivery("DEAD", yearsAgo(0, 31));
        UUID fresh = delivery("SENT", yearsAgo(0, 29));
        UUID retrying = delivery("FAILED", yearsAgo(0, 31));

        retention.removeBefore(now);

        assertFalse(exists("delivery", old));
        assertTrue(exists("delivery", oldStillDue), "only finished deliveries go");
        assertTrue(exists("delivery", month), "the row stays in the log for a year");
        assertNull(payload(month), "its payload is gone after 30 days");
        assertNotNull(payload(fresh));
        assertNotNull(payload(retrying), "a delivery still to be sent keeps what it sends");
    }

    @Test
    void officeDigests_goAfterTwoYears() {
        String office = "RT-" + UUID.randomUUID().toString().substring(0, 8);
        LocalDate oldDay = digest(office, yearsAgo(2, 1));
        LocalDate recentDay = digest(office, yearsAgo(1, 360));

        retention.removeBefore(now);

        assertEquals(0, digests(office, oldDay));
        assertEquals(1, digests(office, recentDay));
    }

    @Test
    void networkMailings_loseTheirTextsAfterTwoYears_keepingSubjectAndCount() {
        UUID old = mailing(yearsAgo(2, 1));
        UUID recent = mailing(yearsAgo(1, 360));

        retention.removeBefore(now);

        Object[] oldRow = mailingRow(old);
        assertNull(oldRow[0]);
        assertNull(oldRow[1]);
        assertEquals("Reünie", oldRow[2]);
        assertEquals(12, ((Number) oldRow[3]).intValue());
        assertEquals("Beste Jan, tot ziens op de reünie", mailingRow(recent)[0]);
    }

    @Test
    void theRunIsAScheduledJob_doneOncePerPeriod() {
        UUID old = alert("RESOLVED", yearsAgo(4, 0), yearsAgo(3, 0));
        Instant period = now.minusSeconds(ThreadLocalRandom.current().nextInt(1_000_000));

        assertEquals(ScheduledRuns.Outcome.RAN, runs.runOnce(retention, period));
        assertEquals(ScheduledRuns.Outcome.DONE_ALREADY, runs.runOnce(retention, period));
        assertFalse(exists("alert", old));
    }

    private UUID alert(String status, Instant raisedAt, Instant resolvedAt) {
        UUID id = UUID.randomUUID();
        QuarkusTransaction.requiringNew()
                .run(() -> em.createNativeQuery("""
                        insert into alert (id, organisation, kind, status, summary, source_event_id, raised_at, resolved_at,
                                           resolution)
                        values (?1, 'POLITIE', 'DECLARATION_SUBMITTED', ?2, 'New declaration: Adviseur at Retentie BV',
                                ?3, ?4, ?5, 'Besproken')""")
                        .setParameter(1, id)
                        .setParameter(2, status)
                        .setParameter(3, UUID.randomUUID())
                        .setParameter(4, raisedAt)
                        .setParameter(5, resolvedAt)
                        .executeUpdate());
        return id;
    }

    private UUID delivery(String status, Instant createdAt) {
        UUID id = UUID.randomUUID();
        QuarkusTransaction.requiringNew()
                .run(() -> em.createNativeQuery("""
                        insert into delivery (id, channel, organisation, recipient, event_id, event_type, payload, status,
                                              attempts, next_attempt_at, created_at)
                        values (?1, 'EMAIL', 'POLITIE', 'integriteit@politie.example.nl', ?2, 'alert:HIGH_RISK',
                                '{"subject":"Kritiek risico","text":"..."}', ?3, 1, ?4, ?5)""")
                        .setParameter(1, id)
                        .setParameter(2, UUID.randomUUID())
                        .setParameter(3, status)
                        // a delivery still to be sent is due far ahead, so the dispatcher leaves it alone here
                        .setParameter(4, status.equals("FAILED") ? now.plus(1, ChronoUnit.DAYS) : null)
                        .setParameter(5, createdAt)
                        .executeUpdate());
        return id;
    }

    private LocalDate digest(String office, Instant createdAt) {
        LocalDate day = LocalDate.ofInstant(createdAt, ZoneOffset.UTC);
        QuarkusTransaction.requiringNew()
                .run(() -> em.createNativeQuery("""
                        insert into office_digest (organisation, digest_date, period_start, period_end, alerts, created_at)
                        values (?1, ?2, ?3, ?3, 0, ?3)""")
                        .setParameter(1, office)
                        .setParameter(2, day)
                        .setParameter(3, createdAt)
                        .executeUpdate());
        return day;
    }

    private UUID mailing(Instant createdAt) {
        UUID id = UUID.randomUUID();
        QuarkusTransaction.requiringNew()
                .run(() -> em.createNativeQuery("""
                        insert into network_mailing (id, organisation, subject_nl, text_nl, subject_en, text_en, recipients,
                                                     created_by, created_at)
                        values (?1, 'POLITIE', 'Reünie', 'Beste Jan, tot ziens op de reünie', 'Reunion', 'Dear Jan', 12,
                                'officer.politie', ?2)""")
                        .setParameter(1, id)
                        .setParameter(2, createdAt)
                        .executeUpdate());
        return id;
    }

    private boolean exists(String table, UUID id) {
        return QuarkusTransaction.requiringNew()
                .call(() -> ((Number) em.createNativeQuery("select count(*) from " + table + " where id = ?1")
                                        .setParameter(1, id)
                                        .getSingleResult())
                                .longValue()
                        == 1);
    }

    private String payload(UUID delivery) {
        return QuarkusTransaction.requiringNew()
                .call(() -> (String) em.createNativeQuery("select payload from delivery where id = ?1")
                        .setParameter(1, delivery)
                        .getSingleResult());
    }

    private long digests(String office, LocalDate day) {
        return QuarkusTransaction.requiringNew()
                .call(() -> ((Number) em.createNativeQuery(
                                        "select count(*) from office_digest where organisation = ?1 and digest_date = ?2")
                                .setParameter(1, office)
                                .setParameter(2, day)
                                .getSingleResult())
                        .longValue());
    }

    private Object[] mailingRow(UUID mailing) {
        return QuarkusTransaction.requiringNew().call(() -> (Object[]) em.createNativeQuery(
                        "select text_nl, text_en, subject_nl, recipients from network_mailing where id = ?1")
                .setParameter(1, mailing)
                .getSingleResult());
    }
}
