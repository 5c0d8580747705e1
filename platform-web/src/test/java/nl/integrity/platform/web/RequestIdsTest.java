package nl.integrity.platform.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class RequestIdsTest {

    @Test
    void aSaneIdIsKept() {
        assertEquals("req-1.a_B", RequestIds.of("req-1.a_B"));
    }

    @Test
    void anythingElseIsReplacedByANewId() {
        for (String given : new String[] {null, "", " ", "a b", "a\nb", "x".repeat(101), "<script>", "é"}) {
            String id = RequestIds.of(given);
            assertNotEquals(given, id);
            assertTrue(RequestIds.isSane(id));
            UUID.fromString(id);
        }
    }
}
