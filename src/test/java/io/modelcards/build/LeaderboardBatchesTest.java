package io.modelcards.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelcards.render.OutputFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A build whose catalogue has more results than one batch of leaderboard entries (render.Leaderboards, 2 million by
 * default) groups its benchmarks a batch at a time; the site is the one made in one go. Here the seed, in batches of
 * a few entries.
 */
class LeaderboardBatchesTest {
    private static final String PROPERTY = "modelcards.leaderboardBatch";
    private static final String KEY_AT = "modelcards.leaderboardKeyAt";

    private static Map<String, byte[]> site() {
        BuildResult r = new SiteBuilder().render(BuildOptions.defaults().withContent(Path.of("content")));
        Map<String, byte[]> files = new TreeMap<>();
        for (OutputFile f : r.files()) files.put(f.path(), f.bytes());
        return files;
    }

    /** The batches read each result's key kept from their plan, or (a catalogue of many results) make every entry. */
    @ParameterizedTest
    @ValueSource(strings = {"4000000", "0"})
    void benchmarksGroupedInBatchesGiveTheSameSite(String keyAt) {
        Map<String, byte[]> whole = site();
        Map<String, byte[]> batched;
        System.setProperty(PROPERTY, "5");
        System.setProperty(KEY_AT, keyAt);
        try {
            batched = site();
        } finally {
            System.clearProperty(PROPERTY);
            System.clearProperty(KEY_AT);
        }
        assertEquals(whole.keySet(), batched.keySet());
        List<String> differ = new ArrayList<>();
        for (String path : whole.keySet()) if (!Arrays.equals(whole.get(path), batched.get(path))) differ.add(path);
        assertEquals(List.of(), differ);
        assertTrue(whole.keySet().stream().anyMatch(p -> p.startsWith("benchmarks/")), "the seed has leaderboards");
    }
}
