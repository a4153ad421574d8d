package io.modelcards.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelcards.TestContent;
import io.modelcards.diag.Diagnostics;
import io.modelcards.model.Cell;
import io.modelcards.model.Model;
import io.modelcards.model.Row;
import io.modelcards.model.Table;
import java.util.List;
import org.junit.jupiter.api.Test;

class TableExtractionTest {
    private static Table only(String markdown) {
        var d = new Diagnostics();
        Model m = TestContent.parse("content/t.md", markdown, d).get(0);
        assertEquals(1, m.tables().size(), "tables in " + markdown);
        return m.tables().get(0);
    }

    private static List<String> texts(Row row) {
        return row.cells().stream().map(Cell::text).toList();
    }

    @Test
    void markdownTableKeepsEveryRowAndCellAndItsLines() {
        Table t = only("# M\n\n| Size | Params |\n|---|---|\n| tiny | 39 M |\n| base | 74 M |\n");
        assertEquals(List.of("Size", "Params"), t.columns().stream().map(c -> c.text()).toList());
        assertEquals(2, t.rows().size());
        assertEquals(List.of("tiny", "39 M"), texts(t.rows().get(0)));
        assertEquals(5, t.rows().get(0).origin().line());
        assertEquals(3, t.origin().line());
    }

    @Test
    void tableRightAfterAParagraphLineIsStillATable() {
        Table t = only("# M\n\nWe use these parameters:\n| Parameters | | A |\n| -- | -- | -- |\n| Training | Steps | 22K |\n| | Decay | 0.1 |\n");
        assertEquals(2, t.rows().size());
        assertEquals(List.of("", "Decay", "0.1"), texts(t.rows().get(1)));
        assertEquals("Training", t.rows().get(1).group(), "a blank first cell continues the group above");
    }

    @Test
    void headerWithLineBreakNamesBenchmarkAndMetric() {
        Table t = only("# M\n\n| Model | <nobr>VQAv2<br>OE VQA acc.</nobr> | <nobr>Winoground<br>group/text/image</nobr> |\n|:--|--:|--:|\n| X | 60.0 | 8.0/18.75/22.5 |\n");
        assertEquals("VQAv2", t.columns().get(1).benchmark());
        assertEquals("OE VQA acc.", t.columns().get(1).metric());
        assertEquals(List.of("group", "text", "image"), t.columns().get(2).parts());
        assertTrue(t.columns().get(1).html().contains("class=\"nowrap\""), t.columns().get(1).html());
    }

    @Test
    void rawHtmlTableWithAnUnclosedCellKeepsEveryCellAndLink() {
        String html = "# M\n\n<table>\n  <thead>\n    <tr><th></th><th>name</th><th>Checkpoint</th><th>Config</th></tr>\n  </thead>\n  <tbody>\n"
                + "    <tr>\n      <th>1</th>\n      <td>T</td>\n      <td><a href=\"https://e.org/t.pth\">GitHub link</a> | <a href=\"https://h.org/t.pth\">HF link</a></td>\n      <td><a href=\"https://e.org/t.py\">link</a></td>\n    </tr>\n"
                + "    <tr>\n      <th>2</th>\n      <td>B</td>\n      <td><a href=\"https://e.org/b.pth\">GitHub link</a>  | <a href=\"https://h.org/b.pth\">HF link</a> \n      <td><a href=\"https://e.org/b.py\">link</a></td>\n    </tr>\n  </tbody>\n</table>\n";
        Table t = only(html);
        assertEquals(4, t.columns().size());
        assertEquals(2, t.rows().size());
        Row b = t.rows().get(1);
        assertEquals(4, b.cells().size(), "the unclosed <td> ends where the next cell starts");
        assertEquals(List.of("https://e.org/b.pth", "https://h.org/b.pth"), b.cells().get(2).links().stream().map(l -> l.href()).toList());
        assertEquals("https://e.org/b.py", b.cells().get(3).links().get(0).href());
        assertEquals(15, b.origin().line(), "a row is placed at its first cell");
        assertEquals(17, b.cells().get(2).links().get(0).origin().line());
    }

    @Test
    void brLineBeforeAParagraphDoesNotHideItsMarkdownLinks() {
        var d = new Diagnostics();
        Model m = TestContent.parse("content/t.md", "# M\n\n<br>\nSee [Yang et al.](https://arxiv.org/abs/2109.05014) for *RICES*.\n", d).get(0);
        assertEquals(1, m.links().size());
        assertEquals("https://arxiv.org/abs/2109.05014", m.links().get(0).href());
        assertEquals(4, m.links().get(0).origin().line());
    }

    @Test
    void rowsWithOtherCellCountsAreKeptAndReported() {
        var d = new Diagnostics();
        Model m = TestContent.parse("content/t.md", "# M\n\n<table><tr><th>a</th><th>b</th></tr><tr><td>1</td><td>2</td><td>3</td></tr></table>\n", d).get(0);
        assertEquals(3, m.tables().get(0).rows().get(0).cells().size());
        assertTrue(d.formatted().stream().anyMatch(s -> s.contains("warning: table row has 3 cells but the header has 2")), d.formatted().toString());
    }

    /**
     * Inline tags and markup in a Markdown cell are written as GitHub shows them, without the line break flexmark ends
     * a lone node with ("x<sup>2</sup>" read "x 2"); the sanitizer keeps the safe tags (and makes nobr a span).
     */
    @Test
    void inlineTagsInMarkdownCellsAddNoSpace() {
        Table t = only("# M\n\n| Model | Score |\n|---|---|\n| a<br>b | <b>55.8</b> |\n| <nobr>c d</nobr> | x<sup>2</sup> |\n| **55.8**% | `a`b |\n");
        Row first = t.rows().get(0);
        assertEquals("a<br>b", first.cells().get(0).html());
        assertEquals("<b>55.8</b>", first.cells().get(1).html());
        assertEquals(List.of("a b", "55.8"), texts(first));
        Row second = t.rows().get(1);
        assertEquals("<span class=\"nowrap\">c d</span>", second.cells().get(0).html());
        assertEquals("x<sup>2</sup>", second.cells().get(1).html());
        assertEquals(List.of("c d", "x2"), texts(second));
        assertEquals(List.of("55.8%", "ab"), texts(t.rows().get(2)));
    }
}
