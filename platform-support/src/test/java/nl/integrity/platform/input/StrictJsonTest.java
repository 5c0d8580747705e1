package nl.integrity.platform.input;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** JSON is taken as it was sent, or refused naming the field: no coercion, no unstorable text, no odd dates. */
class StrictJsonTest {

    record Declaration(String employer, int hours, Boolean paid, LocalDate startDate, List<String> tags) {}

    record Consent(boolean given) {}

    enum Level {
        LOW,
        HIGH
    }

    record Rule(Level level) {}

    static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule());

    static {
        new StrictJson().customize(JSON);
    }

    static String fieldOf(MismatchedInputException e) {
        return e.getPath().get(e.getPath().size() - 1).getFieldName();
    }

    MismatchedInputException refused(String json, Class<?> type) {
        return assertThrows(MismatchedInputException.class, () -> JSON.readValue(json, type), json);
    }

    @Test
    void aWellFormedBody_isReadAsSent() throws JsonProcessingException {
        var d = JSON.readValue("""
                {"employer":"Tab\\there, line\\nfeed, ünïcødé, emoji \\ud83d\\ude00","hours":8,"paid":true,
                 "startDate":"2027-03-01","tags":["a","b"]}""", Declaration.class);
        assertEquals(8, d.hours());
        assertEquals(LocalDate.of(2027, 3, 1), d.startDate());
        assertTrue(d.employer().endsWith("\ud83d\ude00"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "\\u0000", "\\u0001", "\\u001b", "\\u007f", "\\u0085", "\\u009f", "\\ud800", "\\udfff", "\\ufffe",
                "\\uffff"
            })
    void textWithWhatCannotBeStored_isRefused_namingTheField(String character) {
        var e = refused("{\"employer\":\"Acme" + character + "BV\",\"hours\":1}", Declaration.class);
        assertEquals("employer", fieldOf(e));
        assertTrue(e instanceof StrictJson.Refused, e.getClass().toString());
        var inList = refused("{\"tags\":[\"ok\",\"x" + character + "\"]}", Declaration.class);
        assertEquals(1, inList.getPath().get(inList.getPath().size() - 1).getIndex());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"hours\":1.5}",
                "{\"hours\":\"8\"}",
                "{\"hours\":true}",
                "{\"paid\":1}",
                "{\"paid\":\"true\"}",
                "{\"employer\":12}",
                "{\"employer\":true}",
                "{\"employer\":{}}",
                "{\"startDate\":20270301}",
                "{\"tags\":\"a\"}"
            })
    void coercion_isRefused(String json) {
        var e = refused(json, Declaration.class);
        assertTrue(e.getPath().size() > 0, json);
    }

    @Test
    void aConsentIsABooleanAndNothingElse() {
        assertEquals("given", fieldOf(refused("{\"given\":1}", Consent.class)));
        assertEquals("given", fieldOf(refused("{\"given\":\"yes\"}", Consent.class)));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"+999999999-12-31", "-999999999-01-01", "0001-01-01", "1899-12-31", "2200-01-01", "99999-01-01"})
    void datesOutsideThePlatformsRange_areRefused(String date) {
        var e = refused("{\"startDate\":\"" + date + "\"}", Declaration.class);
        assertEquals("startDate", fieldOf(e));
    }

    @Test
    void theRangesEdges_areTaken() throws JsonProcessingException {
        assertEquals(
                PlatformDates.EARLIEST,
                JSON.readValue("{\"startDate\":\"1900-01-01\"}", Declaration.class)
                        .startDate());
        assertEquals(
                PlatformDates.LATEST,
                JSON.readValue("{\"startDate\":\"2199-12-31\"}", Declaration.class)
                        .startDate());
    }

    @Test
    void aKeyGivenTwice_isRefused() {
        assertThrows(
                JsonProcessingException.class, () -> JSON.readValue("{\"hours\":1,\"hours\":2}", Declaration.class));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"LOW \"", "\" LOW\"", "\"LOW\\u0000\"", "\"LOW\\t\"", "\"low\"", "\"\"", "0", "1"})
    void anEnumValue_isItsExactName(String value) {
        var e = refused("{\"level\":" + value + "}", Rule.class);
        assertEquals("level", fieldOf(e));
    }

    @Test
    void aFieldTheRequestDoesNotHave_isRefused_namingIt() {
        var e = refused("{\"employer\":\"Acme\",\"employerNmae\":\"typo\"}", Declaration.class);
        assertEquals("employerNmae", fieldOf(e));
    }

    @Test
    void aSecondValueAfterTheBody_isRefused() {
        assertThrows(
                JsonProcessingException.class,
                () -> JSON.readValue("{\"level\":\"LOW\"}{\"level\":\"HIGH\"}", Rule.class));
        assertThrows(JsonProcessingException.class, () -> JSON.readValue("{\"level\":\"LOW\"} garbage", Rule.class));
        assertEquals(
                Level.HIGH,
                assertDoesNotThrow(() -> JSON.readValue("{\"level\":\"HIGH\"}  \n", Rule.class))
                        .level());
    }
}
