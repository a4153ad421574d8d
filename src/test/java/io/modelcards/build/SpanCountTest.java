package io.modelcards.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every rowspan and colspan of the cards' HTML tables reaches the built model pages ({@link SpanCount}). */
class SpanCountTest {
    @ParameterizedTest
    @ValueSource(strings = {"src/test/resources/spans/content", "src/test/resources/golden/spans/content"})
    void everySpanOfTheSourceIsInTheOutput(String folder) {
        Path content = Path.of(folder);
        Map<String, SpanCount.Counts> in = SpanCount.inSources(content);
        assertFalse(in.isEmpty(), "cards with spans in " + folder);
        BuildResult result = new SiteBuilder().render(BuildOptions.defaults().withContent(content).withReport(null));
        Map<String, SpanCount.Counts> out = SpanCount.inOutput(result);
        in.forEach((card, counts) -> assertEquals(counts, SpanCount.of(out, card), card + ": spans in the source vs on the page"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"src/test/resources/spans/content"})
    void countsTheRealTables(String folder) {
        // Qwen-VL: 2 rowspans and 2 colspans in its header, a rowspan=10 in its body; Kimi K2: 2 rowspans and 4
        // colspan section rows; Qwen2-Audio: 3 rowspans and a colspan in its header, 20 rowspans in its body
        Map<String, SpanCount.Counts> in = SpanCount.inSources(Path.of(folder));
        assertEquals(new SpanCount.Counts(3, 2), in.get("qwen-vl.md"));
        assertEquals(new SpanCount.Counts(2, 4), in.get("kimi-k2.md"));
        assertEquals(new SpanCount.Counts(23, 1), in.get("qwen2-audio.md"));
    }
}
