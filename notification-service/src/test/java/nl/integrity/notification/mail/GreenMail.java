package nl.integrity.notification.mail;

import static io.restassured.RestAssured.given;

import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;

/** The mailboxes of the real SMTP test server (GreenMail), read through its REST API. */
public final class GreenMail {

    static final String API = System.getProperty("greenmail.api", "http://127.0.0.1:8025");

    private GreenMail() {}

    /** The messages in a mailbox that mention {@code text}: each with its subject and whole MIME message. */
    public static List<Map<String, Object>> mailsMentioning(String mailbox, String text) {
        var response = given().get(API + "/api/user/" + mailbox + "/messages/INBOX");
        if (response.statusCode() == 400) {
            return List.of(); // GreenMail knows the mailbox from its first mail on
        }
        List<Map<String, Object>> all = JsonPath.from(
                        response.then().statusCode(200).extract().asString())
                .getList("");
        return all.stream()
                .filter(m -> String.valueOf(m.get("mimeMessage")).contains(text))
                .toList();
    }
}
