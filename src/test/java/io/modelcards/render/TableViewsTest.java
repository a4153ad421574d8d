package io.modelcards.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelcards.TestContent;
import io.modelcards.diag.Diagnostics;
import io.modelcards.model.Table;
import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Stated changes signed and judged; sort buttons only where there are values; the label columns pinned. */
class TableViewsTest {
    private static Table table(String markdown) {
        return TestContent.parse("content/t.md", markdown, new Diagnostics()).get(0).tables().get(0);
    }

    /** data-sort is left out only where site.js, reading the cell's text with parseFloat, gets the sort key itself. */
    @ParameterizedTest(name = "''{0}'' read as {1}: {2}")
    @CsvSource({
            "'22.5 (17.8)', 22.5, true",
            "'  7.7/25.1/10.7', 7.7, true",
            "'22.50', 22.5, true",          // another spelling of the same number
            "'22.5e3', 22.5, false",        // parseFloat reads 22500
            "'22.57', 22.5, false",
            "'22.5.1', 22.5, true",         // parseFloat stops at the second point
            "'5.', 5, true",
            "'-0.5', -0.5, true",
            "'+4.0', 4.0, true",
            "'−0.5', -0.5, false",      // a minus sign parseFloat does not read
            "'n/a 3', 3, false",
            "'3', 3, true"})
    void leavesOutTheSortKeyOnlyWhereTheTextReadsAsIt(String text, String key, boolean reads) {
        assertEquals(reads, TableViews.readsAs(text, key));
    }

    @ParameterizedTest(name = "{0} in a {1}-is-better column: {2} {3}")
    @CsvSource({
            "4.0, higher, +4.0, better",
            "-22.7, higher, \u221222.7, worse",
            "-0.5, lower, \u22120.5, better",     // a word error rate that falls
            "1.2, lower, +1.2, worse",
            "0.0, higher, 0.0, same",
            "3, '', +3, better"})                 // direction unknown: by the sign
    void signsAndJudgesAChange(String delta, String better, String signed, String judgement) {
        BigDecimal d = new BigDecimal(delta);
        assertEquals(signed, CellMarkup.signed(d));
        assertEquals(judgement, CellMarkup.judgement(d, better));
        String html = CellMarkup.change(d, better);
        assertEquals("<span class=\"delta-" + judgement + "\">" + signed + "</span>", html);
    }

    @Test
    void aDeltaCellShowsItsValueAndItsSignedChange() {
        Table t = table("# M\n\n| Model | VQAv2<br>acc. | Wino<br>group/text/image |\n|---|---|---|\n"
                + "| X | 37.4 (-22.7) | 9.2/20.0/25.0 (1.2/1.2/-2.5) |\n");
        assertEquals("37.4 <span class=\"delta delta-worse\">(\u221222.7)</span>", CellMarkup.html(t.cell(0, 1), "higher"));
        String composite = CellMarkup.html(t.cell(0, 2), "higher");
        assertTrue(composite.startsWith("9.2/20.0/25.0 <span class=\"delta\">(<span class=\"delta-better\">+1.2"), composite);
        assertTrue(composite.contains("/<span class=\"delta-worse\">\u22122.5"), composite);
    }

    @Test
    void onlyColumnsWithValuesToCompareSort() {
        Table t = table("# M\n\n| Model | Size | License | Flag | Score |\n|---|---|---|---|---|\n"
                + "| a | 7B | mit | ✔ | 1.0 |\n| b | 13B | apache | ✖ | 2.0 |\n| c | 70B | mit | ✔ | - |\n");
        assertArrayEquals(new boolean[] {false, true, false, true, true}, TableViews.sortingColumns(t, 5));
        var view = TableViews.of(t, "T");
        assertTrue(view.sortable());
        assertFalse(view.headHtml().contains("<th scope=\"col\" class=\"pin pin-1\" aria-sort"), view.headHtml());
        assertTrue(view.headHtml().contains("aria-sort=\"none\">Size"), view.headHtml());
        assertFalse(TableViews.of(table("# M\n\n| Model | Note |\n|---|---|\n| a | x |\n| b | y |\n"), "T").sortable(),
                "a table of labels has nothing to sort");
    }

    @Test
    void pinsTheRowHeaderAndTheRowsOwnLabelAfterAGroupColumn() {
        Table grouped = table("# M\n\n| Model | Shots | A | B |\n|---|---|---|---|\n| X 9B | 0 | 1.0 | 2.0 |\n"
                + "| | 4 | 1.5 | 2.5 |\n| X 80B | 0 | 3.0 | 4.0 |\n");
        assertEquals(2, TableViews.pinnedColumns(grouped, 4));
        String body = TableViews.of(grouped, "T").bodyHtml();
        assertTrue(body.contains("<th scope=\"row\" class=\"pin pin-1\">X 9B</th><td class=\"pin pin-2\" data-type=\"number\">0</td>"), body);
        Table plain = table("# M\n\n| Model | A | B | C |\n|---|---|---|---|\n| X | 1.0 | 2.0 | 3.0 |\n| Y | 1.5 | 2.5 | 3.5 |\n");
        assertEquals(1, TableViews.pinnedColumns(plain, 4));
        assertEquals(0, TableViews.pinnedColumns(table("# M\n\n| A |\n|---|\n| 1 |\n"), 1));
    }

    @Test
    void theReasonOfAFixReadsAsASentence() {
        assertEquals("The other rows of column \"Chat\" link to …-chat (rule: column pattern).",
                TableViews.why("row 13B, column Chat: the other rows of column \"Chat\" link to …-chat (rule: column pattern)"));
        assertEquals("Forced in content/curated.yaml.", TableViews.why("forced in content/curated.yaml"));
    }
}
