package io.modelcards.source;

import io.modelcards.diag.SourcePosition;
import io.modelcards.model.FrontMatter;
import java.util.Objects;

/**
 * A content file as read: its project-relative path, full text, front matter, and the offset where the
 * Markdown body starts (after the front matter).
 */
public record SourceFile(String path, String text, FrontMatter frontMatter, int bodyOffset, LineIndex lines) {
    public SourceFile {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(text, "text");
        frontMatter = frontMatter == null ? FrontMatter.EMPTY : frontMatter;
        lines = lines == null ? new LineIndex(text) : lines;
    }

    public static SourceFile of(String path, String text) {
        return new SourceFile(path, text, FrontMatter.EMPTY, 0, new LineIndex(text));
    }

    public String body() {
        return text.substring(bodyOffset);
    }

    /** Position of an offset into the whole text. */
    public SourcePosition at(int offset) {
        return new SourcePosition(path, lines.line(offset), lines.column(offset));
    }

    /** Position of a 1-based line of the whole text. */
    public SourcePosition atLine(int line) {
        return SourcePosition.of(path, line);
    }
}
