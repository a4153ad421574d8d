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

    private static String text(OutputFile f) {
        return new String(f.bytes(), StandardCharsets.UTF_8);
    }

    @Test
    void aSmallIndexIsOneFileTheSameAsTheJoinedScript() {
        List<byte[]> parts = List.of(utf8("{\"t\":\"A\"}"), utf8(""), utf8("{\"t\":\"B\"},{\"t\":\"B2\"}"));
        List<OutputFile> files = SearchIndex.files(parts, SearchIndex.PART_BYTES);
        org.junit.jupiter.api.Assertions.assertEquals(1, files.size());
        org.junit.jupiter.api.Assertions.assertEquals("search-index.js", files.get(0).path());
        assertArrayEquals(SearchIndex.joined(parts), files.get(0).bytes());
        org.junit.jupiter.api.Assertions.assertEquals("window.MODELCARDS_SEARCH = [];\n",
                text(SearchIndex.files(List.of(), SearchIndex.PART_BYTES).get(0)));
    }

    @Test
    void aLargeIndexIsSplitBetweenModelsIntoFilesTheFirstNames() {
        byte[] a = utf8("{\"t\":\"Aaaa\"}"); // 12 bytes
        byte[] b = utf8("{\"t\":\"B\"},{\"t\":\"B2\"}"); // one model's two entries: never split
        byte[] c = utf8("{\"t\":\"" + "C".repeat(40) + "\"}"); // larger than a file: alone
        byte[] d = utf8("{\"t\":\"D\"}");
        List<OutputFile> files = SearchIndex.files(List.of(a, utf8(""), b, c, d), 30);
        org.junit.jupiter.api.Assertions.assertEquals(List.of("search-index.js", "search-index-2.js", "search-index-3.js", "search-index-4.js"),
                files.stream().map(OutputFile::path).toList());
        org.junit.jupiter.api.Assertions.assertEquals("window.MODELCARDS_SEARCH = [{\"t\":\"Aaaa\"}];\n"
                + "window.MODELCARDS_SEARCH_PARTS = [\"search-index-2.js\",\"search-index-3.js\",\"search-index-4.js\"];\n",
                text(files.get(0)));
        org.junit.jupiter.api.Assertions.assertEquals("window.MODELCARDS_SEARCH_PART = [{\"t\":\"B\"},{\"t\":\"B2\"}];\n", text(files.get(1)));
        org.junit.jupiter.api.Assertions.assertEquals("window.MODELCARDS_SEARCH_PART = [" + new String(c, StandardCharsets.UTF_8) + "];\n",
                text(files.get(2)));
        org.junit.jupiter.api.Assertions.assertEquals("window.MODELCARDS_SEARCH_PART = [{\"t\":\"D\"}];\n", text(files.get(3)));
    }
}
