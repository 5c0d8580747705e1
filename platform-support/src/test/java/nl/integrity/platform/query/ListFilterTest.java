package nl.integrity.platform.query;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ListFilterTest {

    @Test
    void filtersNotGiven_addNothing() {
        var filter = new ListFilter()
                .scope("organisation", "POLITIE")
                .equal("late", null)
                .in("status", Set.of())
                .atMost("dueDate", null)
                .assignee("assignee", " ", "officer-1");

        assertEquals("organisation = :organisation", filter.query());
        assertEquals(Map.of("organisation", "POLITIE"), filter.parameters());
    }

    @Test
    void assignee_meIsTheCaller_noneIsNobody_anythingElseThatUser() {
        assertEquals(
                Map.of("assignee", "officer-1"),
                new ListFilter().assignee("assignee", "me", "officer-1").parameters());
        assertEquals(
                Map.of("assignee", "officer-2"),
                new ListFilter().assignee("assignee", "officer-2", "officer-1").parameters());
        var none = new ListFilter().assignee("assignee", "none", "officer-1");
        assertEquals("assignee is null", none.query());
        assertEquals(Map.of(), none.parameters());
    }

    @Test
    void givenFilters_joinWithAnd_valuesOnlyAsParameters() {
        var filter = new ListFilter()
                .scope("organisation", "KMAR")
                .in("status", List.of("NEW"))
                .atMost("dueDate", 5)
                .where("inReview = true");

        assertEquals(
                "organisation = :organisation and status in :status and dueDate <= :dueDateMax and inReview = true",
                filter.query());
        assertEquals(Map.of("organisation", "KMAR", "status", List.of("NEW"), "dueDateMax", 5), filter.parameters());
    }

    @Test
    void noFilterAtAll_matchesEverything() {
        assertEquals("true = true", new ListFilter().query());
    }

    @Test
    void contains_ignoresCase_andTakesWildcardsLiterally() {
        var filter = new ListFilter().contains("fullName", " 50%_off\\ ").contains("role", " ");

        assertEquals("fullName ilike :fullName", filter.query());
        assertEquals(Map.of("fullName", "%50\\%\\_off\\\\%"), filter.parameters());
    }

    @Test
    void aConditionWithItsOwnParameter() {
        var filter = new ListFilter().where("windowStart <= :today and windowEnd > :today", "today", 7);

        assertEquals("windowStart <= :today and windowEnd > :today", filter.query());
        assertEquals(Map.of("today", 7), filter.parameters());
    }
}
