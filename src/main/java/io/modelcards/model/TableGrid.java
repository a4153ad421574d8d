package io.modelcards.model;

import java.util.ArrayList;
import java.util.List;

/** Reads a {@link Table}'s grid: header texts over a column and the names of a row, through the spans. */
final class TableGrid {
    private static final java.util.regex.Pattern WHITESPACE = java.util.regex.Pattern.compile("\\s+");

    private TableGrid() {}

    static List<String> columnHeaders(Table table, int column) {
        List<String> out = new ArrayList<>();
        if (table.headerRows().isEmpty()) {
            if (column < table.columns().size()) add(out, table.columns().get(column).text());
            return out;
        }
        for (Row header : table.headerRows()) {
            if (column >= header.cells().size()) continue;
            Cell cell = header.cells().get(column);
            if (cell.span().up() > 0) continue; // the same cell as in the row above
            add(out, cell.text());
        }
        return out;
    }

    static List<String> rowHeaders(Table table, int row) {
        List<String> out = new ArrayList<>();
        if (isSectionRow(table, row)) {
            add(out, table.cell(row, 0).text());
            return out;
        }
        for (int r = row - 1; r >= 0; r--) {
            if (isSectionRow(table, r)) {
                add(out, table.cell(r, 0).text());
                break;
            }
        }
        List<Cell> cells = table.rows().get(row).cells();
        int stub = rowHeaderColumns(table);
        for (int c = indexColumns(table); c < stub && c < cells.size(); c++) {
            Cell cell = cells.get(c);
            if (cell.span().left() > 0) continue; // the same cell as in the column to the left
            add(out, cell.text());
        }
        return out;
    }

    static int rowHeaderColumns(Table table) {
        int width = table.columns().size();
        for (Row r : table.rows()) width = Math.max(width, r.cells().size());
        int stub = indexColumns(table);
        columns:
        for (; stub < width - 1; stub++) {
            for (int r = 0; r < table.rows().size(); r++) {
                if (isSectionRow(table, r)) continue;
                List<Cell> cells = table.rows().get(r).cells();
                if (stub < cells.size() && cells.get(stub).value().sortKey() != null) break columns;
            }
        }
        return Math.max(indexColumns(table) + 1, stub);
    }

    /**
     * 1 when the first column only numbers the rows (1, 2, 3 under an empty header, as pandas writes HTML
     * tables): the row is named by the columns after it. Else 0.
     */
    static int indexColumns(Table table) {
        if (table.rows().isEmpty() || table.columns().size() < 2 || !table.columns().get(0).text().isBlank()) return 0;
        for (int r = 0; r < table.rows().size(); r++) {
            List<Cell> cells = table.rows().get(r).cells();
            if (cells.size() < 2 || !(cells.get(0).value() instanceof CellValue.Number n)
                    || n.value().compareTo(java.math.BigDecimal.valueOf(r + 1L)) != 0) return 0;
        }
        return 1;
    }

    static boolean isSectionRow(Table table, int row) {
        List<Cell> cells = table.rows().get(row).cells();
        int width = Math.max(2, table.columns().size());
        if (cells.size() < width) return false;
        Cell first = cells.get(0);
        if (first.span().isCovered() || first.span().columns() < width) return false;
        for (int c = 1; c < cells.size(); c++) if (cells.get(c).span().left() != c) return false;
        return true;
    }

    private static void add(List<String> out, String text) {
        // a header already collapsed is kept as it is, not copied: results hold these texts (a million at 10,000 cards)
        String t = isCollapsed(text) ? text : WHITESPACE.matcher(text).replaceAll(" ").strip();
        if (!t.isEmpty()) out.add(t);
    }

    /** No whitespace at either end, none but single spaces inside (as parse's Spaces.isCollapsed). */
    private static boolean isCollapsed(String text) {
        int n = text.length();
        if (n == 0) return true;
        if (Character.isWhitespace(text.charAt(0)) || Character.isWhitespace(text.charAt(n - 1))) return false;
        for (int i = 1; i < n - 1; i++) {
            char c = text.charAt(i);
            if (c == ' ' ? text.charAt(i - 1) == ' ' : c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r') {
                return false;
            }
        }
        return true;
    }
}
