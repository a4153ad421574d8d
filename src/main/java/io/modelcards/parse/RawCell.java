package io.modelcards.parse;

/**
 * A table cell as read from Markdown or HTML, before typing: source text, sanitized HTML, plain text lines, and
 * the rowspan/colspan as written (1 when absent; 0 is HTML's "to the end of the row group").
 */
record RawCell(String source, String html, String text, String lineText, int line, int rowSpan, int colSpan) {
    RawCell(String source, String html, String text, String lineText, int line) {
        this(source, html, text, lineText, line, 1, 1);
    }

    static RawCell empty(int line) {
        return new RawCell("", "", "", "", line);
    }
}
