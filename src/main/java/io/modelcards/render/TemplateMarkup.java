package io.modelcards.render;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Render stage: a template's markup read as a tree, for {@link TemplatePlan}, keeping every piece as written (an
 * attribute's spacing, quotes and case), which is what Thymeleaf writes of it too. Only what a template writer
 * writes is read: elements closed where they end (void elements and {@code />} aside), comments, a doctype, text.
 * Anything else, or anything Thymeleaf would read in another way than a plain copy ({@code [[…]]} in text, a
 * prototype-only comment {@code <!--/*}{@code /…/}{@code *}{@code /-->}, {@code data-th-} attributes), is {@link Unsupported}: the
 * template is then left to Thymeleaf.
 */
final class TemplateMarkup {
    private static final Set<String> VOID = Set.of("area", "base", "br", "col", "embed", "hr", "img", "input", "link",
            "meta", "param", "source", "track", "wbr");
    private static final Set<String> RAW_TEXT = Set.of("script", "style", "textarea");

    private TemplateMarkup() {}

    /** A piece of the tree. */
    sealed interface Part permits Text, Element {}

    /** Text, a comment or a doctype, as written. */
    record Text(String raw) implements Part {}

    /**
     * An attribute: the spaces before it, its name, all of it as written ({@code name="value"}), and its value
     * without quotes (null when it has none).
     */
    record Attr(String space, String name, String raw, String value) {}

    /**
     * An element: its name as written, its attributes, what ends its start tag (spaces and {@code >} or {@code />}),
     * its children and its end tag as written (null for an element without one).
     */
    record Element(String name, List<Attr> attrs, String end, List<Part> children, String close) implements Part {
        Attr attr(String attrName) {
            for (Attr a : attrs) if (a.name().equalsIgnoreCase(attrName)) return a;
            return null;
        }
    }

    /** Markup this reader does not read as Thymeleaf would. */
    static final class Unsupported extends RuntimeException {
        Unsupported(String why) {
            super(why, null, false, false);
        }
    }

    static List<Part> parse(String text) {
        return new Reader(text).read();
    }

    private static final class Reader {
        private final String s;
        private int i;

        Reader(String s) {
            this.s = s;
        }

        /** An element being read: its start and the children read so far. */
        private record Open(String name, List<Attr> attrs, String end, List<Part> children) {}

        List<Part> read() {
            List<Part> top = new ArrayList<>();
            Deque<Open> open = new ArrayDeque<>();
            while (i < s.length()) {
                List<Part> into = open.isEmpty() ? top : open.peek().children();
                int lt = s.indexOf('<', i);
                if (lt < 0) lt = s.length();
                if (lt > i) into.add(text(s.substring(i, lt)));
                i = lt;
                if (i >= s.length()) break;
                if (s.startsWith("<!--/*/", i)) throw new Unsupported("a prototype-only comment");
                if (s.startsWith("<!--/*", i)) { // a parser-level comment: not in the output
                    i = after("*/-->", i);
                } else if (s.startsWith("<!--", i)) {
                    int end = after("-->", i + 4);
                    into.add(text(s.substring(i, end)));
                    i = end;
                } else if (s.startsWith("<!", i) || s.startsWith("<?", i)) {
                    int end = after(">", i);
                    into.add(text(s.substring(i, end)));
                    i = end;
                } else if (s.startsWith("</", i)) {
                    int end = after(">", i);
                    String name = s.substring(i + 2, end - 1).trim();
                    Open o = open.poll();
                    if (o == null || !o.name().equalsIgnoreCase(name)) throw new Unsupported("an end tag out of place");
                    (open.isEmpty() ? top : open.peek().children())
                            .add(new Element(o.name(), o.attrs(), o.end(), List.copyOf(o.children()), s.substring(i, end)));
                    i = end;
                } else {
                    startTag(into, open);
                }
            }
            if (!open.isEmpty()) throw new Unsupported("an element without its end tag");
            return List.copyOf(top);
        }

        private void startTag(List<Part> into, Deque<Open> open) {
            int start = ++i;
            while (i < s.length() && !Character.isWhitespace(s.charAt(i)) && s.charAt(i) != '>' && s.charAt(i) != '/') i++;
            String name = s.substring(start, i);
            if (name.isEmpty()) throw new Unsupported("a lone <");
            List<Attr> attrs = new ArrayList<>();
            while (true) {
                int spaceAt = i;
                while (i < s.length() && Character.isWhitespace(s.charAt(i))) i++;
                if (i >= s.length()) throw new Unsupported("a start tag without its end");
                char c = s.charAt(i);
                if (c == '>' || s.startsWith("/>", i)) {
                    int end = c == '>' ? i + 1 : i + 2;
                    String ending = s.substring(spaceAt, end);
                    i = end;
                    boolean standalone = c == '/' || VOID.contains(name.toLowerCase(Locale.ROOT));
                    if (standalone) {
                        into.add(new Element(name, List.copyOf(attrs), ending, List.of(), null));
                    } else {
                        Open o = new Open(name, List.copyOf(attrs), ending, new ArrayList<>());
                        open.push(o);
                        if (RAW_TEXT.contains(name.toLowerCase(Locale.ROOT))) rawText(o);
                    }
                    return;
                }
                if (i == spaceAt) throw new Unsupported("attributes without a space between them");
                attrs.add(attribute(s.substring(spaceAt, i)));
            }
        }

        private Attr attribute(String space) {
            int start = i;
            while (i < s.length() && !Character.isWhitespace(s.charAt(i)) && "=>".indexOf(s.charAt(i)) < 0
                    && !s.startsWith("/>", i)) i++;
            String name = s.substring(start, i);
            if (name.regionMatches(true, 0, "data-th-", 0, 8)) throw new Unsupported("a data-th- attribute");
            int j = i;
            while (j < s.length() && Character.isWhitespace(s.charAt(j))) j++;
            if (j >= s.length() || s.charAt(j) != '=') return new Attr(space, name, name, null);
            j++;
            while (j < s.length() && Character.isWhitespace(s.charAt(j))) j++;
            if (j >= s.length()) throw new Unsupported("an attribute without its value");
            char q = s.charAt(j);
            String value;
            if (q == '"' || q == '\'') {
                int close = s.indexOf(q, j + 1);
                if (close < 0) throw new Unsupported("an attribute value without its end");
                value = s.substring(j + 1, close);
                i = close + 1;
            } else {
                int k = j;
                while (k < s.length() && !Character.isWhitespace(s.charAt(k)) && s.charAt(k) != '>') k++;
                value = s.substring(j, k);
                i = k;
            }
            if (value.indexOf('&') >= 0) throw new Unsupported("a character reference in an attribute");
            return new Attr(space, name, s.substring(start, i), value);
        }

        /** A script's or style's text, up to its end tag. */
        private void rawText(Open o) {
            int end = s.toLowerCase(Locale.ROOT).indexOf("</" + o.name().toLowerCase(Locale.ROOT), i);
            if (end < 0) throw new Unsupported("a " + o.name() + " without its end tag");
            if (end > i) o.children().add(text(s.substring(i, end)));
            i = end;
        }

        private int after(String what, int from) {
            int at = s.indexOf(what, from);
            if (at < 0) throw new Unsupported("markup without its end");
            return at + what.length();
        }

        private static Text text(String raw) {
            if (raw.contains("[[") || raw.contains("[(")) throw new Unsupported("an inlined expression");
            return new Text(raw);
        }
    }
}
