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

/**
 * Readable row ids that people can link to: the row's group plus its settings, e.g. {@code idefics-9b-8-shots}
 * for IDEFICS 9B with 8 under "Shots", {@code training-weight-decay} for a hyperparameter. Unique in the table;
 * a row with no usable label keeps {@code <table>-r<n>}.
 */
final class RowIds {
    private RowIds() {}

    static List<Row> assign(Table table) {
        List<List<Cell>> cells = new ArrayList<>();
        for (Row r : table.rows()) cells.add(r.cells());
        int label = TableBuilder.labelColumn(table.columns(), cells);
        int firstBenchmark = table.firstBenchmarkColumn();
        Set<String> used = new HashSet<>();
        List<Row> out = new ArrayList<>();
        for (int i = 0; i < table.rows().size(); i++) {
            Row row = table.rows().get(i);
            List<String> words = new ArrayList<>();
            words.add(row.group());
            if (table.kind() == TableKind.BENCHMARK && firstBenchmark > label) {
                for (int c = label + 1; c < firstBenchmark && c < row.cells().size(); c++) {
                    words.add(setting(row.cells().get(c), table.columns().get(c).text()));
                }
            } else if (table.kind() == TableKind.HYPERPARAMETERS && row.cells().size() > 1) {
                words.add(row.cells().get(1).text());
            }
            String base = Slugs.slug(String.join(" ", words), "");
            if (base.isEmpty() || Character.isDigit(base.charAt(0))) base = table.id() + (base.isEmpty() ? "-r" + (i + 1) : "-" + base);
            String id = base;
            for (int n = 2; !used.add(id); n++) id = base + "-" + n;
            out.add(new Row(id, row.group(), row.cells(), row.origin(), row.deltaBase()));
        }
        return out;
    }

    /** "8" under "Shots" reads "8 Shots"; a word such as "Random" stands for itself. */
    static String setting(Cell cell, String header) {
        if (cell.value() instanceof CellValue.Missing) return "";
        if (cell.value() instanceof CellValue.Number) return cell.text() + " " + header;
        return cell.text();
    }
}
