package io.modelcards.parse;

import java.util.List;
import org.jsoup.nodes.Element;

/**
 * How many leading rows of an HTML table are its header, found by markup: the rows in {@code <thead>}; without
 * a thead, the leading rows of {@code <th>} cells or of cells that are bold only
 * ({@code <td><strong>…</strong></td>}, at least two of them), or else, in a table without any {@code <th>}, a
 * first row without numbers. A header grows by the rows below it that hold no numbers and at least two texts
 * (a lone "English (en)" across the table heads a section of the body) and that a header cell spans into
 * ({@code rowspan}), or whose cells, but for the first, all sit under header cells spanning several columns but
 * not all ("5-shot" and "0-shot" under {@code <td colspan="2">MMLU</td>}).
 */
final class HtmlHeaderRows {
    private HtmlHeaderRows() {}

    /**
     * @param grid the rows laid out with their spans as the browser groups them ({@link SpanGrid})
     */
    static int count(List<Element> trs, List<List<Element>> cells, List<List<RawCell>> rows, List<List<GridCell>> grid) {
        int n = trs.size();
        int k = 0;
        boolean thead = trs.stream().anyMatch(HtmlHeaderRows::inThead);
        // with a thead, the author said where the header is; a bold row below it is a section of the body
        if (thead) while (k < n && inThead(trs.get(k))) k++;
        else while (k < n && isHeaderRow(cells.get(k))) k++;
        if (k == 0 && n >= 2 && !hasTh(cells) && hasText(rows.get(0)) && !hasNumber(rows.get(0))) k = 1;
        if (k == 0) return 0;
        while (k < n - 1 && !hasNumber(rows.get(k)) && texts(rows.get(k)) >= 2
                && (spannedInto(grid, k) || underColspans(grid, k))) {
            k++;
        }
        return k;
    }

    private static boolean inThead(Element tr) {
        Element parent = tr.parent();
        return parent != null && parent.normalName().equals("thead");
    }

    /**
     * A row of th cells, or of bold-only cells; one cell alone (a section heading such as "Coding Tasks" across
     * the table) is not a header row.
     */
    private static boolean isHeaderRow(List<Element> cells) {
        if (cells.isEmpty()) return false;
        if (cells.stream().allMatch(c -> c.normalName().equals("th"))) return true;
        int bold = 0;
        for (Element c : cells) {
            if (c.text().isBlank()) continue;
            if (!isBoldOnly(c)) return false;
            bold++;
        }
        return bold >= 2;
    }

    /** Every piece of text in the cell is inside {@code <strong>} or {@code <b>}. */
    private static boolean isBoldOnly(Element cell) {
        for (var t : cell.textNodes()) if (!t.isBlank()) return false;
        for (Element child : cell.children()) {
            String name = child.normalName();
            if (name.equals("strong") || name.equals("b") || name.equals("br")) continue;
            if (!child.text().isBlank() && !isBoldOnly(child)) return false;
        }
        return true;
    }

    private static boolean hasTh(List<List<Element>> cells) {
        for (List<Element> row : cells) for (Element c : row) if (c.normalName().equals("th")) return true;
        return false;
    }

    private static boolean hasText(List<RawCell> row) {
        return row.stream().anyMatch(c -> !c.text().isBlank());
    }

    /** Non-empty cells: a row of one (a section heading such as "English (en)" across the table) is no header. */
    private static int texts(List<RawCell> row) {
        return (int) row.stream().filter(c -> !c.text().isBlank()).count();
    }

    private static boolean hasNumber(List<RawCell> row) {
        return row.stream().anyMatch(c -> CellTyper.type(c.text(), List.of()).sortKey() != null);
    }

    /** A cell of the rows above {@code k} spans down into row k. */
    private static boolean spannedInto(List<List<GridCell>> grid, int k) {
        if (k >= grid.size()) return false;
        for (GridCell g : grid.get(k)) if (g.span().up() > 0 && g.span().up() <= k) return true;
        return false;
    }

    /**
     * Every non-empty cell of row k stands under a cell of the row above that spans several columns, but for the
     * first column, which may name the row ("Type" over "Single-Device", "Multi-Device").
     */
    private static boolean underColspans(List<List<GridCell>> grid, int k) {
        if (k >= grid.size()) return false;
        List<GridCell> above = grid.get(k - 1);
        boolean any = false;
        for (int c = 1; c < grid.get(k).size(); c++) {
            GridCell g = grid.get(k).get(c);
            if (g.span().isCovered() || g.raw().text().isBlank()) continue;
            if (c >= above.size()) return false;
            GridCell a = above.get(c);
            int start = c - a.span().left();
            int columns = above.get(start).span().columns();
            // a cell across the whole table titles it ("Label Definitions"); the rows below it are its content
            boolean wide = columns > 1 && columns < above.size();
            if (!wide) return false;
            any = true;
        }
        return any;
    }
}
