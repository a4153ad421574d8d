package io.modelcards.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The inline parser that does not copy the paragraph at every match gives the HTML flexmark's own gives: on inline
 * markup of every kind, reference links (its pre-processor has to be added by hand), and the seed's cards.
 */
class LinearInlineParserTest {
    private static final MarkdownEngine LINEAR = new MarkdownEngine();
    private static final MarkdownEngine FLEXMARK = new MarkdownEngine(false);

    private static void same(String markdown) {
        assertEquals(blocks(FLEXMARK, markdown), blocks(LINEAR, markdown), markdown);
    }

    /** Each top-level block rendered on its own, as the parse stage renders them (links are rendered only so). */
    private static String blocks(MarkdownEngine engine, String markdown) {
        StringBuilder sb = new StringBuilder();
        for (var n = engine.parseCard(markdown).getFirstChild(); n != null; n = n.getNext()) {
            sb.append(engine.render(n)).append("\n--\n");
        }
        return sb.toString();
    }

    @Test
    void inlineMarkupOfEveryKindRendersAsFlexmarkRendersIt() {
        for (String md : List.of(
                "Plain *em* **strong** `code` ``co`de`` ~~gone~~ a\\*b &amp; &copy; &#35; &#x22;",
                "<b>bold</b> <br> <span class=\"x\">s</span> <!-- c --> <?pi?> <![CDATA[x]]> <a href=\"https://a.org\">a</a>",
                "[inline](https://a.org \"title\") [empty]() ![img](a.png 'alt') <https://auto.org> www.example.com https://bare.org/x",
                "[full][ref] [collapsed][] [shortcut] [^1] :rocket: :+1:\n\n[ref]: https://r.org \"T\"\n[collapsed]: <https://c.org>\n[shortcut]: /s\n\n[^1]: note",
                "- [x] done\n- [ ] todo\n\n| a<br>b | [l](https://x.org) |\n|---|---|\n| 1 <i>i</i> | `c|d` |",
                "Broken [link( and <unclosed and `tick and *star and [x]: not a def",
                "Line  \nbreak\\\nand $x^2$ math $$y$$ and a very long line " + "word ".repeat(500))) {
            same(md);
        }
    }

    @Test
    void referenceLinksStillResolve() {
        String html = blocks(LINEAR, "See [icefall][icefall].\n\n[icefall]: https://github.com/k2-fsa/icefall\n");
        assertTrue(html.contains("<a href=\"https://github.com/k2-fsa/icefall\">icefall</a>"), html);
    }

    @Test
    void theSeedAndTheTestCardsRenderAsFlexmarkRendersThem() throws IOException {
        try (Stream<Path> files = Stream.concat(Files.walk(Path.of("content")), Files.walk(Path.of("src/test/resources")))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".md")).sorted().toList()) same(Files.readString(f));
        }
    }
}
