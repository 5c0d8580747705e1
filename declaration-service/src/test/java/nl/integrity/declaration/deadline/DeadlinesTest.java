package nl.integrity.declaration.deadline;

import static io.restassured.RestAssured.given;
import static nl.integrity.declaration.Fixtures.ORDINARY;
import static nl.integrity.declaration.Fixtures.declare;
import static nl.integrity.platform.testing.KeycloakLogins.tokenFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.UUID;
import nl.integrity.declaration.Fixtures;
import nl.integrity.declaration.alumni.AlumniEvents;
import nl.integrity.declaration.alumni.KnownAlumnus;
import nl.integrity.declaration.calendar.WorkingDays;
import nl.integrity.declaration.declaration.Declaration;
import nl.integrity.declaration.declaration.Declarations;
import nl.integrity.declaration.obligation.Reminders;
import nl.integrity.declaration.review.ImposedCondition;
import nl.integrity.platform.metrics.DatabaseGauges;
import nl.integrity.platform.outbox.OutboxMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Deadlines, condition ends and reminders, driven by the day the runs are given. */
@QuarkusTest
class DeadlinesTest {

    @Inject
    Deadlines deadlines;

    @Inject
    Reminders reminders;

    @Inject
    Declarations declarations;

    @Inject
    MeterRegistry registry;

    @Inject
    DatabaseGauges gauges;

    @BeforeEach
    void alumnus() {
        Fixtures.plainAlumnus("POLITIE", "P100001");
    }

    static long eventsOf(String aggregateId, String type) {
        return QuarkusTransaction.requiringNew()
                .call(() -> OutboxMessage.count(
                        "aggregateId = ?1 and eventType = ?2",
                        aggregateId,
                        "nl.integrity.declaration." + type + ".v1"));
    }

    static void dueOn(String id, LocalDate due) {
        QuarkusTransaction.requiringNew()
                .run(() -> Declaration.update("dueDate = ?1 where id = ?2", due, UUID.fromString(id)));
    }

    @Test
    void dueSoon_onceWhenFiveWorkingDaysOrFewerAreLeft_thenOverdue_once() {
        String id = declare("alumnus.politie", ORDINARY);
        LocalDate due = LocalDate.of(2031, 1, 14); // a Tuesday
        dueOn(id, due);

        deadlines.run(LocalDate.of(2031, 1, 6)); // six working days left
        assertEquals(0, eventsOf(id, "decision-due-soon"));

        deadlines.run(LocalDate.of(2031, 1, 7)); // five left
        assertEquals(1, eventsOf(id, "decision-due-soon"));
        deadlines.run(LocalDate.of(2031, 1, 8));
        assertEquals(1, eventsOf(id, "decision-due-soon"), "announced once");

        deadlines.run(due);
        assertEquals(0, eventsOf(id, "decision-overdue"), "due by the end of the due day");
        deadlines.run(due.plusDays(1));
        deadlines.run(due.plusDays(2));
        assertEquals(1, eventsOf(id, "decision-overdue"), "overdue once");
    }

    @Test
    void theOverdueGauge_countsADeclarationPastItsDueDate_untilItIsDecided() {
        double before = overdueGauge("POLITIE");
        double kmarBefore = overdueGauge("KMAR");
        String id = declare("alumnus.politie", ORDINARY);
        dueOn(id, LocalDate.now().minusDays(3));

        assertEquals(before + 1, overdueGauge("POLITIE"), "read from the table");
        assertEquals(kmarBefore, overdueGauge("KMAR"), "counted for its own office only");

        decideNoObjection(id);
        assertEquals(before, overdueGauge("POLITIE"), "decided: no longer overdue");
    }

    static void decideNoObjection(String id) {
        given().auth()
                .oauth2(tokenFor("officer.politie"))
                .contentType(ContentType.JSON)
                .body("{\"outcome\":\"NO_OBJECTION\",\"rationale\":\"fine\"}")
                .post("/api/declarations/{id}/decision", id)
                .then()
                .statusCode(200);
    }

    /** The gauge after a refresh (the scheduled one comes every 15 s). */
    private double overdueGauge(String organisation) {
        gauges.refresh();
        return registry.get("declarations.overdue")
                .tag("organisation", organisation)
                .gauge()
                .value();
    }

    @Test
    void aDecidedDeclaration_isNeverOverdue() {
        String id = declare("alumnus.politie", ORDINARY);
        decideNoObjection(id);
        dueOn(id, LocalDate.of(2031, 2, 3));
        deadlines.run(LocalDate.of(2031, 3, 1));
        assertEquals(0, eventsOf(id, "decision-overdue"));
        assertEquals(0, eventsOf(id, "decision-due-soon"));
    }

    @Test
    void conditions_endByThemselvesTheDayAfterTheirLastDay() {
        String id = declare("alumnus.politie", ORDINARY);
        LocalDate lastDay = LocalDate.now().plusDays(40);
        given().auth()
                .oauth2(tokenFor("officer.politie"))
                .contentType(ContentType.JSON)
                .body("""
                        {"outcome":"ALLOWED_WITH_CONDITIONS","rationale":"ok",
                         "conditions":[{"type":"WAITING_PERIOD","endsOn":"%s"}]}""".formatted(lastDay))
                .post("/api/declarations/{id}/decision", id)
                .then()
                .statusCode(200);

        deadlines.run(lastDay);
        assertEquals(ImposedCondition.Status.ACTIVE, conditionOf(id).status(), "in force on its last day");

        deadlines.run(lastDay.plusDays(1));
        ImposedCondition ended = conditionOf(id);
        assertEquals(ImposedCondition.Status.ENDED, ended.status());
        assertEquals(ImposedCondition.EndReason.EXPIRED, ended.endReason());
        assertEquals(lastDay.plusDays(1), ended.endedOn());
        assertEquals(1, eventsOf(id, "condition-ended"));
        deadlines.run(lastDay.plusDays(2));
        assertEquals(1, eventsOf(id, "condition-ended"), "ends once");
    }

    static ImposedCondition conditionOf(String id) {
        return QuarkusTransaction.requiringNew()
                .call(() -> ImposedCondition.of(UUID.fromString(id)).get(0));
    }

    @Test
    void reminders_forAlumniInTheirWindowWithoutADeclaration_everyNinetyDays() {
        String number = "R-" + UUID.randomUUID().toString().substring(0, 6);
        UUID alumnusId = AlumniEvents.registerAndAwait("KMAR", number); // window 2026-03-31 up to 2027-09-30
        LocalDate first = LocalDate.of(2026, 12, 1);

        reminders.remind(first, 100_000);
        assertEquals(first, lastReminded(alumnusId));
        assertEquals(1, reminderEvents(alumnusId));
        reminders.remind(first.plusDays(89), 100_000);
        assertEquals(1, reminderEvents(alumnusId), "not again within ninety days");
        reminders.remind(first.plusDays(90), 100_000);
        assertEquals(2, reminderEvents(alumnusId));

        declarations.create("KMAR", number, Fixtures.activity("Now Declared BV"), false);
        reminders.remind(first.plusDays(200), 100_000);
        assertEquals(2, reminderEvents(alumnusId), "someone who declared is not reminded");
    }

    @Test
    void reminders_notOutsideTheWindow() {
        UUID alumnusId = AlumniEvents.registerAndAwait(
                "KMAR", "S-" + UUID.randomUUID().toString().substring(0, 6));
        reminders.remind(LocalDate.of(2026, 3, 30), 100_000);
        reminders.remind(LocalDate.of(2027, 9, 30), 100_000);
        assertEquals(0, reminderEvents(alumnusId));
    }

    static LocalDate lastReminded(UUID alumnusId) {
        return QuarkusTransaction.requiringNew()
                .call(() -> KnownAlumnus.<KnownAlumnus>findById(alumnusId).lastRemindedOn());
    }

    static long reminderEvents(UUID alumnusId) {
        return QuarkusTransaction.requiringNew()
                .call(() -> OutboxMessage.count(
                        "aggregateId = ?1 and eventType = ?2",
                        alumnusId.toString(),
                        "nl.integrity.declaration.reminder-due.v1"));
    }

    @Test
    void dueDate_isThirtyWorkingDaysAfterSubmission() {
        String id = declare("alumnus.politie", ORDINARY);
        Declaration d = QuarkusTransaction.requiringNew().call(() -> Declaration.findById(UUID.fromString(id)));
        LocalDate submitted = LocalDate.ofInstant(d.submittedAt(), java.time.ZoneId.systemDefault());
        assertEquals(WorkingDays.withClosedDays(java.util.Set.of()).plus(submitted, 30), d.dueDate());
        assertTrue(d.dueDate().isAfter(submitted.plusDays(41)), "30 working days are at least six weeks");
    }
}
