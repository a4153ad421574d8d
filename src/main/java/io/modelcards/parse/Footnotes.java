package io.modelcards.parse;

import com.vladsch.flexmark.ext.footnotes.Footnote;
import com.vladsch.flexmark.ext.footnotes.FootnoteBlock;
import com.vladsch.flexmark.ext.footnotes.FootnoteExtension;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.data.DataKey;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The footnotes of one model section as an ordered list (flexmark renders them only at the end of a whole
 * document, and we render one block at a time): every definition the section refers to or defines, numbered as
 * its references are ({@code [^1]} → {@code <sup id="fnref-1"><a href="#fn-1">}), with a back-link to each
 * reference in the section. A definition in the section that nothing refers to is listed last, without a number.
 */
final class Footnotes {
    private static final String START = "<div class=\"footnotes\">";
    /**
     * Set on a card's document whose Markdown has no {@code [^} (no reference, no definition): its sections have no
     * footnotes, and {@link #html} does not walk their nodes looking for them (a walk of every node of every card
     * was 1 % of a build's samples, and few cards have footnotes).
     */
    static final DataKey<Boolean> NONE = new DataKey<>("MODELCARDS_NO_FOOTNOTES", false);

    private Footnotes() {}

    static boolean isFootnotes(String html) {
        return html.startsWith(START);
    }

    /** The list's HTML (before sanitizing), or "" when the section has no footnotes. */
    static String html(List<Node> nodes, MarkdownEngine markdown) {
        if (nodes.isEmpty()) return "";
        Document document = nodes.get(0).getDocument();
        if (document != null && NONE.get(document)) return "";
        Map<FootnoteBlock, List<Footnote>> referenced = new LinkedHashMap<>();
        List<FootnoteBlock> defined = new ArrayList<>();
        for (Node n : nodes) {
            if (n instanceof FootnoteBlock fb) defined.add(fb);
            collect(n, referenced);
        }
        if (referenced.isEmpty() && defined.isEmpty()) return "";
        Node any = nodes.get(0);
        if (any.getDocument() != null) FootnoteExtension.FOOTNOTES.get(any.getDocument()).resolveFootnoteOrdinals();
        List<FootnoteBlock> order = new ArrayList<>(referenced.keySet());
        order.sort((a, b) -> Integer.compare(a.getFootnoteOrdinal(), b.getFootnoteOrdinal()));
        for (FootnoteBlock fb : defined) if (!referenced.containsKey(fb)) order.add(fb);
        StringBuilder html = new StringBuilder(START).append("<ol>");
        for (FootnoteBlock fb : order) {
            List<Footnote> refs = referenced.getOrDefault(fb, List.of());
            int ordinal = fb.getFootnoteOrdinal();
            if (refs.isEmpty() || ordinal <= 0) html.append("<li>");
            else html.append("<li id=\"fn-").append(ordinal).append("\" value=\"").append(ordinal).append("\">");
            StringBuilder body = new StringBuilder();
            for (Node c = fb.getFirstChild(); c != null; c = c.getNext()) body.append(markdown.render(c));
            StringBuilder back = new StringBuilder();
            for (Footnote ref : refs) {
                int i = ref.getReferenceOrdinal();
                back.append(" <a href=\"#fnref-").append(ordinal).append(i == 0 ? "" : "-" + i)
                        .append("\" class=\"footnote-backref\" title=\"Back to the reference\">↩</a>");
            }
            String b = body.toString().strip();
            if (b.endsWith("</p>")) html.append(b, 0, b.length() - 4).append(back).append("</p>");
            else html.append(b).append(back);
            html.append("</li>");
        }
        return html.append("</ol></div>").toString();
    }

    /**
     * flexmark numbers footnotes by the offset of their last reference (FootnoteRepository keeps the latest);
     * number them by the first, as GitHub does: {@code [^a] [^b] … [^a]} gives a = 1, b = 2.
     */
    static void numberByFirstReference(com.vladsch.flexmark.util.ast.Document doc) {
        Map<FootnoteBlock, List<Footnote>> referenced = new LinkedHashMap<>();
        collect(doc, referenced);
        if (referenced.isEmpty()) return;
        referenced.forEach((block, refs) -> block.setFirstReferenceOffset(refs.get(0).getStartOffset()));
        FootnoteExtension.FOOTNOTES.get(doc).resolveFootnoteOrdinals();
    }

    private static void collect(Node root, Map<FootnoteBlock, List<Footnote>> referenced) {
        java.util.ArrayDeque<Node> stack = new java.util.ArrayDeque<>(); // no recursion: nesting may be deep
        stack.push(root);
        while (!stack.isEmpty()) {
            Node n = stack.pop();
            if (n instanceof Footnote f && f.getFootnoteBlock() != null) {
                referenced.computeIfAbsent(f.getFootnoteBlock(), k -> new ArrayList<>()).add(f);
            }
            for (Node c = n.getLastChild(); c != null; c = c.getPrevious()) stack.push(c);
        }
    }
}
