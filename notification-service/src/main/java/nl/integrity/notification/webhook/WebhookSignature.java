package nl.integrity.notification.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signatures in the Standard Webhooks way: HMAC-SHA256 with the secret's key over
 * {@code <webhook-id>.<webhook-timestamp>.<body>}, sent as {@code v1,<base64>} in
 * {@code webhook-signature}; with several secrets (a rotation's overlap) one signature each,
 * separated by spaces, of which a receiver needs one to match. Secrets are {@code whsec_}
 * followed by the base64 of 32 random bytes.
 */
final class WebhookSignature {

    private static final String PREFIX = "whsec_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private WebhookSignature() {}

    public static String newSecret() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return PREFIX + Base64.getEncoder().encodeToString(key);
    }

    /** The {@code webhook-signature} header value for this message, signed with each of {@code secrets}. */
    public static String sign(java.util.List<String> secrets, String messageId, long timestampSeconds, String body) {
        return String.join(
                " ",
                secrets.stream()
                        .map(s -> sign(s, messageId, timestampSeconds, body))
                        .toList());
    }

    /** The {@code webhook-signature} header value for this message. */
    public static String sign(String secret, String messageId, long timestampSeconds, String body) {
        String encodedKey = secret.startsWith(PREFIX) ? secret.substring(PREFIX.length()) : secret;
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(encodedKey), "HmacSHA256"));
            byte[] digest =
                    mac.doFinal((messageId + "." + timestampSeconds + "." + body).getBytes(StandardCharsets.UTF_8));
            return "v1," + Base64.getEncoder().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
