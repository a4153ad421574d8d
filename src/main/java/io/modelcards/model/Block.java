package io.modelcards.model;

import io.modelcards.diag.SourcePosition;
import java.util.List;
import java.util.Objects;

/** One piece of a model section, in source order. Every piece of the source lands in exactly one block. */
public sealed interface Block {
    SourcePosition origin();

    record Heading(int level, String text, String id, SourcePosition origin) implements Block {
        public Heading { Objects.requireNonNull(text, "text"); Objects.requireNonNull(id, "id"); Objects.requireNonNull(origin, "origin"); }
    }

    /** Paragraphs, quotes and other flowing content, as sanitized HTML. */
    record Prose(String html, String text, SourcePosition origin) implements Block {
        public Prose { Objects.requireNonNull(html, "html"); Objects.requireNonNull(text, "text"); Objects.requireNonNull(origin, "origin"); }
    }

    record TableBlock(Table table) implements Block {
        public TableBlock { Objects.requireNonNull(table, "table"); }
        public SourcePosition origin() { return table.origin(); }
    }

    record Code(String language, String code, SourcePosition origin) implements Block {
        public Code { language = language == null ? "" : language; Objects.requireNonNull(code, "code"); Objects.requireNonNull(origin, "origin"); }
    }

    /**
     * Where a {@code <details>} element of the card opens: the blocks up to the matching {@link DetailsEnd} are
     * inside it (Markdown after a blank line below {@code <summary>}, such as a table, stays in the element).
     */
    record DetailsStart(String summaryHtml, boolean open, SourcePosition origin) implements Block {
        public DetailsStart { Objects.requireNonNull(summaryHtml, "summaryHtml"); Objects.requireNonNull(origin, "origin"); }
    }

    /** Where a {@code <details>} element opened by a {@link DetailsStart} closes. */
    record DetailsEnd(SourcePosition origin) implements Block {
        public DetailsEnd { Objects.requireNonNull(origin, "origin"); }
    }

    /**
     * Where a callout opens (doc-builder's {@code <Tip>}, kind "tip", or {@code <Tip warning={true}>}, "warning"):
     * the blocks up to the matching {@link CalloutEnd} are inside it. Shown with the look of a GitHub alert.
     */
    record CalloutStart(String kind, SourcePosition origin) implements Block {
        public CalloutStart { Objects.requireNonNull(kind, "kind"); Objects.requireNonNull(origin, "origin"); }
    }

    /** Where a callout opened by a {@link CalloutStart} closes. */
    record CalloutEnd(SourcePosition origin) implements Block {
        public CalloutEnd { Objects.requireNonNull(origin, "origin"); }
    }

    /** A bullet or ordered list; each item as sanitized HTML. */
    /** {@code lines} are the source lines the items start on (empty when not known: the list's line for all). */
    record ListBlock(boolean ordered, List<String> items, SourcePosition origin, List<Integer> lines) implements Block {
        public ListBlock { items = List.copyOf(items); Objects.requireNonNull(origin, "origin"); lines = List.copyOf(lines); }

        public ListBlock(boolean ordered, List<String> items, SourcePosition origin) {
            this(ordered, items, origin, List.of());
        }

        /** Where item {@code i} starts. */
        public SourcePosition itemOrigin(int i) {
            return i < lines.size() ? origin.withLine(lines.get(i)) : origin;
        }
    }
}
