package io.modelcards.model;

import io.modelcards.diag.SourcePosition;
import java.util.List;
import java.util.Objects;

/** A table row; {@code group} names the row group it belongs to (a blank first cell continues the one above). */
public record Row(String id, String group, List<Cell> cells, SourcePosition origin) {
    public Row {
        Objects.requireNonNull(id, "id");
        group = group == null ? "" : group;
        cells = List.copyOf(cells);
        Objects.requireNonNull(origin, "origin");
    }

    public Row withCells(List<Cell> newCells) {
        return new Row(id, group, newCells, origin);
    }
}
