package io.modelcards.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelcards.WildCorpus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Skipping flexmark's table step for paragraphs without a pipe and its autolink step for texts without an address
 * character changes no document: the same HTML as flexmark's own extensions, block by block, on markup made to sit
 * at the edges, the seed, the test cards and a sample of 400 real Hub cards.
 */
class QuickSkipsTest {
    private static final MarkdownEngine QUICK = new MarkdownEngine(true, true);
    private static final MarkdownEngine FULL = new MarkdownEngine(true, false);

    @TempDir
    static Path dir;

    private static void same(String markdown, String where) {
        assertEquals(blocks(FULL, markdown), blocks(QUICK, markdown), where);
    }

    /** Each top-level block rendered on its own, as the parse stage renders them, with the tree's node kinds. */
    private static String blocks(MarkdownEngine engine, String markdown) {
        StringBuilder sb = new StringBuilder();
        for (var n = engine.parseCard(markdown).getFirstChild(); n != null; n = n.getNext()) {
            sb.append(n.getClass().getSimpleName()).append(' ').append(n.getChars().length()).append('\n');
            sb.append(engine.render(n)).append("\n--\n");
        }
        return sb.toString();
    }

    @Test
    void whatTheChecksLetThrough() {
        assertTrue(QuickSkips.mayHoldAddress("see https://x.org"));
        assertTrue(QuickSkips.mayHoldAddress("mail me@x.org"));
        assertTrue(QuickSkips.mayHoldAddress("WWW.EXAMPLE.COM"));
        assertTrue(QuickSkips.mayHoldAddress("https&#58;//x.org"));
        assertFalse(QuickSkips.mayHoldAddress("a plain sentence, with two w's"));
        assertFalse(QuickSkips.mayHoldAddress("ww.example.com"));
    }

    @Test
    void markupAtTheEdgesParsesAsWithFlexmarksOwnSteps() {
        for (String md : List.of(
                "a paragraph\n| a | b |\n|---|---|\n| 1 | 2 |\n\nafter",
                "| one |\n|-|\n| 1 |",
                "a | b\n--|--\n1 | 2",
                "Heading\n---\n\ntext - with dashes\n---|",
                "x\\|y and `a|b` in a paragraph without a table",
                "https://bare.org/x www.example.com WWW.Example.com me@example.com https&#58;//ent.org a\\:b",
                "see <https://auto.org> and [a](https://a.org) and https://x.org/a:rocket:b :rocket:",
                "*https://em.org* **www.strong.org** `https://code.org` ~~me@strike.org~~",
                "| link | https://cell.org |\n|---|---|\n| www.cell.org | me@cell.org |",
                "> quote www.q.org\n>\n> | a |\n> |---|\n> | 1 |",
                "- item https://i.org\n- [x] done www.d.org\n\n1. one | two\n2. three")) {
            same(md, md);
        }
    }

    @Test
    void blocksParseAsWithFlexmarksOwnSteps() {
        // one engine, one document after another: the block steps made for the first serve the rest
        for (String md : List.of(
                "<table>\n<tr><td>1</td></tr>\n</table>\n\nafter",
                "text\n<div>\ninterrupts? no: type 6 may interrupt a paragraph\n</div>",
                "text\n<span>type 7 may not interrupt a paragraph</span>",
                "<span class=\"x\">type 7 alone</span>\n\n<!-- a comment -->\n\n<?php x ?>\n\n<!DOCTYPE html>",
                "<![CDATA[ a ]]>\n\n<pre>\n\nkept\n</pre>\n\n<script>\n\nx\n</script>\n<STYLE>p{}</style>",
                "    <div>indented: code</div>\n\n> <div>in a quote</div>\n\n- <details>\n  <summary>in a list</summary>",
                "# ATX #\n\nSetext\n===\n\n***\n\n- a\n  - b\n1. c\n2) d\n\n```py\nx\n```\n\n~~~\ny\n~~~",
                "> quote\n> - item\n>\n>     code\n\n* * *\n#not a heading\n   ### indented ###",
                "<table>\n<tr><td>1</td></tr>\n</table>\n\nagain, after the others")) {
            same(md, md);
        }
        // flexmark's seven: block quotes, headings, fenced code, HTML blocks, thematic breaks, lists, indented code
        assertEquals(7, QuickSkips.sharedBlockSteps(QUICK.parser()), "the quick engine's block steps are made once");
        assertEquals(0, QuickSkips.sharedBlockSteps(FULL.parser()), "flexmark's own, per document");
    }

    @Test
    void theSeedAndTheTestCardsParseAsWithFlexmarksOwnSteps() throws IOException {
        try (Stream<Path> files = Stream.concat(Files.walk(Path.of("content")), Files.walk(Path.of("src/test/resources")))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".md")).sorted().toList()) same(Files.readString(f), f.toString());
        }
    }

    @Test
    void realCardsParseAsWithFlexmarksOwnSteps() throws Exception {
        Path content = dir.resolve("cards");
        List<Path> cards = WildCorpus.unpack(content, System.getProperty("quickskips.sample", "400"), 23);
        assertTrue(cards.size() >= 400, cards.size() + " cards");
        List<String> differ = new ArrayList<>();
        for (Path f : cards) {
            String md = new String(Files.readAllBytes(f), java.nio.charset.StandardCharsets.UTF_8); // a few are not UTF-8
            if (!blocks(FULL, md).equals(blocks(QUICK, md))) differ.add(content.relativize(f).toString());
        }
        assertEquals(List.of(), differ);
    }
}
