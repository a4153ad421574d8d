package io.modelcards.model;

import java.util.List;
import java.util.Objects;

/**
 * One table cell: its exact source text, the sanitized HTML shown on the page, the plain text, the typed
 * value, and the links inside it.
 */
public record Cell(String source, String html, String text, CellValue value, List<Link> links) {
    public Cell {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(html, "html");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(value, "value");
        links = List.copyOf(links);
    }

    public Cell withValue(CellValue newValue) {
        return new Cell(source, html, text, newValue, links);
    }

    public Cell withLinks(List<Link> newLinks) {
        return new Cell(source, html, text, value, newLinks);
    }

    public boolean isBlank() {
        return text.isBlank() && links.isEmpty();
    }
}
