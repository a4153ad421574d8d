package io.modelcards.parse;

import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.ast.HtmlCommentBlock;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import io.modelcards.diag.Diagnostics;
import io.modelcards.diag.SourcePosition;
import io.modelcards.model.CardLayout;
import io.modelcards.source.SourceFile;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Splits a parsed Markdown file into its cards. A card file (a README, a file with front matter, or one that
 * {@code cards: per-file} names) is one card whose {@code #} headings are its sections. A collection file has a
 * card per level-1 heading (ATX {@code #} or setext {@code ===}); a {@code #} line inside a code block is code,
 * because the split walks flexmark's tree, not lines.
 *
 * <p>Other files are decided by their level-1 headings: a collection when there is at least one, none empty, none
 * repeated and none worded as a card section ({@link SectionNames}); a file of one {@code # Whisper} is then a
 * collection of one, named Whisper, as it always was. On corpus-wild (26,394 cards, all of them
 * README files, so all one card each), the heading rule alone would call 70 files collections (0.27 %): 480 of the
 * 550 files with two or more {@code #} headings have a section heading among them.
 */
final class SectionSplitter {
    private final MarkdownEngine markdown;

    SectionSplitter(MarkdownEngine markdown) {
        this.markdown = markdown;
    }

    List<Section> split(SourceFile file, Diagnostics diagnostics) {
        String body = file.body();
        Document doc = markdown.parseCard(body);
        int base = file.bodyOffset();
        List<Node> all = new ArrayList<>();
        List<Heading> headings = new ArrayList<>();
        for (Node n = doc.getFirstChild(); n != null; n = n.getNext()) {
            all.add(n);
            if (n instanceof Heading h && h.getLevel() == 1) headings.add(h);
        }
        boolean collection = switch (file.mode()) {
            case PER_HEADING -> true;
            case PER_FILE -> false;
            case AUTO -> isCollection(headings);
        };
        return collection ? byHeading(file, all, base, diagnostics) : oneCard(file, all, headings, base, diagnostics);
    }

    /** Level-1 headings, none empty, none repeated, none worded as a section of a card. */
    static boolean isCollection(List<Heading> headings) {
        if (headings.isEmpty()) return false;
        Set<String> seen = new HashSet<>();
        for (Heading h : headings) {
            String name = name(h);
            if (name.isEmpty() || !seen.add(name.toLowerCase(Locale.ROOT)) || SectionNames.isSection(name)) return false;
        }
        return true;
    }

    /**
     * The whole file is one card, titled as the Hub titles it: the model-index name, front matter
     * {@code model_name}, the first {@code #} heading (unless it names a section), then the card's folder. A first
     * heading that gives the title is not repeated in the card's text.
     */
    private List<Section> oneCard(SourceFile file, List<Node> nodes, List<Heading> headings, int base,
                                  Diagnostics diagnostics) {
        Node firstContent = nodes.stream().filter(n -> !(n instanceof HtmlCommentBlock) && !n.getChars().isBlank())
                .findFirst().orElse(null);
        boolean hasContent = firstContent != null;
        if (!hasContent && file.frontMatter().isEmpty() && file.mode() == CardLayout.Mode.AUTO) {
            diagnostics.warning(SourcePosition.of(file.path(), 1), "empty file: no model section");
            return List.of();
        }
        Heading first = headings.isEmpty() ? null : headings.get(0);
        String fromHeading = first == null ? "" : name(first);
        if (SectionNames.isSection(fromHeading)) fromHeading = "";
        String indexName = file.frontMatter().modelIndexName();
        // "orca_mini_3b" in the model-index and "# Orca Mini 3B" are one name: the heading writes it for readers
        if (!fromHeading.isEmpty() && Slugs.slug(indexName, "").equals(Slugs.slug(fromHeading, ""))) indexName = fromHeading;
        String title = firstNonBlank(indexName, file.frontMatter().other().get("model_name"), fromHeading,
                lastSegment(file.cardId()), fileStem(file.path()));
        List<Node> kept = new ArrayList<>(nodes);
        Heading shown = null;
        if (first != null && first == firstContent && name(first).equals(title)) {
            kept.remove(first);
            shown = first;
        }
        int line = shown != null ? file.lines().line(base + shown.getStartOffset()) : file.lines().line(base);
        if (!hasContent) diagnostics.warning(SourcePosition.of(file.path(), 1), "card \"" + title + "\" has no text");
        return List.of(new Section(file, title, shown, kept, base, line, file.cardId()));
    }

    private List<Section> byHeading(SourceFile file, List<Node> all, int base, Diagnostics diagnostics) {
        List<Section> sections = new ArrayList<>();
        List<Node> preamble = new ArrayList<>();
        Heading current = null;
        List<Node> nodes = new ArrayList<>();
        for (Node n : all) {
            if (n instanceof Heading h && h.getLevel() == 1) {
                if (current != null) sections.add(section(file, current, nodes, base));
                else preamble.addAll(nodes);
                current = h;
                nodes = new ArrayList<>();
            } else {
                nodes.add(n);
            }
        }
        if (current != null) {
            sections.add(section(file, current, nodes, base));
        } else {
            preamble.addAll(nodes);
        }
        boolean preambleHasContent = preamble.stream().anyMatch(n -> !(n instanceof HtmlCommentBlock)
                && !n.getChars().isBlank());
        if (sections.isEmpty()) {
            if (!preambleHasContent && file.frontMatter().isEmpty()) {
                diagnostics.warning(SourcePosition.of(file.path(), 1), "empty file: no model section");
                return sections;
            }
            String name = file.frontMatter().other().getOrDefault("model_name", fileStem(file.path()));
            diagnostics.warning(SourcePosition.of(file.path(), 1), "no '# Model name' heading; the file is one model named \""
                    + name + "\"");
            sections.add(new Section(file, name, null, preamble, base, file.lines().line(base)));
        } else if (preambleHasContent) {
            // keep text written before the first heading: it belongs to the first model
            Section first = sections.get(0);
            List<Node> merged = new ArrayList<>(preamble);
            merged.addAll(first.nodes());
            sections.set(0, new Section(file, first.name(), first.heading(), merged, base, first.line()));
            Node firstContent = preamble.stream().filter(n -> !n.getChars().isBlank()).findFirst().orElseThrow();
            diagnostics.warning(file.at(base + firstContent.getStartOffset()),
                    "text before the first '# Model' heading is shown with \"" + first.name() + "\"");
        }
        return sections;
    }

    private Section section(SourceFile file, Heading h, List<Node> nodes, int base) {
        return new Section(file, name(h), h, nodes, base, file.lines().line(base + h.getStartOffset()));
    }

    private static String name(Heading h) {
        return InlineText.plain(Spaces.collapse(MarkdownEngine.text(h, h.getText()))).strip();
    }

    private static String firstNonBlank(String... candidates) {
        for (String c : candidates) if (c != null && !c.isBlank()) return c.strip();
        return "model";
    }

    private static String lastSegment(String id) {
        return id.substring(id.lastIndexOf('/') + 1);
    }

    private static String fileStem(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
