package nl.integrity.notification.webhook;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Where webhooks may go. Addresses are classified as a unit, from their bytes (no address here is
 * ever called); URLs are tried with this machine's own loopback addresses and names that resolve
 * to them only.
 */
class WebhookTargetsTest {

    static WebhookTargets targets(String... trusted) {
        return new WebhookTargets(List.of(trusted));
    }

    static InetAddress address(String literal) throws UnknownHostException {
        return InetAddress.getByName(literal); // a literal: parsed, never looked up
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "10.0.0.1",
                "10.255.255.255",
                "172.16.0.1",
                "172.31.255.254",
                "192.168.1.1",
                "127.0.0.1",
                "127.8.9.10",
                "169.254.169.254",
                "169.254.0.1",
                "100.64.0.1",
                "100.127.255.254",
                "0.0.0.0",
                "0.1.2.3",
                "224.0.0.1",
                "239.255.255.250",
                "240.0.0.1",
                "255.255.255.255",
                "198.18.0.1",
                "::1",
                "::",
                "fe80::1",
                "fd00::1",
                "fc12:3456::1",
                "ff02::1",
                "::ffff:10.0.0.1",
                "::ffff:169.254.169.254",
                "::ffff:127.0.0.1",
                "::10.0.0.1"
            })
    void internalAddresses_areRecognised(String literal) throws UnknownHostException {
        assertTrue(WebhookTargets.internal(address(literal)).isPresent(), literal);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "8.8.8.8",
                "93.184.216.34",
                "172.32.0.1",
                "100.128.0.1",
                "192.169.0.1",
                "11.0.0.1",
                "2001:4860:4860::8888",
                "2a00:1450:4001::200e",
                "::ffff:8.8.8.8"
            })
    void addressesOnTheInternet_areNot(String literal) throws UnknownHostException {
        assertEquals(Optional.empty(), WebhookTargets.internal(address(literal)), literal);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "https://127.0.0.1/hook",
                "https://127.0.0.2:8443/hook",
                "https://[::1]/hook",
                "https://localhost/hook",
                "https://LOCALHOST:9000/x",
                "https://0.0.0.0/",
                "https://[::ffff:127.0.0.1]/"
            })
    void thisMachine_isRefused_whenSubscribedAndBeforeDelivery(String url) {
        var targets = targets();
        assertThrows(WebhookTargets.Refused.class, () -> targets.checkSubscribed(url), url);
        assertThrows(WebhookTargets.Refused.class, () -> targets.checkBeforeDelivery(url), url);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "http://hooks.example.nl/x",
                "ftp://hooks.example.nl/x",
                "hooks.example.nl/x",
                "https:///x",
                "https://user:secret@hooks.example.nl/x",
                "file:///etc/passwd",
                "javascript:alert(1)",
                "not a url"
            })
    void anythingButAnHttpsUrlWithoutCredentials_isRefused(String url) {
        assertThrows(WebhookTargets.Refused.class, () -> targets().checkSubscribed(url), url);
    }

    @Test
    void aTrustedHost_mayBeCalledOverHttp_andInsideTheNetwork() {
        var targets = targets("127.0.0.1");
        assertDoesNotThrow(() -> targets.checkSubscribed("http://127.0.0.1:8199/hook"));
        assertDoesNotThrow(() -> targets.checkBeforeDelivery("https://127.0.0.1/hook"));
        assertThrows(
                WebhookTargets.Refused.class,
                () -> targets.checkSubscribed("http://localhost:8199/hook"),
                "trust is per host name as written: localhost is not 127.0.0.1");
    }
}
