package nl.integrity.platform.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import nl.integrity.platform.input.StrictJson;
import org.junit.jupiter.api.Test;

/** A body that is not JSON is refused naming where in it the parser stopped. */
class JsonMistakesTest {

    record Condition(String kind, Integer count, LocalDate endsOn) {}

    record Rule(String level, List<Condition> conditions) {}

    /** As Quarkus configures it: unknown properties are skipped. */
    static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .configure(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    static {
        new StrictJson().customize(JSON);
    }

    JsonProcessingException refused(String json) {
        return assertThrows(JsonProcessingException.class, () -> JSON.readValue(json, Rule.class), json);
    }

    @Test
    void aNumberThatIsNotJson_isNamedByItsPath() {
        var e = refused("{\"level\":\"HIGH\",\"conditions\":[{\"kind\":\"A\",\"count\":01}]}");
        assertEquals(Optional.of("conditions[0].count"), JsonMistakes.location(e));
        assertEquals(Optional.of("level"), JsonMistakes.location(refused("{\"level\":NaN}")));
    }

    @Test
    void aKeyGivenTwice_deepInTheBody_isNamedWithItsPath() {
        var e = refused(
                "{\"conditions\":[{\"kind\":\"A\"},{\"kind\":\"B\",\"endsOn\":\"2100-01-01\",\"endsOn\":null}]}");
        assertTrue(JsonMistakes.duplicateField(e), e.getOriginalMessage());
        assertEquals(Optional.of("conditions[1].endsOn"), JsonMistakes.location(e));
    }

    @Test
    void aValueNestedThousandsDeep_isRefusedAsSuch_beforeItIsBuilt() {
        // Where a field of another shape is due, the field is named as of the wrong type.
        var declared = refused("{\"level\":" + "[".repeat(5_000) + "]".repeat(5_000) + "}");
        assertTrue(
                declared instanceof com.fasterxml.jackson.databind.exc.MismatchedInputException, declared.toString());
        // Where nothing is due (a field skipped as unknown), the parser's depth limit stops it: a 400, never a stack
        // overflow.
        var skipped = refused("{\"extra\":" + "[".repeat(5_000) + "]".repeat(5_000) + "}");
        assertTrue(skipped instanceof com.fasterxml.jackson.core.exc.StreamConstraintsException, skipped.toString());
    }

    @Test
    void aBodyBrokenAtTheTop_namesNoField() {
        assertEquals(Optional.empty(), JsonMistakes.location(refused("{")));
        assertEquals(Optional.empty(), JsonMistakes.location(refused("nonsense")));
    }
}
