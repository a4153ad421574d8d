package io.modelcards.source;

import io.modelcards.diag.SourcePosition;
import io.modelcards.model.CardLayout;
import io.modelcards.model.Curated;
import io.modelcards.model.FrontMatter;
import java.util.List;
import java.util.Objects;

/**
 * A content file as read: its project-relative path, full text, front matter, the offset where the Markdown
 * body starts (after the front matter), its card id as the Hub names it ({@code org/name} for
 * {@code content/org/name/README.md}; the path without {@code .md} for other files) and how it maps to cards
 * ({@link CardLayout.Mode#AUTO}: decided by its headings when parsed). {@code evalResults} are those of the Hub's
 * {@code .eval_results/*.yaml} files beside a README (their {@code model} is "", their origin the entry's line).
 */
public record SourceFile(String path, String text, FrontMatter frontMatter, int bodyOffset, LineIndex lines,
                         String cardId, CardLayout.Mode mode, List<Curated.Result> evalResults) {
    public SourceFile {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(text, "text");
        frontMatter = frontMatter == null ? FrontMatter.EMPTY : frontMatter;
        lines = lines == null ? new LineIndex(text) : lines;
        cardId = cardId == null ? "" : cardId;
        mode = mode == null ? CardLayout.Mode.AUTO : mode;
        evalResults = evalResults == null ? List.of() : List.copyOf(evalResults);
    }

    public SourceFile(String path, String text, FrontMatter frontMatter, int bodyOffset, LineIndex lines,
                      String cardId, CardLayout.Mode mode) {
        this(path, text, frontMatter, bodyOffset, lines, cardId, mode, List.of());
    }

    public SourceFile(String path, String text, FrontMatter frontMatter, int bodyOffset, LineIndex lines) {
        this(path, text, frontMatter, bodyOffset, lines, "", CardLayout.Mode.AUTO);
    }

    public SourceFile withMode(CardLayout.Mode newMode) {
        return new SourceFile(path, text, frontMatter, bodyOffset, lines, cardId, newMode, evalResults);
    }

    public SourceFile withEvalResults(List<Curated.Result> results) {
        return new SourceFile(path, text, frontMatter, bodyOffset, lines, cardId, mode, results);
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
