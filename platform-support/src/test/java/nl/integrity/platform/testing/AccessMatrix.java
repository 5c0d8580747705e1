package nl.integrity.platform.testing;

import static io.restassured.RestAssured.given;
import static nl.integrity.platform.testing.KeycloakLogins.hrSystemToken;
import static nl.integrity.platform.testing.KeycloakLogins.tokenFor;

import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Calls every endpoint of a service as every kind of caller of the demo realm, with real tokens,
 * and lists what answered otherwise than the rules say: no token is 401; a role the endpoint
 * does not serve is 403; data of an organisation does not exist (404) for the other
 * organisation's callers; the callers an endpoint serves get past security (any status but
 * 401, 403, 404 or 5xx, unless the endpoint names the status they get).
 */
public final class AccessMatrix {

    /** The kinds of caller: none, the demo users of both organisations, each organisation's HR system. */
    public static final List<String> CALLERS = List.of(
            "none",
            "alumnus.politie",
            "alumnus.kmar",
            "officer.politie",
            "officer.kmar",
            "admin",
            "admin.kmar",
            "hr-politie",
            "hr-kmar");

    static final Map<String, String> ORGANISATION = Map.of(
            "alumnus.politie",
            "POLITIE",
            "officer.politie",
            "POLITIE",
            "admin",
            "POLITIE",
            "hr-politie",
            "POLITIE",
            "alumnus.kmar",
            "KMAR",
            "officer.kmar",
            "KMAR",
            "admin.kmar",
            "KMAR",
            "hr-kmar",
            "KMAR");

    private AccessMatrix() {}

    /**
     * One endpoint and whom it serves.
     *
     * @param contentType  of the body, or null without one
     * @param ownedBy      the organisation whose data the path names (other organisations: 404), or null
     * @param servedStatus what a served caller gets, or 0 for "gets past security"
     */
    public record Endpoint(
            String method,
            String path,
            String contentType,
            String body,
            Set<String> serves,
            String ownedBy,
            int servedStatus) {

        public static Endpoint of(String method, String path, Set<String> serves) {
            return new Endpoint(method, path, null, null, serves, null, 0);
        }

        public Endpoint json(String json) {
            return new Endpoint(method, path, "application/json", json, serves, ownedBy, servedStatus);
        }

        public Endpoint body(String type, String content) {
            return new Endpoint(method, path, type, content, serves, ownedBy, servedStatus);
        }

        public Endpoint ownedBy(String organisation) {
            return new Endpoint(method, path, contentType, body, serves, organisation, servedStatus);
        }

        public Endpoint served(int status) {
            return new Endpoint(method, path, contentType, body, serves, ownedBy, status);
        }
    }

    /** Every call, in order, that answered against the rules; empty when all is well. */
    public static List<String> violations(List<Endpoint> endpoints) {
        List<String> wrong = new ArrayList<>();
        for (Endpoint e : endpoints) {
            for (String caller : CALLERS) {
                int expected = expected(e, caller);
                int actual = call(e, caller);
                boolean ok = expected == 0
                        ? actual != 401 && actual != 403 && actual != 404 && actual < 500
                        : actual == expected;
                if (!ok) {
                    wrong.add(e.method() + " " + e.path() + " as " + caller + ": " + actual + ", expected "
                            + (expected == 0 ? "access" : expected));
                }
            }
        }
        return wrong;
    }

    static int expected(Endpoint e, String caller) {
        if (caller.equals("none")) {
            return 401;
        }
        if (!e.serves().contains(caller)) {
            return 403;
        }
        if (e.ownedBy() != null && !e.ownedBy().equals(ORGANISATION.get(caller))) {
            return 404;
        }
        return e.servedStatus();
    }

    static int call(Endpoint e, String caller) {
        RequestSpecification request = given();
        if (!caller.equals("none")) {
            request = request.auth()
                    .oauth2(caller.startsWith("hr-") ? hrSystemToken(ORGANISATION.get(caller)) : tokenFor(caller));
        }
        if (e.contentType() != null) {
            request = request.contentType(e.contentType()).body(e.body());
        }
        return request.request(e.method(), e.path()).statusCode();
    }
}
