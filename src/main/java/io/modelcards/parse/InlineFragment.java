package io.modelcards.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The text and links of an HTML fragment as jsoup gives them ({@code Element.text()}, and {@code select("a[href]")}
 * with each anchor's {@code href} and text), read without building a document, for the fragments most prose
 * paragraphs and table cells are: text and character references, inline elements of the kinds below (attributes
 * well quoted), anchors not inside anchors, in at most one paragraph. Anything else (a block element, a line break, a
 * comment, a tag of another kind, a {@code <} that starts no tag, a character jsoup's text treats apart: no-break,
 * zero-width and other Unicode spaces, soft hyphens, control characters) gives null, and the caller asks jsoup.
 * {@code InlineFragmentTest} compares both on generated fragments, every character of the Basic Multilingual Plane and
 * the prose and cells of real cards. A build's parse read each paragraph with jsoup for its text and again for its
 * links: 4 % of a 10,000-card build's samples.
 */
record InlineFragment(String text, List<Anchor> anchors) {
    /** An anchor with an href (as {@code a[href]} selects it): the href unescaped, and its text. */
    record Anchor(String href, String text) {}

    /** Elements that neither start a block nor hold raw text: their tags add nothing to the text (an image a space when a node follows it). */
    private static final Set<String> INLINE = Set.of("a", "abbr", "b", "bdi", "bdo", "cite", "code", "data", "del",
            "dfn", "em", "i", "img", "ins", "kbd", "mark", "q", "s", "samp", "small", "span", "strong", "sub", "sup",
            "time", "u", "var");

    /** The fragment read, or null when it is not one this reads as jsoup would. */
    static InlineFragment of(String html) {
        String s = html.strip();
        if (s.startsWith("<p>") && s.endsWith("</p>")) s = s.substring(3, s.length() - 4);
        return new Reader(s).read();
    }

    private static final class Reader {
        private final String s;
        private int i;
        /** The text read: never longer than the fragment (grown from 16 characters it was 1.2 % of a build's bytes). */
        private final StringBuilder text;
        private final List<Anchor> anchors = new ArrayList<>();
        /** The elements open, innermost last: each end tag closes the innermost (else jsoup may move or split them). */
        private final List<String> open = new ArrayList<>();
        /** The text of the anchor being read, or null outside an anchor. */
        private StringBuilder anchorText;
        private String anchorHref;
        /** An image was read last: jsoup's text puts a space after it when a node follows it in its parent. */
        private boolean afterImage;

        Reader(String s) {
            this.s = s;
            this.text = new StringBuilder(s.length());
        }

        InlineFragment read() {
            int run = 0;
            while (i < s.length()) {
                if (s.charAt(i) != '<') {
                    i++;
                    continue;
                }
                if (!text(s.substring(run, i))) return null;
                if (!tag()) return null;
                run = i;
            }
            if (!text(s.substring(run)) || anchorText != null) return null; // an anchor left open ends with its parent
            return new InlineFragment(Spaces.collapse(text), List.copyOf(anchors));
        }

        /** Adds a run of text between tags, its character references read; false when jsoup reads it otherwise. */
        private boolean text(String run) {
            if (run.isEmpty()) return true;
            String t = run.indexOf('&') < 0 ? run : org.jsoup.parser.Parser.unescapeEntities(run, false);
            for (int k = 0; k < t.length(); k++) if (!plain(t.charAt(k))) return false;
            spaceAfterImage();
            text.append(t);
            if (anchorText != null) anchorText.append(t);
            return true;
        }

        /** Whether jsoup's text and {@link Spaces#collapse} treat {@code c} alike (as a letter, or as white space). */
        private static boolean plain(char c) {
            if (c < ' ') return c == '\t' || c == '\n' || c == '\f' || c == '\r';
            // U+FFFF is where jsoup's reader ends its input
            return !(c == '\u00A0' || c == '\u00AD' || c == '\u200B' || c == '\u007F' || c == '\uFFFF'
                    || Character.isWhitespace(c) && c != ' ');
        }

        /** Reads the tag at {@code i}; false when it is not an inline element's well-formed tag. */
        private boolean tag() {
            int at = i + 1;
            boolean end = at < s.length() && s.charAt(at) == '/';
            if (end) at++;
            int nameFrom = at;
            while (at < s.length() && isAsciiLetterOrDigit(s.charAt(at)) && (at > nameFrom || isAsciiLetter(s.charAt(at)))) at++;
            if (at == nameFrom || at >= s.length()) return false;
            String name = s.substring(nameFrom, at).toLowerCase(Locale.ROOT);
            if (!INLINE.contains(name)) return false;
            char next = s.charAt(at);
            if (next != '>' && next != '/' && !isSpace(next)) return false;
            String href = null;
            boolean hasHref = false;
            // attributes: a name, and a value after '=' in quotes or without spaces and quotes
            while (true) {
                while (at < s.length() && isSpace(s.charAt(at))) at++;
                if (at >= s.length()) return false;
                char c = s.charAt(at);
                if (c == '>') break;
                if (c == '/' && at + 1 < s.length() && s.charAt(at + 1) == '>') {
                    at++;
                    break;
                }
                int from = at;
                while (at < s.length() && !isSpace(s.charAt(at)) && "/>=\"'<`".indexOf(s.charAt(at)) < 0) at++;
                if (at == from || at >= s.length()) return false;
                String attribute = s.substring(from, at).toLowerCase(Locale.ROOT);
                while (at < s.length() && isSpace(s.charAt(at))) at++;
                String value = "";
                if (at < s.length() && s.charAt(at) == '=') {
                    at++;
                    while (at < s.length() && isSpace(s.charAt(at))) at++;
                    if (at >= s.length()) return false;
                    char q = s.charAt(at);
                    if (q == '"' || q == '\'') {
                        int close = s.indexOf(q, at + 1);
                        if (close < 0) return false;
                        value = s.substring(at + 1, close);
                        at = close + 1;
                        if (at < s.length() && !isSpace(s.charAt(at)) && s.charAt(at) != '>' && s.charAt(at) != '/') return false;
                    } else {
                        int v = at;
                        while (at < s.length() && !isSpace(s.charAt(at)) && s.charAt(at) != '>') {
                            if ("\"'<=`".indexOf(s.charAt(at)) >= 0) return false;
                            at++;
                        }
                        if (at == v) return false;
                        value = s.substring(v, at);
                    }
                } else if (at < s.length() && s.charAt(at) == '/' && at + 1 < s.length() && s.charAt(at + 1) != '>') {
                    return false;
                }
                if (attribute.equals("href") && !hasHref) { // jsoup keeps an attribute's first value
                    hasHref = true;
                    href = value.indexOf('&') < 0 ? value : org.jsoup.parser.Parser.unescapeEntities(value, true);
                }
            }
            i = at + 1;
            if (end) {
                afterImage = false; // the image was its parent's last node
                if (open.isEmpty() || !open.get(open.size() - 1).equals(name)) return false;
                open.remove(open.size() - 1);
                if (name.equals("a")) {
                    if (anchorHref != null) anchors.add(new Anchor(anchorHref, Spaces.collapse(anchorText)));
                    anchorText = null;
                    anchorHref = null;
                }
                return true;
            }
            spaceAfterImage();
            if (name.equals("img")) { // void: never open
                afterImage = true;
                return true;
            }
            if (name.equals("a")) {
                if (anchorText != null) return false; // an anchor in an anchor: jsoup closes the first
                anchorText = new StringBuilder();
                anchorHref = hasHref ? href : null;
            }
            open.add(name);
            return true;
        }

        private void spaceAfterImage() {
            if (!afterImage) return;
            afterImage = false;
            text.append(' ');
            if (anchorText != null) anchorText.append(' ');
        }

        private static boolean isSpace(char c) {
            return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r';
        }

        private static boolean isAsciiLetter(char c) {
            return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
        }

        private static boolean isAsciiLetterOrDigit(char c) {
            return isAsciiLetter(c) || c >= '0' && c <= '9';
        }
    }
}
