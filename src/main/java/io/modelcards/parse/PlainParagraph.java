package io.modelcards.parse;

import com.vladsch.flexmark.ast.AutoLink;
import com.vladsch.flexmark.ast.Code;
import com.vladsch.flexmark.ast.Emphasis;
import com.vladsch.flexmark.ast.HardLineBreak;
import com.vladsch.flexmark.ast.Link;
import com.vladsch.flexmark.ast.ListItem;
import com.vladsch.flexmark.ast.Paragraph;
import com.vladsch.flexmark.ast.SoftLineBreak;
import com.vladsch.flexmark.ast.StrongEmphasis;
import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.ast.TextBase;
import com.vladsch.flexmark.parser.ListOptions;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.sequence.Escaping;

/**
 * Parse stage: the HTML of a paragraph of plain inline markup (the most common block of a card, and of a
 * list item) as flexmark's renderer writes it, {@code <p>text</p>} and a line end, without the renderer:
 * each call of which sets up its node renderers, attribute providers and line formatting again (rendering paragraphs
 * was 3 % of a 10,000-card build, JFR). Text is unescaped as {@link SequenceText} does and escaped as flexmark escapes
 * it ({@code & < > "}); a line break within the paragraph is a line end, as {@code HtmlRenderer.SOFT_BREAK} is set.
 * Emphasis, code, links and bare URLs are written as flexmark writes them; anything else (images, inline HTML,
 * entities, a paragraph in a quote, an empty one) is null: left to flexmark.
 */
final class PlainParagraph {
    private PlainParagraph() {}

    /**
     * The HTML flexmark renders for {@code node}, or null when it is not a paragraph of plain inline markup at the top
     * level or in a list item. A paragraph of a tight list item is its inline HTML and a line end, as flexmark writes it
     * ({@code listOptions} say which items are tight).
     */
    static String html(Node node, ListOptions listOptions) {
        if (!(node instanceof Paragraph p) || node.getFirstChild() == null) return null;
        Node parent = node.getParent();
        boolean wrapped;
        if (parent instanceof Document) wrapped = true;
        else if (parent instanceof ListItem item) wrapped = !item.isParagraphWrappingDisabled(p, listOptions, node.getDocument());
        else return null;
        Out out = new Out(node.getTextLength() * 5 / 4 + 64);
        if (wrapped) out.raw("<p>");
        if (!inline(node, out)) return null;
        out.raw(wrapped ? "</p>\n" : "\n");
        return out.html.toString();
    }

    /** Appends the HTML of {@code parent}'s children; false when one is not plain inline markup. */
    private static boolean inline(Node parent, Out out) {
        for (Node c = parent.getFirstChild(); c != null; c = c.getNext()) {
            Class<?> kind = c.getClass();
            if (kind == Text.class) {
                if (!out.text(SequenceText.unescaped(c.getChars()))) return false;
            } else if (kind == SoftLineBreak.class || kind == HardLineBreak.class) {
                if (!out.lineEnd(kind == SoftLineBreak.class ? "" : "<br />")) return false;
            } else if (kind == TextBase.class) {
                if (!inline(c, out)) return false;
            } else if (kind == Emphasis.class || kind == StrongEmphasis.class) {
                String tag = kind == Emphasis.class ? "em" : "strong";
                out.raw("<" + tag + ">");
                if (!inline(c, out)) return false;
                out.raw("</" + tag + ">");
            } else if (kind == Code.class) {
                out.raw("<code>");
                if (!out.text(Escaping.collapseWhitespace(((Code) c).getText(), true))) return false;
                out.raw("</code>");
            } else if (kind == AutoLink.class && !((AutoLink) c).getText().startsWith("www.")) {
                // a bare URL the autolink step found (one starting "www." gets flexmark's own "http://" prefix)
                String text = SequenceText.of(((AutoLink) c).getText());
                out.raw("<a href=\"");
                out.escape(text);
                out.raw("\">");
                out.escape(text);
                out.raw("</a>");
            } else if (kind == Link.class) {
                Link link = (Link) c;
                out.raw("<a href=\"");
                out.escape(SequenceText.unescaped(link.getUrl()));
                out.raw("\"");
                if (link.getTitle().isNotNull()) {
                    out.raw(" title=\"");
                    out.escape(SequenceText.unescaped(link.getTitle()));
                    out.raw("\"");
                }
                out.raw(">");
                if (!inline(c, out)) return false;
                out.raw("</a>");
            } else return false;
        }
        return true;
    }

    /**
     * The HTML written so far, with flexmark's line formatting: a line's leading spaces and tabs are dropped
     * ({@code LineAppendable.F_TRIM_LEADING_WHITESPACE}, its default). A text with a line end of its own, or a line
     * left blank (which flexmark's blank-line rules would see), is not written here.
     */
    private static final class Out {
        final StringBuilder html;
        private boolean lineStart;

        Out(int capacity) {
            html = new StringBuilder(capacity);
        }

        void raw(String markup) {
            html.append(markup);
            lineStart = false;
        }

        /** Ends the line after {@code markup}; false when the line would be blank. */
        boolean lineEnd(String markup) {
            if (lineStart && markup.isEmpty()) return false;
            html.append(markup).append('\n');
            lineStart = true;
            return true;
        }

        /** Appends {@code text} escaped; false when it holds a line end. */
        boolean text(String text) {
            if (text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) return false;
            int from = 0;
            if (lineStart) {
                while (from < text.length() && (text.charAt(from) == ' ' || text.charAt(from) == '\t')) from++;
                if (from == text.length()) return true;
            }
            escape(from == 0 ? text : text.substring(from));
            return true;
        }

        /** Appends {@code text} with {@code & < > "} escaped, as flexmark's text() and attributes. */
        void escape(String text) {
            // the runs between the characters escaped are appended whole (most texts have none: the text at once);
            // a character at a time, each append checked the builder's room and coder, 0.7 % of a 10,000-card build
            int n = text.length();
            int start = 0;
            for (int i = 0; i < n; i++) {
                String entity;
                switch (text.charAt(i)) {
                    case '&' -> entity = "&amp;";
                    case '<' -> entity = "&lt;";
                    case '>' -> entity = "&gt;";
                    case '"' -> entity = "&quot;";
                    default -> {
                        continue;
                    }
                }
                html.append(text, start, i).append(entity);
                start = i + 1;
            }
            if (start == 0) html.append(text);
            else html.append(text, start, n);
            if (n > 0) lineStart = false;
        }
    }
}
