package nl.integrity.notification.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

    @Test
    void matchesTheStandardWebhooksExample() {
        // The example of the Standard Webhooks specification.
        assertEquals(
                "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=",
                WebhookSignature.sign(
                        "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
                        "msg_p5jXN8AQM9LWM0D4loKWxJek",
                        1614265330L,
                        "{\"test\": 2432232314}"));
    }

    @Test
    void anyChangeOfIdTimestampOrBodyChangesTheSignature() {
        String secret = WebhookSignature.newSecret();
        String signature = WebhookSignature.sign(secret, "id", 1L, "{}");
        assertNotEquals(signature, WebhookSignature.sign(secret, "id2", 1L, "{}"));
        assertNotEquals(signature, WebhookSignature.sign(secret, "id", 2L, "{}"));
        assertNotEquals(signature, WebhookSignature.sign(secret, "id", 1L, "{ }"));
        assertNotEquals(signature, WebhookSignature.sign(WebhookSignature.newSecret(), "id", 1L, "{}"));
    }

    @Test
    void secretsAreThirtyTwoRandomBytesInTheWhsecForm() {
        String secret = WebhookSignature.newSecret();
        assertTrue(secret.startsWith("whsec_"));
        assertEquals(32, Base64.getDecoder().decode(secret.substring(6)).length);
        assertNotEquals(secret, WebhookSignature.newSecret());
    }
}
