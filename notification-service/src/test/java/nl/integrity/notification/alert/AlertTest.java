package nl.integrity.notification.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The alert's workflow rules, without a database. */
class AlertTest {

    static final Instant NOW = Instant.parse("2026-11-30T10:00:00Z");

    static Alert alert(AlertKind kind, Alert.About about) {
        return Alert.raise("POLITIE", kind, new AlertText("nl", "en"), about, UUID.randomUUID(), NOW);
    }

    static Alert alert() {
        return alert(AlertKind.DECLARATION_SUBMITTED, Alert.About.declaration(UUID.randomUUID(), UUID.randomUUID()));
    }

    @Test
    void raise_isNewWithWhatItIsAbout() {
        UUID declaration = UUID.randomUUID();
        Alert alert = alert(
                AlertKind.DECISION_DUE_SOON,
                Alert.About.declaration(declaration, null)
                        .withAssignee("officer.politie")
                        .withDueDate(java.time.LocalDate.of(2027, 1, 12)));
        assertEquals(AlertStatus.NEW, alert.status());
        assertEquals(declaration, alert.declarationId());
        assertEquals("officer.politie", alert.assignee());
        assertEquals(java.time.LocalDate.of(2027, 1, 12), alert.dueDate());
        assertEquals(NOW, alert.raisedAt());
    }

    @Test
    void acknowledge_makesTheOfficerTheAssignee_unlessThereIsOne() {
        Alert unassigned = alert();
        unassigned.acknowledge("officer.politie", NOW);
        assertEquals(AlertStatus.ACKNOWLEDGED, unassigned.status());
        assertEquals("officer.politie", unassigned.assignee());
        assertEquals("officer.politie", unassigned.acknowledgedBy());

        Alert assigned = alert(
                AlertKind.INFORMATION_RECEIVED,
                Alert.About.declaration(UUID.randomUUID(), null).withAssignee("officer2.politie"));
        assigned.acknowledge("officer.politie", NOW);
        assertEquals("officer2.politie", assigned.assignee());
    }

    @Test
    void acknowledge_refusesAnAlertThatIsNotNew() {
        Alert alert = alert();
        alert.acknowledge("officer.politie", NOW);
        assertThrows(AlertConflict.class, () -> alert.acknowledge("officer.politie", NOW));
    }

    @Test
    void resolve_takesANewAlertAtOnce_butNotAResolvedOne() {
        Alert alert = alert();
        alert.resolve("officer.politie", "Reviewed", NOW);
        assertEquals(AlertStatus.RESOLVED, alert.status());
        assertEquals("Reviewed", alert.resolution());
        assertThrows(AlertConflict.class, () -> alert.resolve("officer.politie", null, NOW));
        assertThrows(AlertConflict.class, () -> alert.assignTo("officer2.politie"));
        assertThrows(AlertConflict.class, alert::unassign);
        assertThrows(AlertConflict.class, () -> alert.acknowledge("officer.politie", NOW));
    }

    @Test
    void critical_isACriticalRiskOrAnOverdueDecision() {
        UUID declaration = UUID.randomUUID();
        assertTrue(alert(
                        AlertKind.HIGH_RISK,
                        Alert.About.declaration(declaration, null).withRiskLevel("CRITICAL"))
                .critical());
        assertFalse(alert(
                        AlertKind.HIGH_RISK,
                        Alert.About.declaration(declaration, null).withRiskLevel("HIGH"))
                .critical());
        assertTrue(alert(AlertKind.DECISION_OVERDUE, Alert.About.declaration(declaration, null))
                .critical());
        assertFalse(alert(
                        AlertKind.LATE_DECLARATION,
                        Alert.About.declaration(declaration, null).withRiskLevel("CRITICAL"))
                .critical());
    }
}
