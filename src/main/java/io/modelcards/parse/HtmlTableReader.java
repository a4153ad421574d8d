package io.modelcards.parse;

import io.modelcards.diag.Diagnostics;
import io.modelcards.diag.SourcePosition;
import io.modelcards.model.Table;
import io.modelcards.source.SourceFile;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Range;

/**
 * Reads a raw HTML {@code <table>} from a card (parsed by jsoup with positions, so broken forms such as an
 * unclosed {@code <td>} still give every cell) into a {@link Table}: rows laid out as a grid with their
 * rowspans and colspans ({@link SpanGrid}), header rows found by their markup ({@link HtmlHeaderRows}).
 */
final class HtmlTableReader {
    // jsoup's queries, each parsed once: select(String) and closest(String) parse theirs on every call
    private static final org.jsoup.select.Evaluator ROWS = org.jsoup.select.QueryParser.parse("tr");
    private static final org.jsoup.select.Evaluator TABLE = org.jsoup.select.QueryParser.parse("table");

    private final HtmlSanitizer sanitizer;

    HtmlTableReader(HtmlSanitizer sanitizer) {
        this.sanitizer = sanitizer;
    }

    /**
     * @param raw        the HTML block's text, as parsed by jsoup
     * @param baseOffset offset of {@code raw} in the file's text
     */
    Table read(Element table, String id, String caption, String raw, SourceFile file, int baseOffset,
               Diagnostics diagnostics) {
        List<Element> trs = new ArrayList<>();
        for (Element tr : table.select(ROWS)) {
            if (tr.closest(TABLE) == table) trs.add(tr);
        }
        int line = file.lines().line(baseOffset + Math.max(0, table.sourceRange().startPos()));
        List<List<Element>> elements = new ArrayList<>();
        List<List<RawCell>> rows = new ArrayList<>();
        for (Element tr : trs) {
            List<Element> cells = new ArrayList<>();
            for (Element cell : tr.children()) {
                if (cell.normalName().equals("td") || cell.normalName().equals("th")) cells.add(cell);
            }
            elements.add(cells);
            rows.add(cells(tr, cells, raw, file, baseOffset, diagnostics));
        }
        int[] groups = groups(trs, 0);
        int headerRows = HtmlHeaderRows.count(trs, elements, rows, SpanGrid.expand(rows, groups));
        List<List<GridCell>> grid = SpanGrid.expand(rows, groups(trs, headerRows));
        List<List<GridCell>> header = new ArrayList<>(grid.subList(0, headerRows));
        List<List<GridCell>> body = new ArrayList<>(grid.subList(headerRows, grid.size()));
        int width = 0;
        for (List<GridCell> h : header) width = Math.max(width, h.size());
        for (int r = 0; r < body.size(); r++) {
            int cells = body.get(r).size();
            // a colspan or rowspan that fills the row's columns explains a count that differs from the header's
            if (width > 0 && cells != width) {
                int at = rows.get(headerRows + r).isEmpty() ? line : rows.get(headerRows + r).get(0).line();
                diagnostics.warning(SourcePosition.of(file.path(), at), "table row has " + cells
                        + " cells but the header has " + width + "; cells are kept as they are");
            }
        }
        return TableBuilder.buildGrid(id, caption, header, body, file.path(), line, diagnostics);
    }

    /**
     * Row groups as HTML has them (each thead, tbody and tfoot; no rowspan runs past its group's end), with the
     * first {@code headerRows} rows one group of their own.
     */
    private static int[] groups(List<Element> trs, int headerRows) {
        int[] groups = new int[trs.size()];
        Map<Element, Integer> ids = new IdentityHashMap<>();
        for (int r = 0; r < trs.size(); r++) {
            Element parent = trs.get(r).parent();
            int id = ids.computeIfAbsent(parent == null ? trs.get(r) : parent, p -> ids.size() + 1);
            groups[r] = r < headerRows ? 0 : id;
        }
        return groups;
    }

    private List<RawCell> cells(Element tr, List<Element> elements, String raw, SourceFile file, int baseOffset,
                                Diagnostics diagnostics) {
        List<RawCell> cells = new ArrayList<>();
        for (Element cell : elements) {
            int pos = cell.sourceRange().isTracked() ? cell.sourceRange().startPos() : tr.sourceRange().startPos();
            var at = file.at(baseOffset + Math.max(0, pos));
            String clean = sanitizer.clean(cell.html(), at, diagnostics);
            String lineText = TableBuilder.lineText(clean);
            cells.add(new RawCell(source(cell, raw), clean, lineText.replace('\n', ' ').strip(), lineText, at.line(),
                    span(cell, "rowspan"), span(cell, "colspan")));
        }
        return cells;
    }

    /** A span attribute as browsers read it: leading digits, 1 when absent or unreadable. */
    private static int span(Element cell, String name) {
        String v = cell.attr(name).strip();
        int end = 0;
        while (end < v.length() && end < 9 && Character.isDigit(v.charAt(end))) end++;
        if (end == 0) return 1;
        return Integer.parseInt(v.substring(0, end));
    }

    /** The cell's inner source text; for an unclosed cell, up to the next cell or the end of its row. */
    private static String source(Element cell, String raw) {
        Range open = cell.sourceRange();
        if (!open.isTracked()) return cell.html();
        int from = open.endPos();
        int to;
        Range close = cell.endSourceRange();
        if (close.isTracked()) {
            to = close.startPos();
        } else {
            Element next = cell.nextElementSibling();
            Range parentClose = cell.parent() == null ? null : cell.parent().endSourceRange();
            if (next != null && next.sourceRange().isTracked()) to = next.sourceRange().startPos();
            else if (parentClose != null && parentClose.isTracked()) to = parentClose.startPos();
            else to = from;
        }
        if (from < 0 || to < from || to > raw.length()) return cell.html();
        return raw.substring(from, to).strip();
    }
}
