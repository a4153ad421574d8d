package io.modelcards.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PageIdsTest {
    @Test
    void findsEveryIdOfThePageAndNoOther() {
        List<String> ids = List.of("r-12", "table-1", "chart-mmlu-accuracy-against-shots", "é-ü", "R-12", "");
        int[] kept = PageIds.of(ids);
        for (String id : ids) assertTrue(PageIds.has(kept, id), id);
        for (String other : List.of("r-1", "r-120", "r12", "table-2", "e-u", " ")) assertFalse(PageIds.has(kept, other), other);
    }

    @Test
    void anIdWrittenTwiceIsKeptOnce() {
        assertEquals(2, PageIds.of(List.of("a", "b", "a")).length);
        assertEquals(0, PageIds.of(List.of()).length);
    }

    /** The ids a site has (row, table, chart and model ids): two million of them, no two with one hash. */
    @Test
    void twoMillionSiteLikeIdsHaveDifferentHashes() {
        Set<Long> seen = new HashSet<>();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 500_000; i++) {
            ids.add("r-" + i);
            ids.add("table-" + i);
            ids.add("model-" + Integer.toString(i * 7919, 36) + "-7b");
            ids.add("chart-bench-" + i + "-accuracy-against-shots");
        }
        for (String id : ids) assertTrue(seen.add(PageIds.hash(id)), id);
    }

    /** A page keeps 32-bit hashes: an id it does not have is not taken for one of its own (a million tries). */
    @Test
    void aMillionOtherIdsAreNotOnAPageOfAHundred() {
        List<String> own = new ArrayList<>();
        for (int i = 0; i < 100; i++) own.add(i % 2 == 0 ? "r-" + i : "table-" + i);
        int[] kept = PageIds.of(own);
        assertEquals(100, kept.length);
        for (int i = 0; i < 1_000_000; i++) {
            String other = switch (i % 3) {
                case 0 -> "r-" + (i + 100);
                case 1 -> "chart-bench-" + i;
                default -> "model-" + Integer.toString(i * 7919, 36);
            };
            assertFalse(PageIds.has(kept, other), other);
        }
    }

    @Test
    void aPathSetHoldsWhatWasAddedAndGrows() {
        PathSet paths = new PathSet();
        for (int i = 0; i < 20_000; i++) paths.add("models/m-" + i + "/index.html");
        paths.add("models/m-1/index.html");
        assertEquals(20_000, paths.size());
        for (int i = 0; i < 20_000; i++) assertTrue(paths.contains("models/m-" + i + "/index.html"));
        assertFalse(paths.contains("models/m-20000/index.html"));
        assertFalse(paths.contains("models/m-1"));
    }
}
