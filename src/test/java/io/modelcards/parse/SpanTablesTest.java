package io.modelcards.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelcards.TestContent;
import io.modelcards.diag.Diagnostics;
import io.modelcards.model.Cell;
import io.modelcards.model.Model;
import io.modelcards.model.Table;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Three real tables with rowspan and colspan from modern/ (src/test/resources/spans/content, each file names its
 * repository, commit and lines), pinned cell by cell: every grid cell's text, value, span, row headers and column
 * headers, in spans/expected/&lt;name&gt;.tsv. Accept reviewed changes with {@code -Dgolden.update=true}.
 */
class SpanTablesTest {
    private static final Path SPANS = Path.of("src/test/resources/spans");

    static Table table(String name) throws IOException {
        String text = Files.readString(SPANS.resolve("content/" + name + ".md"), StandardCharsets.UTF_8);
        var d = new Diagnostics();
        List<Model> models = TestContent.parse("content/" + name + ".md", text, d);
        assertEquals(1, models.size());
        assertEquals(1, models.get(0).tables().size(), "one table in " + name + "; " + models.get(0).blocks());
        assertTrue(d.all().stream().noneMatch(x -> x.message().contains("cells but the header")), d.formatted().toString());
        return models.get(0).tables().get(0);
    }

    /** One line per grid cell: row, column, span, text, value, row headers, column headers. */
    static String listing(Table t) {
        StringBuilder sb = new StringBuilder("row\tcolumn\tspan\ttext\tvalue\trow headers\tcolumn headers\n");
        for (int r = 0; r < t.rows().size(); r++) {
            for (int c = 0; c < t.rows().get(r).cells().size(); c++) {
                Cell cell = t.cell(r, c);
                Cell.Span s = cell.span();
                String span = s.isCovered() ? "^" + s.up() + "<" + s.left() : s.isSpanning() ? s.rows() + "x" + s.columns() : "";
                String value = cell.value().type() + (cell.value().sortKey() == null ? "" : " " + cell.value().sortKey().toPlainString());
                sb.append(r).append('\t').append(c).append('\t').append(span).append('\t')
                        .append(cell.text().replace('\t', ' ')).append('\t').append(value).append('\t')
                        .append(String.join(" / ", t.rowHeaders(r))).append('\t')
                        .append(String.join(" / ", t.columnHeaders(c))).append('\n');
            }
        }
        return sb.toString();
    }

    @ParameterizedTest
    @ValueSource(strings = {"qwen-vl", "kimi-k2", "qwen2-audio"})
    void realSpanTableReadsCellByCell(String name) throws IOException {
        String actual = listing(table(name));
        Path expected = SPANS.resolve("expected/" + name + ".tsv");
        if (Boolean.getBoolean("golden.update")) Files.writeString(expected, actual, StandardCharsets.UTF_8);
        List<String> want = Files.readAllLines(expected, StandardCharsets.UTF_8);
        List<String> got = actual.lines().toList();
        for (int i = 0; i < Math.min(want.size(), got.size()); i++) {
            assertEquals(want.get(i), got.get(i), expected + ": first difference at line " + (i + 1));
        }
        assertEquals(want.size(), got.size(), expected + ": line count");
    }
}
