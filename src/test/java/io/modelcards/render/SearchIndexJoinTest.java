package io.modelcards.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** serve joins search-index.js from each model's items as bytes: the same file as the build's script of all entries. */
class SearchIndexJoinTest {
    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static void assertJoinedIsScript(List<List<SearchIndex.Entry>> perModel) {
        List<SearchIndex.Entry> all = new ArrayList<>();
        List<byte[]> parts = new ArrayList<>();
        for (List<SearchIndex.Entry> entries : perModel) {
            all.addAll(entries);
            parts.add(utf8(SearchIndex.items(entries)));
        }
        assertArrayEquals(utf8(SearchIndex.script(all)), SearchIndex.joined(parts));
    }

    @Test
    void joinsModelsWithNonAsciiTextAndSkipsThoseWithoutEntries() {
        var a = new SearchIndex.Entry("Modèle Ω", "model", "models/a/index.html", "résumé – 7B × 2 ≤ 😀");
        var b = new SearchIndex.Entry("B", "variant", "models/b/index.html#row-1", "");
        var c = new SearchIndex.Entry("C \"quoted\" </script>", "model", "models/c/index.html", "line\nbreak");
        assertJoinedIsScript(List.of(List.of(a), List.of(), List.of(b, c), List.of()));
    }

    @Test
    void joinsNoEntriesAtAll() {
        assertJoinedIsScript(List.of());
        assertJoinedIsScript(List.of(List.of(), List.of()));
    }
}
