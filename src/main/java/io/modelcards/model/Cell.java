package io.modelcards.model;

import java.util.List;
import java.util.Objects;

/**
 * One table cell: its exact source text, the sanitized HTML shown on the page, the plain text, the typed
 * value, the links inside it, and where it sits in the table's grid ({@link Span}). A grid position covered by
 * a rowspan or colspan holds a copy of the cell the span starts at (same text and value, no links), so every
 * position of the grid can be read without looking at spans.
 */
public record Cell(String source, String html, String text, CellValue value, List<Link> links, Span span) {
    public Cell {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(html, "html");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(value, "value");
        links = List.copyOf(links);
        Objects.requireNonNull(span, "span");
        // one String where the texts are equal, as for most cells ("55.8" written, read and shown alike): a
        // catalogue of 10,000 cards holds 1.6 million cells, and three copies of each text were a fifth of its heap
        if (text.equals(source)) text = source;
        if (html.equals(text)) html = text;
        else if (html.equals(source)) html = source;
    }

    /** A cell that neither spans nor is covered by a span. */
    public Cell(String source, String html, String text, CellValue value, List<Link> links) {
        this(source, html, text, value, links, Span.ONE);
    }

    /** An empty cell (GitHub pads a short Markdown table row with these). */
    public static Cell empty() {
        return new Cell("", "", "", new CellValue.Missing(), List.of());
    }

    /**
     * A cell's place in the grid. On the cell where a span starts, {@code rows}/{@code columns} are its
     * rowspan/colspan as they take effect (the source's value clamped to the table, as browsers clamp it) and
     * {@code up}/{@code left} are 0. On a position covered by that span, rows and columns are 1 and
     * {@code up}/{@code left} count the rows and columns back to the starting cell.
     */
    public record Span(int rows, int columns, int up, int left) {
        public static final Span ONE = new Span(1, 1, 0, 0);

        public Span {
            if (rows < 1 || columns < 1 || up < 0 || left < 0) {
                throw new IllegalArgumentException("bad span " + rows + "x" + columns + " up " + up + " left " + left);
            }
        }

        public static Span of(int rows, int columns) {
            return rows == 1 && columns == 1 ? ONE : new Span(rows, columns, 0, 0);
        }

        /** This position is covered by a span that starts above or to the left; the page shows nothing here. */
        public boolean isCovered() {
            return up > 0 || left > 0;
        }

        public boolean isSpanning() {
            return rows > 1 || columns > 1;
        }
    }

    /** The copy of this (starting) cell placed {@code up} rows and {@code left} columns away from it. */
    public Cell coveredAt(int up, int left) {
        return new Cell(source, html, text, value, List.of(), new Span(1, 1, up, left));
    }

    public Cell withValue(CellValue newValue) {
        return new Cell(source, html, text, newValue, links, span);
    }

    public Cell withLinks(List<Link> newLinks) {
        return new Cell(source, html, text, value, newLinks, span);
    }

    public Cell withSpan(Span newSpan) {
        return new Cell(source, html, text, value, links, newSpan);
    }

    public boolean isBlank() {
        return text.isBlank() && links.isEmpty();
    }
}
