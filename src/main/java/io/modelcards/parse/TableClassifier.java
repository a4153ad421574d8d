package io.modelcards.parse;

import io.modelcards.model.Cell;
import io.modelcards.model.CellValue;
import io.modelcards.model.Row;
import io.modelcards.model.Table;
import io.modelcards.model.TableKind;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Recognises what a table holds from its shape alone: mostly links (a link matrix of sizes × flavours),
 * two label columns over values of mixed types (hyperparameters), one row per named thing with links
 * (variants/checkpoints), mostly numbers (benchmark results), or other.
 */
final class TableClassifier {
    private TableClassifier() {}

    static TableKind classify(Table table) {
        List<List<Cell>> rows = new ArrayList<>();
        // a section row ("Coding Tasks" across the table) names the rows below it; it holds no values
        for (int r = 0; r < table.rows().size(); r++) if (!table.isSectionRow(r)) rows.add(table.rows().get(r).cells());
        if (rows.isEmpty()) return TableKind.OTHER;
        int label = TableBuilder.labelColumn(table.columns(), rows);
        int filled = 0;
        int links = 0;
        int numeric = 0;
        Set<Integer> linkColumns = new TreeSet<>();
        for (List<Cell> row : rows) {
            for (int c = label + 1; c < row.size(); c++) {
                Cell cell = row.get(c);
                if (cell.span().isCovered()) continue; // counted once, where its span starts
                if (cell.value() instanceof CellValue.Missing && cell.links().isEmpty()) continue;
                filled++;
                if (!cell.links().isEmpty()) {
                    links++;
                    linkColumns.add(c);
                }
                if (isScore(cell.value())) numeric++;
            }
        }
        if (filled == 0) return TableKind.OTHER;
        if (links * 2 >= filled && linkColumns.size() >= 2) return TableKind.LINK_MATRIX;
        if (isHyperparameters(table, rows, label)) return TableKind.HYPERPARAMETERS;
        if (links > 0 && hasUniqueLabels(rows, label)) return TableKind.VARIANTS;
        if (numeric * 2 >= filled) return TableKind.BENCHMARK;
        return TableKind.OTHER;
    }

    static boolean isScore(CellValue v) {
        return v.wholeNumber() != null || v instanceof CellValue.Composite;
    }

    /** A group column, a column of setting names, then value columns each holding values of several types. */
    private static boolean isHyperparameters(Table table, List<List<Cell>> rows, int label) {
        if (label != 0 || table.columns().size() < 3 || rows.size() < 3) return false;
        Set<String> names = new HashSet<>();
        for (List<Cell> row : rows) {
            if (row.size() < 3 || !(row.get(1).value() instanceof CellValue.Text t)) return false;
            if (!names.add(row.get(0).text() + "\u0000" + t.value())) return false;
        }
        for (int c = 2; c < table.columns().size(); c++) {
            Set<String> types = new TreeSet<>();
            for (List<Cell> row : rows) {
                if (c < row.size() && !(row.get(c).value() instanceof CellValue.Missing)) types.add(row.get(c).value().type());
            }
            if (types.size() < 2) return false;
        }
        return true;
    }

    private static boolean hasUniqueLabels(List<List<Cell>> rows, int label) {
        Set<String> seen = new HashSet<>();
        for (List<Cell> row : rows) {
            if (row.size() <= label || row.get(label).isBlank() || !seen.add(row.get(label).text())) return false;
        }
        return true;
    }
}
