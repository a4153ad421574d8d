package io.modelcards.model;

import io.modelcards.diag.SourcePosition;
import java.util.List;
import java.util.Objects;

/**
 * A table row; {@code group} names the row group it belongs to (a blank first cell continues the one above).
 * {@code deltaBase} is the id of the row its stated changes ({@code 37.4 (-22.7)}) are against, when the delta
 * check found it in another table of the model (IDEFICS 80B, 0 shots for IDEFICS 80B Instruct, 0 shots); else "".
 */
public record Row(String id, String group, List<Cell> cells, SourcePosition origin, String deltaBase) {
    public Row {
        Objects.requireNonNull(id, "id");
        group = group == null ? "" : group;
        cells = List.copyOf(cells);
        Objects.requireNonNull(origin, "origin");
        deltaBase = deltaBase == null ? "" : deltaBase;
    }

    public Row(String id, String group, List<Cell> cells, SourcePosition origin) {
        this(id, group, cells, origin, "");
    }

    public Row withCells(List<Cell> newCells) {
        return new Row(id, group, newCells, origin, deltaBase);
    }

    public Row withDeltaBase(String baseRowId) {
        return new Row(id, group, cells, origin, baseRowId);
    }
}
