package io.modelcards.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A leaderboard line's values: a map in the order its entries were put, as a LinkedHashMap is. */
class SmallMapTest {
    @Test
    void behavesLikeALinkedHashMap() {
        Map<String, Integer> small = new SmallMap<>();
        Map<String, Integer> linked = new LinkedHashMap<>();
        for (Map<String, Integer> m : List.of(small, linked)) {
            assertNull(m.put("acc", 1));
            assertNull(m.put("f1", 2));
            assertEquals(1, m.put("acc", 3), "a key put again keeps its place and gives the old value");
            assertNull(m.put("em", 4));
        }
        assertEquals(linked, small);
        assertEquals(small, linked);
        assertEquals(linked.hashCode(), small.hashCode());
        assertEquals(List.of("acc", "f1", "em"), List.copyOf(small.keySet()));
        assertEquals(List.of(3, 2, 4), List.copyOf(small.values()));
        assertEquals(3, small.size());
        assertTrue(small.containsKey("f1"));
        assertFalse(small.containsKey("bleu"));
        assertNull(small.get("bleu"));
    }

    @Test
    void anEntrysNewValueIsTheMapsValue() {
        Map<String, Integer> small = new SmallMap<>();
        small.put("acc", 1);
        small.put("f1", 2);
        for (Map.Entry<String, Integer> e : small.entrySet()) e.setValue(e.getValue() * 10);
        assertEquals(Map.of("acc", 10, "f1", 20), small);
        assertEquals(10, small.get("acc"));
    }
}
