package io.modelcards.parse;

/** A table cell as read from Markdown or HTML, before typing: source text, sanitized HTML, plain text lines. */
record RawCell(String source, String html, String text, String lineText, int line) {}
