package io.modelcards.parse;

import io.modelcards.model.Cell;
import java.util.ArrayList;
import java.util.List;

/**
 * Lays source rows out as a grid the way browsers do (HTML's "forming a table" algorithm): a cell takes the
 * next free column of its row, a rowspan carries down and a colspan across, rowspan=0 runs to the end of the
 * row group and no rowspan runs past it. Colspans are clamped to the table: a cell may not reach past the
 * widest row that has no colspan, so {@code colspan=100} in a 9-column table spans what is left of it.
 */
final class SpanGrid {
    /** The HTML standard's limits on the attributes. */
    static final int MAX_COLSPAN = 1000;
    static final int MAX_ROWSPAN = 65534;

    private SpanGrid() {}

    /**
     * @param rows  source rows, each with its cells in source order
     * @param group the row group of each row (rows of one thead, tbody, tfoot or detected header share one)
     */
    static List<List<GridCell>> expand(List<List<RawCell>> rows, int[] group) {
        List<List<GridCell>> wide = lay(rows, group, Integer.MAX_VALUE);
        int plainWidth = 0;
        int anyWidth = 0;
        for (int r = 0; r < rows.size(); r++) {
            anyWidth = Math.max(anyWidth, wide.get(r).size());
            if (rows.get(r).stream().allMatch(c -> c.colSpan() <= 1)) plainWidth = Math.max(plainWidth, wide.get(r).size());
        }
        int limit = plainWidth > 0 ? plainWidth : anyWidth;
        if (limit == anyWidth) return wide;
        return lay(rows, group, Math.max(limit, 1));
    }

    private static List<List<GridCell>> lay(List<List<RawCell>> rows, int[] group, int width) {
        List<GridCell[]> grid = new ArrayList<>();
        for (int r = 0; r < rows.size(); r++) grid.add(new GridCell[0]);
        for (int r = 0; r < rows.size(); r++) {
            int groupEnd = r;
            while (groupEnd < rows.size() && group[groupEnd] == group[r]) groupEnd++;
            int col = 0;
            for (RawCell raw : rows.get(r)) {
                while (col < grid.get(r).length && grid.get(r)[col] != null) col++;
                int cs = Math.min(Math.max(raw.colSpan(), 1), MAX_COLSPAN);
                cs = Math.max(1, Math.min(cs, width - col));
                // a colspan stops where a rowspan from above already holds a column
                for (int c = col + 1; c < col + cs; c++) {
                    if (c < grid.get(r).length && grid.get(r)[c] != null) {
                        cs = c - col;
                        break;
                    }
                }
                int rs = raw.rowSpan() == 0 ? groupEnd - r : Math.min(Math.max(raw.rowSpan(), 1), MAX_ROWSPAN);
                rs = Math.max(1, Math.min(rs, groupEnd - r));
                for (int dr = 0; dr < rs; dr++) {
                    for (int dc = 0; dc < cs; dc++) {
                        Cell.Span span = dr == 0 && dc == 0 ? Cell.Span.of(rs, cs) : new Cell.Span(1, 1, dr, dc);
                        put(grid, r + dr, col + dc, new GridCell(raw, span));
                    }
                }
                col += cs;
            }
        }
        List<List<GridCell>> out = new ArrayList<>();
        for (int r = 0; r < grid.size(); r++) {
            GridCell[] row = grid.get(r);
            List<GridCell> cells = new ArrayList<>(row.length);
            for (int c = 0; c < row.length; c++) {
                // a gap left of a rowspan (a short row above a long one): an empty cell, as browsers leave it
                cells.add(row[c] != null ? row[c] : new GridCell(RawCell.empty(lineOf(rows, r)), Cell.Span.ONE));
            }
            out.add(cells);
        }
        return out;
    }

    private static int lineOf(List<List<RawCell>> rows, int r) {
        for (int i = r; i >= 0; i--) if (!rows.get(i).isEmpty()) return rows.get(i).get(0).line();
        return 0;
    }

    private static void put(List<GridCell[]> grid, int r, int c, GridCell cell) {
        GridCell[] row = grid.get(r);
        if (c >= row.length) {
            row = java.util.Arrays.copyOf(row, c + 1);
            grid.set(r, row);
        }
        if (row[c] == null) row[c] = cell;
    }
}
