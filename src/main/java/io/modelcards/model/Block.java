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

    /** A bullet or ordered list; each item as sanitized HTML. */
    record ListBlock(boolean ordered, List<String> items, SourcePosition origin) implements Block {
        public ListBlock { items = List.copyOf(items); Objects.requireNonNull(origin, "origin"); }
    }
}
