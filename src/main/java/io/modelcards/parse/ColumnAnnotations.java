package io.modelcards.parse;

import io.modelcards.model.Cell;
import io.modelcards.model.CellValue;
import io.modelcards.model.Column;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds rows that describe the columns rather than a model, such as "Finetuning data <b>does not</b> contain the
 * evaluation dataset" with a ✔ or ✖ under each benchmark, and turns them into column annotations: the row's
 * label is the key, "yes"/"no" (or the cell's text) the value. Such a row has only flags (or gaps) where the other
 * rows have numbers.
 */
final class ColumnAnnotations {
    private ColumnAnnotations() {}

    record Result(List<Column> columns, List<List<Cell>> rows, List<Integer> lines) {}

    static Result extract(List<Column> columns, List<List<Cell>> rows, List<Integer> lines) {
        List<Column> cols = new ArrayList<>(columns);
        List<List<Cell>> kept = new ArrayList<>();
        List<Integer> keptLines = new ArrayList<>();
        for (int r = 0; r < rows.size(); r++) {
            List<Cell> row = rows.get(r);
            if (describesColumns(row, rows, cols.size())) {
                String key = row.get(0).text().strip();
                for (int c = 1; c < row.size() && c < cols.size(); c++) {
                    String value = value(row.get(c));
                    if (!value.isEmpty()) cols.set(c, cols.get(c).withAnnotation(key, value));
                }
            } else {
                kept.add(row);
                keptLines.add(lines.get(r));
            }
        }
        return new Result(cols, kept, keptLines);
    }

    private static boolean describesColumns(List<Cell> row, List<List<Cell>> all, int width) {
        if (row.stream().anyMatch(c -> !c.span().equals(Cell.Span.ONE))) return false; // spans tie it to other rows
        if (row.size() < 3 || row.size() != width || row.get(0).isBlank() || !(row.get(0).value() instanceof CellValue.Text)) return false;
        int flags = 0;
        int numericBelow = 0;
        for (int c = 1; c < row.size(); c++) {
            CellValue v = row.get(c).value();
            if (v instanceof CellValue.Flag) {
                flags++;
                if (isNumericColumn(all, c)) numericBelow++;
            } else if (!(v instanceof CellValue.Missing)) {
                return false;
            }
        }
        return flags >= 2 && numericBelow * 2 >= flags;
    }

    /** Most of the other rows hold numbers in this column. */
    private static boolean isNumericColumn(List<List<Cell>> rows, int c) {
        int numeric = 0;
        int filled = 0;
        for (List<Cell> row : rows) {
            if (c >= row.size()) continue;
            CellValue v = row.get(c).value();
            if (v instanceof CellValue.Missing || v instanceof CellValue.Flag) continue;
            filled++;
            if (v.sortKey() != null) numeric++;
        }
        return filled > 0 && numeric * 2 > filled;
    }

    private static String value(Cell cell) {
        if (cell.value() instanceof CellValue.Flag f) return f.value() ? "yes" : "no";
        if (cell.value() instanceof CellValue.Missing) return "";
        return cell.text().strip();
    }
}
