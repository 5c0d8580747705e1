package nl.integrity.declaration.declaration;

import static io.restassured.RestAssured.given;
import static nl.integrity.declaration.Fixtures.ORDINARY;
import static nl.integrity.declaration.Fixtures.declare;
import static nl.integrity.platform.testing.KeycloakLogins.tokenFor;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import nl.integrity.declaration.Fixtures;
import nl.integrity.declaration.alumni.KnownFunctionProfile;
import nl.integrity.declaration.risk.RiskRule;
import org.junit.jupiter.api.Test;

/**
 * The rules and function catalogue an assessment reads are kept in each instance until a change
 * commits, wherever it is made: here through the API, in another instance, or by a script.
 */
@QuarkusTest
class AssessmentCataloguesTest {

    private static final Duration NOTICE = Duration.ofSeconds(10);

    @Inject
    AssessmentCatalogues catalogues;

    @Inject
    EntityManager em;

    @Test
    void theCatalogueIsKept_untilAChangeElsewhereCommits_andTheNextAssessmentUsesTheChange() {
        Fixtures.plainAlumnus("POLITIE", "P100001");
        String code = "KEPT_" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        given().auth()
                .oauth2(tokenFor("admin"))
                .contentType(ContentType.JSON)
                .body(Fixtures.SELF_EMPLOYED_RULE)
                .put("/api/risk-rules/{code}", code)
                .then()
                .statusCode(201);
        assertTrue(textOf(politie(), code).isPresent(), "a change made through the API is used at once");
        await().atMost(NOTICE)
                .until(() -> politie() == politie()); // kept: the second read is the first one's catalogue

        // Another instance, or a script, changes the rule: nothing in this instance is told but the notice.
        sql("update risk_rule set text_en = 'Changed elsewhere.', revision = revision + 1 "
                + "where organisation = 'POLITIE' and code = '" + code + "'");
        await().atMost(NOTICE).until(() -> textOf(politie(), code).equals(Optional.of("Changed elsewhere.")));

        String id = declare("alumnus.politie", ORDINARY.replace("\"selfEmployed\":false", "\"selfEmployed\":true"));
        given().auth()
                .oauth2(tokenFor("alumnus.politie"))
                .get("/api/declarations/{id}", id)
                .then()
                .body("risk.reasons.find { it.code == '%s' }.textEn".formatted(code), equalTo("Changed elsewhere."));
    }

    @Test
    void whenTheListeningConnectionIsLost_itComesBack_andChangesAreHeardAgain() {
        politie(); // starts listening
        int before = await().atMost(NOTICE).until(this::listenerPid, pid -> pid != null);
        QuarkusTransaction.requiringNew()
                .run(() -> em.createNativeQuery("select pg_terminate_backend(" + before + ")")
                        .getSingleResult());
        await().atMost(NOTICE).until(this::listenerPid, pid -> pid != null && pid != before);

        String code = "F-" + UUID.randomUUID().toString().substring(0, 6);
        sql("insert into known_function_profile (organisation, code, version, title, function_group, risk_level, "
                + "cooling_off_months, sensitive_sectors, retired) values ('POLITIE', '" + code
                + "', 1, 'Noticed', 'INVESTIGATION', 'HIGH', 12, '[\"ICT\"]', false)");
        await().atMost(NOTICE).until(() -> politie().functions().containsKey(code));
        KnownFunctionProfile.Facts facts = politie().functions().get(code);
        assertTrue(facts.sensitiveSectors().equals(List.of("ICT"))
                && facts.riskLevel().equals("HIGH"));
    }

    private AssessmentCatalogues.Catalogue politie() {
        return QuarkusTransaction.requiringNew().call(() -> catalogues.of("POLITIE"));
    }

    private static Optional<String> textOf(AssessmentCatalogues.Catalogue catalogue, String code) {
        return catalogue.rules().stream()
                .filter(r -> code.equals(r.code()))
                .map(RiskRule::textEn)
                .findFirst();
    }

    private Integer listenerPid() {
        List<?> pids = QuarkusTransaction.requiringNew()
                .call(() -> em.createNativeQuery("select pid from pg_stat_activity where datname = current_database() "
                                + "and application_name = 'declaration-service cache notices'")
                        .getResultList());
        return pids.isEmpty() ? null : ((Number) pids.get(0)).intValue();
    }

    private void sql(String statement) {
        QuarkusTransaction.requiringNew()
                .run(() -> em.createNativeQuery(statement).executeUpdate());
    }
}
