package io.modelcards.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelcards.TestContent;
import io.modelcards.diag.Diagnostics;
import io.modelcards.model.Cell;
import io.modelcards.model.Model;
import io.modelcards.model.Row;
import io.modelcards.model.Table;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Tables as grids: spans expanded, header rows found by markup, headers of every cell resolved through spans. */
class TableGridTest {
    private Diagnostics diagnostics;

    private Table only(String markdown) {
        diagnostics = new Diagnostics();
        Model m = TestContent.parse("content/t.md", markdown, diagnostics).get(0);
        assertEquals(1, m.tables().size(), "tables in " + markdown + ": " + m.blocks());
        return m.tables().get(0);
    }

    private static List<String> texts(Row row) {
        return row.cells().stream().map(Cell::text).toList();
    }

    private List<String> warnings() {
        return diagnostics.formatted().stream().filter(s -> s.contains("warning")).toList();
    }

    @Nested
    @DisplayName("spans")
    class Spans {
        @Test
        void rowspanCarriesDownSoScoresStayUnderTheirColumns() {
            Table t = only("# M\n\n<table><tr><th>Category</th><th>Benchmark</th><th>Score</th></tr>\n"
                    + "<tr><td rowspan=\"2\">Knowledge</td><td>MMLU</td><td>70.1</td></tr>\n"
                    + "<tr><td>ARC</td><td>60.2</td></tr></table>\n");
            assertEquals(List.of("Knowledge", "ARC", "60.2"), texts(t.rows().get(1)));
            assertEquals(new Cell.Span(2, 1, 0, 0), t.cell(0, 0).span());
            assertEquals(new Cell.Span(1, 1, 1, 0), t.cell(1, 0).span());
            assertTrue(t.cell(1, 0).links().isEmpty());
            assertEquals(List.of("Knowledge", "ARC"), t.rowHeaders(1));
            assertEquals(List.of("Score"), t.columnHeaders(2));
            assertEquals(2, t.rowHeaderColumns());
            assertEquals("Knowledge", t.rows().get(1).group(), "the covered label continues the group");
            assertTrue(warnings().isEmpty(), warnings().toString());
        }

        @Test
        void colspanFillsTheRowWithoutACellCountWarning() {
            Table t = only("# M\n\n<table><tr><th>Model</th><th>A</th><th>B</th></tr>\n"
                    + "<tr><td colspan=3><strong>Base models</strong></td></tr>\n"
                    + "<tr><td>X</td><td>1</td><td>2</td></tr></table>\n");
            assertEquals(3, t.rows().get(0).cells().size());
            assertTrue(t.isSectionRow(0));
            assertEquals(List.of("Base models", "X"), t.rowHeaders(1));
            assertEquals(List.of("Base models"), t.rowHeaders(0));
            assertTrue(warnings().isEmpty(), warnings().toString());
        }

        @Test
        void rowspanZeroAndHugeValuesAreClampedToTheTable() {
            Table t = only("# M\n\n<table><thead><tr><th>a</th><th>b</th></tr></thead><tbody>\n"
                    + "<tr><td rowspan=0>x</td><td colspan=1000>1</td></tr>\n"
                    + "<tr><td>2</td></tr><tr><td rowspan=99>3</td></tr></tbody></table>\n");
            assertEquals(new Cell.Span(3, 1, 0, 0), t.cell(0, 0).span(), "rowspan=0 runs to the end of the tbody");
            assertEquals(Cell.Span.ONE, t.cell(0, 1).span(), "colspan=1000 stops at the table's width");
            assertEquals(Cell.Span.ONE, t.cell(2, 1).span(), "rowspan=99 on the last row spans nothing");
            assertEquals(List.of("x", "3"), texts(t.rows().get(2)));
            assertTrue(warnings().isEmpty(), warnings().toString());
        }

        @Test
        void aColumnOfRowNumbersDoesNotNameTheRow() {
            Table t = only("# M\n\n<table><thead><tr><th></th><th>model</th><th>acc</th></tr></thead>\n"
                    + "<tr><th>1</th><td>tiny</td><td>0.5</td></tr><tr><th>2</th><td>base</td><td>0.7</td></tr></table>\n");
            assertEquals(List.of("base"), t.rowHeaders(1));
            assertEquals(2, t.rowHeaderColumns());
        }

        @Test
        void rowWiderThanTheHeaderIsStillReported() {
            only("# M\n\n<table><tr><th>a</th><th>b</th></tr><tr><td colspan=2>1</td><td>2</td></tr></table>\n");
            assertEquals(1, warnings().size(), warnings().toString());
            assertTrue(warnings().get(0).contains("table row has 3 cells but the header has 2"), warnings().toString());
        }
    }

    @Nested
    @DisplayName("header rows")
    class HeaderRows {
        @Test
        void multiRowHeaderStacksOverEachColumn() {
            Table t = only("# M\n\n<table><tr><th rowspan=2>Model</th><th colspan=2>MMLU</th></tr>\n"
                    + "<tr><th>5-shot</th><th>0-shot</th></tr>\n<tr><td>X</td><td>70.1</td><td>65.0</td></tr></table>\n");
            assertEquals(2, t.headerRows().size());
            assertEquals(1, t.rows().size());
            assertEquals(List.of("MMLU", "5-shot"), t.columnHeaders(1));
            assertEquals(List.of("MMLU", "0-shot"), t.columnHeaders(2));
            assertEquals(List.of("Model"), t.columnHeaders(0));
            assertEquals("MMLU", t.columns().get(1).benchmark());
            assertEquals("5-shot", t.columns().get(1).metric());
            assertEquals("MMLU 0-shot", t.columns().get(2).text());
        }

        @Test
        void boldCellRowsAndASubHeaderUnderAColspanAreHeaders() {
            Table t = only("# M\n\n<table><tr><td><b>Model</b></td><td colspan=2><strong>GSM8K</strong></td></tr>\n"
                    + "<tr><td></td><td>5-shot</td><td>8-shot</td></tr>\n<tr><td>X</td><td>50.0</td><td>55.5</td></tr></table>\n");
            assertEquals(2, t.headerRows().size());
            assertEquals(List.of("GSM8K", "8-shot"), t.columnHeaders(2));
            assertEquals(List.of("X"), t.rowHeaders(0));
        }

        @Test
        void firstRowOfWordsInATableWithoutThIsTheHeader() {
            Table t = only("# M\n\n<table><tr><td>Model</td><td>Score</td></tr><tr><td>X</td><td>1.5</td></tr></table>\n");
            assertEquals(List.of("Model", "Score"), t.columns().stream().map(c -> c.text()).toList());
            assertEquals(1, t.rows().size());
        }

        @Test
        void firstRowWithNumbersStaysData() {
            Table t = only("# M\n\n<table><tr><td>X</td><td>1.5</td></tr><tr><td>Y</td><td>2.5</td></tr></table>\n");
            assertTrue(t.columns().isEmpty());
            assertEquals(2, t.rows().size());
        }

        @Test
        void boldSectionRowBelowATheadStaysInTheBody() {
            Table t = only("# M\n\n<table><thead><tr><th>Benchmark</th><th>A</th></tr></thead><tbody>\n"
                    + "<tr><td colspan=2><strong>Coding</strong></td></tr><tr><td>HumanEval</td><td>80</td></tr></tbody></table>\n");
            assertTrue(t.headerRows().isEmpty());
            assertEquals(2, t.rows().size());
            assertEquals(List.of("Coding", "HumanEval"), t.rowHeaders(1));
        }
    }

    @Nested
    @DisplayName("blank lines in an HTML table")
    class BlankLines {
        @Test
        void tableGoesOnPastBlankLinesWithItsLines() {
            Table t = only("# M\n\n<table>\n<tr><th>Model</th><th>Score</th></tr>\n\n<tr>\n<td>X</td>\n\n    <td>1.5</td>\n</tr>\n\n"
                    + "<tr><td>Y</td><td>2.5</td></tr>\n</table>\n\nAfter.\n");
            assertEquals(2, t.rows().size());
            assertEquals(List.of("X", "1.5"), texts(t.rows().get(0)));
            assertEquals(7, t.rows().get(0).origin().line());
            assertEquals(12, t.rows().get(1).origin().line());
        }

        @Test
        void tableWithBlankLinesInsideDetailsStaysInside() {
            diagnostics = new Diagnostics();
            Model m = TestContent.parse("content/t.md", "# M\n\n<details><summary>Scores</summary>\n\n<table>\n"
                    + "<tr><th>Model</th><th>Score</th></tr>\n\n<tr><td>X</td><td>1.5</td></tr>\n</table>\n\n</details>\n\nAfter.\n",
                    diagnostics).get(0);
            List<String> kinds = m.blocks().stream().map(b -> b.getClass().getSimpleName()).toList();
            assertEquals(List.of("DetailsStart", "TableBlock", "DetailsEnd", "Prose"), kinds);
            assertEquals(List.of("X", "1.5"), texts(m.tables().get(0).rows().get(0)));
        }

        @Test
        void unclosedTableIsLeftAsItWas() {
            diagnostics = new Diagnostics();
            Model m = TestContent.parse("content/t.md", "# M\n\n<table><tr><td>a</td><td>b</td></tr>\n\n## Next\n\nText.\n",
                    diagnostics).get(0);
            assertEquals(1, m.tables().size());
            assertTrue(m.blocks().stream().anyMatch(b -> b instanceof io.modelcards.model.Block.Heading), m.blocks().toString());
        }

        @Test
        void tableInsideAListItemIsATable() {
            Table t = only("# M\n\n- Retrieval:\n\n  <table>\n  <tr><th>Model</th><th>R@1</th></tr>\n\n  <tr><td>X</td><td>9.5</td></tr>\n  </table>\n");
            assertEquals(List.of("X", "9.5"), texts(t.rows().get(0)));
        }
    }

    @Nested
    @DisplayName("GFM tables as GitHub reads them")
    class Gfm {
        @Test
        void shortRowsArePaddedWithoutAWarning() {
            Table t = only("# M\n\nModel | A | B\n--- | --- | ---\nX | 1\n");
            assertEquals(List.of("X", "1", ""), texts(t.rows().get(0)));
            assertTrue(warnings().isEmpty(), warnings().toString());
        }

        @Test
        void extraCellsAreKeptAndTheAuthorIsTold() {
            Table t = only("# M\n\n| Model | A |\n|---|---|\n| X | 1 | 2 |\n");
            assertEquals(List.of("X", "1", "2"), texts(t.rows().get(0)));
            assertEquals(List.of("content/t.md:5: warning: table row has 3 cells but the header has 2; GitHub does not show the last 1"),
                    warnings());
        }

        @Test
        void anEmptyCellPastTheEndIsNoWarning() {
            Table t = only("# M\n\n| Lang | F1 |\n|---|---|\n| ET | 0.572 ||\n");
            assertEquals(3, t.rows().get(0).cells().size());
            assertTrue(warnings().isEmpty(), warnings().toString());
        }

        @Test
        void emptyHeaderKeepsItsColumns() {
            Table t = only("# M\n\n| | |\n|---|---|\n| a | 1 |\n");
            assertEquals(2, t.columns().size());
            assertEquals(List.of(), t.columnHeaders(0));
            assertFalse(t.hasBodySpans());
        }
    }
}
