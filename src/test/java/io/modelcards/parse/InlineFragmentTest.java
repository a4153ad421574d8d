package io.modelcards.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelcards.WildCorpus;
import io.modelcards.diag.Diagnostics;
import io.modelcards.model.Block;
import io.modelcards.model.Cell;
import io.modelcards.model.Column;
import io.modelcards.model.Model;
import io.modelcards.model.Row;
import io.modelcards.model.Table;
import io.modelcards.source.SourceFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The parser-free reading of inline fragments gives jsoup's text and links, or declines. */
class InlineFragmentTest {
    @TempDir
    Path dir;

    /** Asserts that {@code html}, when read without jsoup, reads as jsoup reads it; whether it was. */
    private static boolean same(String html) {
        InlineFragment f = InlineFragment.of(html);
        if (f == null) return false;
        Document d = Jsoup.parseBodyFragment(html);
        assertEquals(d.body().text(), f.text(), () -> "text of " + html);
        List<InlineFragment.Anchor> anchors = d.select("a[href]").stream()
                .map(a -> new InlineFragment.Anchor(a.attr("href"), a.text())).toList();
        assertEquals(anchors, f.anchors(), () -> "links of " + html);
        return true;
    }

    @Test
    void readsTheCommonShapes() {
        assertTrue(same("<p>A <em>model</em> by <a href=\"https://a.org/x?a=1&amp;b=2\">its <code>authors</code></a>.</p>\n"));
        assertEquals("A model by its authors.", InlineFragment.of("<p>A <em>model</em> by <a href=\"u\">its <code>authors</code></a>.</p>").text());
        assertEquals(List.of(new InlineFragment.Anchor("https://a.org/x?a=1&b=2", "x y")),
                InlineFragment.of("<a title='t' HREF=\"https://a.org/x?a=1&amp;b=2\" href=\"no\">x  y</a>").anchors());
        assertTrue(same("<img src=\"a.png\" alt=\"x\"/> 37.4 (<strong>-22.7</strong>)"));
        assertTrue(same("<a name=\"x\">no href</a> and <a href>empty</a>"));
        assertTrue(same("&am<em>p;</em> &lt;b&gt; &amp x"));
    }

    @Test
    void declinesWhatJsoupReadsOtherwise() {
        for (String html : List.of("<p>a</p><p>b</p>", "x<br>y", "a &nbsp; b", "a\u00A0b", "a\u200Bb", "a\u00ADb",
                "a\u2003b", "a\u000Bb", "a<b", "a < b", "<!-- c -->x", "<em><a href=\"x\">t</em> u</a>",
                "<a href=\"x\"><a href=\"y\">t</a></a>", "<a href=\"x\">open", "a</em>b", "<div>x</div>",
                "<em x=\"1\"y>z</em>", "<a href=x\"y>t</a>", "<script>x</script>", "<em-x>t</em-x>", "</img>")) {
            assertNull(InlineFragment.of(html), html);
        }
    }

    @Test
    void everyCharacterOfThePlaneReadsAsJsoupReadsItOrIsDeclined() {
        int read = 0;
        for (int c = 0; c < 0x10000; c++) {
            String ch = String.valueOf((char) c);
            if (same("<p>a" + ch + " b<em> " + ch + "c</em>" + ch + "</p>")) read++;
            if (same("<a href=\"u" + ch + "&amp;\">" + ch + "t" + ch + "</a>" + ch)) read++;
        }
        assertTrue(read > 120_000, read + " read without jsoup");
    }

    @Test
    void generatedFragmentsReadAsJsoupReadsThemOrAreDeclined() {
        String[] pieces = {"a", "b c", " ", "  ", "\n", "\t", "x", "1.5", "&amp;", "&lt;", "&gt;", "&quot;", "&#39;", "&am",
                "&nbsp;", "&#160;", "&copy", "&", "<", ">", "\"", "'", "=", "/", "<em>", "</em>", "<strong>", "</strong>",
                "<code>", "</code>", "<a href=\"https://h.org/p?q=1&amp;r=2\">", "<a href='x'>", "<a href=y>", "<a>", "</a>",
                "<a name=\"n\" href=\"z\" href=\"w\">", "<img src=\"i.png\">", "<img src=i.png />", "<br>", "<p>", "</p>",
                "<span class=\"k\">", "</span>", "<sup>", "</sup>", "<b>", "</b>", "<i>", "</i>", "<!-- c -->", "<div>",
                "</div>", "<EM>", "</EM>", "<em/>", "<em title=\"a>b\">", "<a href=\"&quot;q&quot;\">", "\u00A0", "é", "—"};
        Random random = new Random(5);
        int read = 0;
        for (int i = 0; i < Integer.getInteger("inlinefragment.generated", 30_000); i++) {
            StringBuilder html = new StringBuilder();
            if (random.nextInt(3) == 0) html.append("<p>");
            for (int k = random.nextInt(12); k >= 0; k--) html.append(pieces[random.nextInt(pieces.length)]);
            if (html.toString().startsWith("<p>") && random.nextBoolean()) html.append("</p>\n");
            if (same(html.toString())) read++;
        }
        assertTrue(read > 3_000, read + " of 30,000 read without jsoup");
    }

    @Test
    void theProseAndCellsOfTheSeedAndTestCardsReadAsWithJsoup() throws Exception {
        List<Path> cards;
        try (Stream<Path> files = Stream.concat(Files.walk(Path.of("content")), Files.walk(Path.of("src/test/resources")))) {
            cards = files.filter(p -> p.toString().endsWith(".md")).sorted().toList();
        }
        int read = fragmentsOf(cards, Path.of("."));
        assertTrue(read > 500, read + " fragments read without jsoup");
    }

    @Test
    void theProseAndCellsOfRealCardsReadAsWithJsoup() throws Exception {
        Path content = dir.resolve("cards");
        List<Path> cards = WildCorpus.unpack(content, System.getProperty("inlinefragment.sample", "400"), 29);
        assertTrue(cards.size() >= 400, cards.size() + " cards");
        int read = fragmentsOf(cards, content);
        assertTrue(read > 2_000, read + " fragments read without jsoup");
    }

    /** Checks every prose block's, header's and cell's HTML of {@code cards}; how many were read without jsoup. */
    private static int fragmentsOf(List<Path> cards, Path root) throws Exception {
        ModelCardParser parser = new ModelCardParser();
        int read = 0;
        for (Path f : cards) {
            String text = new String(Files.readAllBytes(f), java.nio.charset.StandardCharsets.UTF_8);
            List<String> fragments = new ArrayList<>();
            for (Model m : parser.parseFile(SourceFile.of(root.relativize(f).toString(), text), new Diagnostics())) {
                for (Block b : m.blocks()) {
                    if (b instanceof Block.Prose prose) fragments.add(prose.html());
                    if (b instanceof Block.ListBlock list) fragments.addAll(list.items());
                }
                for (Table t : m.tables()) {
                    for (Column c : t.columns()) fragments.add(c.html());
                    for (Row r : t.rows()) for (Cell c : r.cells()) fragments.add(c.html());
                }
            }
            for (String html : fragments) if (same(html)) read++;
        }
        return read;
    }
}
