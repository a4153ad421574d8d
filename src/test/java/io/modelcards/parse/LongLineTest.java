package io.modelcards.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelcards.TestContent;
import io.modelcards.diag.Diagnostics;
import io.modelcards.model.Block;
import io.modelcards.model.Model;
import io.modelcards.model.Table;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A table row of thousands of code spans (spaCy's label lists, explosion/*_udv25_* on the Hub) parses in time. */
class LongLineTest {
    private static String labels(int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) sb.append(i == 0 ? "" : ", ").append('`').append("LABEL_").append(i).append('`');
        return sb.toString();
    }

    @Test
    void aHugeRowOfCodeSpansKeepsItsCodeAndText() {
        String card = "# Labels\n\n| Component | Labels |\n| --- | --- |\n| **`tagger`** | " + labels(3000) + " |\n\n"
                + "```\n| " + labels(600) + " |\n```\n";
        var d = new Diagnostics();
        Model m = TestContent.parse("content/x.md", card, d).get(0);
        Table t = m.tables().get(0);
        String cell = t.rows().get(0).cells().get(1).html();
        assertTrue(cell.startsWith("<code>LABEL_0</code>, <code>LABEL_1</code>"), cell.substring(0, 80));
        assertTrue(t.rows().get(0).cells().get(1).source().startsWith("`LABEL_0`, `LABEL_1`"));
        assertEquals("<code>tagger</code>", t.rows().get(0).cells().get(0).html().replaceAll("</?strong>", ""));
        List<Block.Code> code = m.codeBlocks();
        assertTrue(code.get(0).code().startsWith("| `LABEL_0`, `LABEL_1`"), "fenced code keeps its backticks");
    }

    @Test
    void shortLinesAreNotMasked() {
        String text = "a `b` c\n";
        assertEquals(text, MathSpans.maskLongLineTicks(text));
    }
}
