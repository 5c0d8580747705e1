package nl.integrity.platform.problem;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/** Which failures are the database going away (a 503 problem) and which are defects (a 500). */
class LostDatabaseConnectionTest {

    @Test
    void aSessionTheServerEnded_foundAmongTheCauses() {
        var terminated = new SQLException("terminating connection due to administrator command", "57P01");
        assertTrue(ProblemMappers.lostDatabaseConnection(
                new IllegalStateException("query failed", new RuntimeException(terminated))));
    }

    @Test
    void aClosedConnection_isClass08() {
        assertTrue(
                ProblemMappers.lostDatabaseConnection(new SQLException("This connection has been closed.", "08003")));
    }

    @Test
    void aCommitThatFailed_carriesTheDriversExceptionAsSuppressed() {
        var rollback = new RuntimeException("Could not commit transaction.");
        var xa = new Exception("Error trying to commit", new SQLException("terminating connection", "57P01"));
        rollback.addSuppressed(xa);
        assertTrue(ProblemMappers.lostDatabaseConnection(new RuntimeException("request failed", rollback)));
        assertFalse(
                ProblemMappers.failedAtCommit(new RuntimeException("request failed", rollback)),
                "not a commit failure");
        var commit = new jakarta.transaction.RollbackException("ARJUNA016053: Could not commit transaction.");
        commit.addSuppressed(xa);
        assertTrue(ProblemMappers.failedAtCommit(new RuntimeException("request failed", commit)), "a commit in doubt");
    }

    @Test
    void otherDatabaseErrors_andCauseCycles_areNotAnOutage() {
        assertFalse(ProblemMappers.lostDatabaseConnection(new SQLException("duplicate key", "23505")));
        assertFalse(ProblemMappers.lostDatabaseConnection(new SQLException("no state")));
        var a = new RuntimeException("a");
        var b = new RuntimeException("b", a);
        a.initCause(b);
        a.addSuppressed(b);
        assertFalse(ProblemMappers.lostDatabaseConnection(a));
    }
}
