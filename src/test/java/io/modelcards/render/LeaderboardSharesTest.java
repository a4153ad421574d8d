package io.modelcards.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A batch's benchmark keys are dealt into shares of about as many entries, one per core, each key to one share. */
class LeaderboardSharesTest {
    @Test
    void everyKeyGoesToOneShareAndTheSharesAreBalanced() {
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("mmlu", 10_000L);
        counts.put("gsm8k", 6_000L);
        counts.put("hellaswag", 4_000L);
        counts.put("arc", 3_000L);
        counts.put("piqa", 2_000L);
        counts.put("boolq", 1_000L);
        List<Set<String>> shares = Leaderboards.shares(counts.keySet(), counts, 2);
        assertEquals(2, shares.size());
        Set<String> all = new HashSet<>();
        long[] sizes = new long[2];
        for (int i = 0; i < 2; i++) {
            for (String k : shares.get(i)) {
                assertTrue(all.add(k), k + " in two shares");
                sizes[i] += counts.get(k);
            }
        }
        assertEquals(counts.keySet(), all);
        assertEquals(13_000L, sizes[0]);
        assertEquals(13_000L, sizes[1]);
    }

    @Test
    void noMoreSharesThanKeysAndTheSameSharesEveryTime() {
        Map<String, Long> counts = Map.of("a", 5L, "b", 5L, "c", 5L);
        assertEquals(1, Leaderboards.shares(Set.of("a"), counts, 4).size());
        assertEquals(3, Leaderboards.shares(counts.keySet(), counts, 8).size());
        assertEquals(Leaderboards.shares(counts.keySet(), counts, 2), Leaderboards.shares(new HashSet<>(List.of("c", "b", "a")), counts, 2));
    }
}
