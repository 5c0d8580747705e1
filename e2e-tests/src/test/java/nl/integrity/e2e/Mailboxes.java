package nl.integrity.e2e;

import static io.restassured.RestAssured.given;

import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;

/** The mailboxes of the real SMTP server of the platform (GreenMail), read through its REST API. */
final class Mailboxes {

    static final String API = System.getProperty("greenmail.api", "http://127.0.0.1:8025");

    private Mailboxes() {}

    /** Every message delivered to {@code address}, each with its subject and whole MIME message. */
    static List<Map<String, Object>> messagesTo(String address) {
        var response = given().get(API + "/api/user/" + address + "/messages/INBOX");
        if (response.statusCode() == 400) {
            return List.of(); // GreenMail knows a mailbox from its first message on
        }
        return JsonPath.from(response.then().statusCode(200).extract().asString())
                .getList("");
    }
}
