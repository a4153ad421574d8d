package io.modelcards.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.modelcards.render.Views.BlockRun;
import io.modelcards.render.Views.BlockView;
import io.modelcards.render.Views.TableView;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The blocks of a model page as one piece of markup between two tables, escaped as the template escaped them. */
class BlockRunsTest {
    private static final TableView TABLE = new TableView("table-1", "T", "benchmark", List.of(), List.of(), List.of(), "", true);

    private static BlockView heading(int level, String text, String id) {
        return new BlockView("heading", level, id, text, "", "", false, List.of(), null);
    }

    private static BlockView prose(String html) {
        return new BlockView("prose", 0, "", html, "", "", false, List.of(), null);
    }

    private static BlockView table() {
        return new BlockView("table", 0, "fig-table-1", "", "", "", false, List.of(), TABLE);
    }

    @Test
    void blocksBetweenTablesAreOnePieceEachOnItsLine() {
        List<BlockRun> runs = BlockRuns.of(List.of(heading(2, "Results & <notes>", "results"), prose("<p>a</p>\n"),
                table(), prose("<p>b</p>\n")));
        assertEquals(2, runs.size());
        assertEquals("<h2 id=\"results\"><span>Results &amp; &lt;notes&gt;</span></h2>\n<div class=\"prose\"><p>a</p>\n</div>\n",
                runs.get(0).html());
        assertSame(TABLE, runs.get(0).table());
        assertEquals("fig-table-1", runs.get(0).id());
        assertEquals("\n<div class=\"prose\"><p>b</p>\n</div>\n", runs.get(1).html(), "the table's figure ends its line");
        assertNull(runs.get(1).table());
    }

    @Test
    void aTableLastLeavesTheLineBreakAfterItsFigure() {
        List<BlockRun> runs = BlockRuns.of(List.of(table()));
        assertEquals(2, runs.size());
        assertEquals("", runs.get(0).html());
        assertEquals("\n", runs.get(1).html());
        assertEquals(List.of(), BlockRuns.of(List.of()));
    }

    @Test
    void codeListsAndRawBlocksKeepTheirMarkup() {
        List<BlockRun> runs = BlockRuns.of(List.of(
                new BlockView("code", 0, "", "", "py\"x", "a &lt; b", false, List.of(), null),
                new BlockView("code", 0, "", "", "", "plain", false, List.of(), null),
                new BlockView("list", 0, "", "", "", "", true, List.of("<b>one</b>", "two"), null),
                new BlockView("list", 0, "", "", "", "", false, List.of("x"), null),
                new BlockView("raw", 0, "", "</details>", "", "", false, List.of(), null),
                heading(6, "Deep", "deep"), heading(1, "Never", "never")));
        assertEquals("<pre class=\"code\" tabindex=\"0\" data-lang=\"py&quot;x\"><code class=\"language-py&quot;x\">a &lt; b</code></pre>\n"
                + "<pre class=\"code\" tabindex=\"0\"><code>plain</code></pre>\n"
                + "<ol><li><b>one</b></li><li>two</li></ol>\n"
                + "<ul><li>x</li></ul>\n"
                + "</details>\n"
                + "<h5 id=\"deep\"><span>Deep</span></h5>\n"
                + "\n", runs.get(0).html());
    }
}
