package io.modelcards.parse;

import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.ast.HtmlCommentBlock;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import io.modelcards.diag.Diagnostics;
import io.modelcards.diag.SourcePosition;
import io.modelcards.source.SourceFile;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a parsed Markdown file into model sections at level-1 headings (ATX {@code #} or setext {@code ===}).
 * A {@code #} line inside a code block is code, because the split walks flexmark's tree, not lines.
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
        List<Section> sections = new ArrayList<>();
        List<Node> preamble = new ArrayList<>();
        Heading current = null;
        List<Node> nodes = new ArrayList<>();
        for (Node n = doc.getFirstChild(); n != null; n = n.getNext()) {
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
        String name = MarkdownEngine.text(h, h.getText()).replaceAll("\\s+", " ").strip();
        name = InlineText.plain(name);
        return new Section(file, name, h, nodes, base, file.lines().line(base + h.getStartOffset()));
    }

    private static String fileStem(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
