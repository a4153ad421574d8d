package io.modelcards.model;

import io.modelcards.diag.SourcePosition;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A table of a model section, from a GFM table or raw HTML, with every row and cell of the source, as a grid:
 * rowspans and colspans are expanded, so {@code rows().get(r).cells().get(c)} is the cell shown at row r,
 * column c (a covered position holds a copy of the cell its span starts at, see {@link Cell.Span}).
 * {@code headerRows} are the header's rows as a grid when the header has several rows or spans; for a plain
 * one-row header it is empty and {@code columns} say it all. Each column's header text is the stack of its
 * header cells, top down.
 */
public record Table(String id, String caption, TableKind kind, List<Column> columns, List<Row> headerRows,
                    List<Row> rows, SourcePosition origin) {
    public Table {
        Objects.requireNonNull(id, "id");
        caption = caption == null ? "" : caption;
        Objects.requireNonNull(kind, "kind");
        columns = List.copyOf(columns);
        headerRows = List.copyOf(headerRows);
        rows = List.copyOf(rows);
        Objects.requireNonNull(origin, "origin");
    }

    /** A table with a plain one-row header (the columns). */
    public Table(String id, String caption, TableKind kind, List<Column> columns, List<Row> rows, SourcePosition origin) {
        this(id, caption, kind, columns, List.of(), rows, origin);
    }

    public Table withKind(TableKind newKind) {
        return new Table(id, caption, newKind, columns, headerRows, rows, origin);
    }

    public Table withColumns(List<Column> newColumns) {
        return new Table(id, caption, kind, newColumns, headerRows, rows, origin);
    }

    public Table withRows(List<Row> newRows) {
        return new Table(id, caption, kind, columns, headerRows, newRows, origin);
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

    /** Some body cell spans rows or columns (the page cannot sort such a table row by row). */
    public boolean hasBodySpans() {
        for (Row row : rows) for (Cell cell : row.cells()) if (cell.span().isSpanning() || cell.span().isCovered()) return true;
        return false;
    }

    /** The body cell shown at grid row {@code row}, column {@code column}; an empty cell past a short row's end. */
    public Cell cell(int row, int column) {
        List<Cell> cells = rows.get(row).cells();
        return column < cells.size() ? cells.get(column) : Cell.empty();
    }

    /**
     * The header texts over a column, top down, resolved through the spans: {@code ["MMLU", "5-shot"]} for a
     * column under a {@code colspan} "MMLU" cell and a "5-shot" cell. A cell that spans rows counts once; blank
     * header cells are left out.
     */
    public List<String> columnHeaders(int column) {
        return TableGrid.columnHeaders(this, column);
    }

    /**
     * The texts that name a body row, left to right, resolved through the spans: the section row above it (a
     * row of one cell across the whole table, such as "Coding Tasks"), then its cells in the row-header columns
     * ({@link #rowHeaderColumns}), e.g. {@code ["Knowledge", "MMLU"]} for a row under a {@code rowspan}
     * "Knowledge" cell. For a section row itself: its one text.
     */
    public List<String> rowHeaders(int row) {
        return TableGrid.rowHeaders(this, row);
    }

    /**
     * How many leading columns name the rows rather than hold values: those with no number in any body row
     * (section rows aside) after a column that only numbers the rows (1, 2, 3 under an empty header, as pandas
     * writes tables); at least one naming column and, when there are several columns, not all of them.
     */
    public int rowHeaderColumns() {
        return TableGrid.rowHeaderColumns(this);
    }

    /** A body row that is one cell across the whole grid: a section heading inside the table. */
    public boolean isSectionRow(int row) {
        return TableGrid.isSectionRow(this, row);
    }
}
