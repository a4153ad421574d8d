package io.modelcards.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelcards.diag.Diagnostics;
import io.modelcards.render.OutputFile;
import io.modelcards.render.SiteRenderer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A build whose catalogue has more results than one batch of leaderboard entries (render.Leaderboards, 2 million by
 * default) groups its benchmarks a batch at a time; the site is the one made in one go. Here the seed, in batches of
 * a few entries.
 */
class LeaderboardBatchesTest {
    private static final String PROPERTY = "modelcards.leaderboardBatch";

    /**
     * The site's files: as a build renders them ({@code spilled}: the leaderboards' entries kept in its spill file),
     * or rendered without a spill file (kept in the heap).
     */
    private static Map<String, byte[]> site(boolean spilled) {
        BuildOptions options = BuildOptions.defaults().withContent(Path.of("content"));
        List<OutputFile> made;
        if (spilled) {
            made = new SiteBuilder().render(options).files();
        } else {
            Diagnostics diagnostics = new Diagnostics();
            made = new SiteRenderer(options.templatesDir()).render(new SiteBuilder().load(options, diagnostics), diagnostics);
        }
        Map<String, byte[]> files = new TreeMap<>();
        for (OutputFile f : made) files.put(f.path(), f.bytes());
        return files;
    }

    /**
     * The batches read every model's entries, kept once, in the build's spill file or in the heap; a batch of several
     * benchmarks is read in shares, one per core.
     */
    @ParameterizedTest
    @CsvSource({"true, 5", "false, 5", "true, 60", "true, 400"})
    void benchmarksGroupedInBatchesGiveTheSameSite(boolean spilled, int entries) {
        Map<String, byte[]> whole = site(spilled);
        Map<String, byte[]> batched;
        System.setProperty(PROPERTY, String.valueOf(entries));
        try {
            batched = site(spilled);
        } finally {
            System.clearProperty(PROPERTY);
        }
        assertEquals(whole.keySet(), batched.keySet());
        List<String> differ = new ArrayList<>();
        for (String path : whole.keySet()) if (!Arrays.equals(whole.get(path), batched.get(path))) differ.add(path);
        assertEquals(List.of(), differ);
        assertTrue(whole.keySet().stream().anyMatch(p -> p.startsWith("benchmarks/")), "the seed has leaderboards");
    }
}
