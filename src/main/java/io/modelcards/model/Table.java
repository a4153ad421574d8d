package io.modelcards.model;

import io.modelcards.diag.SourcePosition;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** A table of a model section, from a GFM table or raw HTML, with every row and cell of the source. */
public record Table(String id, String caption, TableKind kind, List<Column> columns, List<Row> rows,
                   SourcePosition origin) {
    public Table {
        Objects.requireNonNull(id, "id");
        caption = caption == null ? "" : caption;
        Objects.requireNonNull(kind, "kind");
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
        Objects.requireNonNull(origin, "origin");
    }

    public Table withKind(TableKind newKind) {
        return new Table(id, caption, newKind, columns, rows, origin);
    }

    public Table withColumns(List<Column> newColumns) {
        return new Table(id, caption, kind, newColumns, rows, origin);
    }

    public Table withRows(List<Row> newRows) {
        return new Table(id, caption, kind, columns, newRows, origin);
    }

    /**
     * Index of the first column whose header names a benchmark (VQAv2 in {@code VQAv2<br>acc.}), or -1. In a
     * benchmark table the columns between the row label and this one are settings such as Shots.
     */
    public int firstBenchmarkColumn() {
        for (int i = 0; i < columns.size(); i++) if (!columns.get(i).benchmark().isEmpty()) return i;
        return -1;
    }

    public List<Link> links() {
        List<Link> all = new ArrayList<>();
        for (Row row : rows) for (Cell cell : row.cells()) all.addAll(cell.links());
        return all;
    }
}
