package nl.integrity.platform.testing;

import static io.restassured.RestAssured.given;

import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;

/** The mailboxes of the real SMTP test server (GreenMail), read through its REST API. */
public final class Mailboxes {

    static final String API = System.getProperty("greenmail.api", "http://127.0.0.1:8025");

    private Mailboxes() {}

    /** Every message delivered to {@code address}, each with its subject and whole MIME message. */
    public static List<Map<String, Object>> messagesTo(String address) {
        var response = given().get(API + "/api/user/" + address + "/messages/INBOX");
        if (response.statusCode() == 400) {
            return List.of(); // GreenMail knows a mailbox from its first message on
        }
        return JsonPath.from(response.then().statusCode(200).extract().asString())
                .getList("");
    }

    /** Keycloak's mails about a login (the invitation to set a password): they link to an action token. */
    public static List<Map<String, Object>> loginMailsTo(String address) {
        return messagesTo(address).stream().filter(Mailboxes::isLoginMail).toList();
    }

    /** The platform's own mails to {@code address} (notification-service's), without Keycloak's login mails. */
    public static List<Map<String, Object>> noticesTo(String address) {
        return messagesTo(address).stream().filter(m -> !isLoginMail(m)).toList();
    }

    private static boolean isLoginMail(Map<String, Object> message) {
        return String.valueOf(message.get("mimeMessage")).contains("/login-actions/action-token");
    }

    /** The messages to {@code address} that mention {@code text} anywhere in their MIME form. */
    public static List<Map<String, Object>> mailsMentioning(String address, String text) {
        return messagesTo(address).stream()
                .filter(m -> String.valueOf(m.get("mimeMessage")).contains(text))
                .toList();
    }
}
