package nl.integrity.alumni.account;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;

import java.lang.reflect.Proxy;
import java.time.Clock;
import nl.integrity.alumni.AlumniConfig;
import org.junit.jupiter.api.Test;

/**
 * Switched off, the worker's rounds leave the owed logins alone: they reach neither the database nor
 * Keycloak (both absent here, so any use of them would fail).
 */
class AccountKeeperSwitchTest {

    private static AlumniConfig switchedOff() {
        AlumniConfig.Accounts accounts = (AlumniConfig.Accounts) Proxy.newProxyInstance(
                AlumniConfig.Accounts.class.getClassLoader(),
                new Class<?>[] {AlumniConfig.Accounts.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("enabled")) {
                        return false;
                    }
                    throw new AssertionError("the switched-off worker read " + method.getName());
                });
        return (AlumniConfig) Proxy.newProxyInstance(
                AlumniConfig.class.getClassLoader(),
                new Class<?>[] {AlumniConfig.class},
                (proxy, method, args) -> accounts);
    }

    @Test
    void switchedOff_theWorkerTouchesNothing() {
        var keeper = new AccountKeeper(null, switchedOff(), null, Clock.systemUTC());
        try {
            assertDoesNotThrow(keeper::keepAll);
        } finally {
            keeper.stop();
        }
    }
}
