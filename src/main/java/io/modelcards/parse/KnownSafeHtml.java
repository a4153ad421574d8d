package io.modelcards.parse;

/**
 * The HTML flexmark writes for a plain paragraph (text, emphasis, code spans, http(s) links), recognised by
 * its tokens: for such HTML the sanitizer would hand back the same characters, so the jsoup round trip is
 * skipped (a catalogue has tens of thousands of paragraphs). Anything else — raw HTML, images, entities jsoup
 * writes differently, unusual URLs — takes the full path. SimpleLinkTest checks this against the sanitizer.
 */
final class KnownSafeHtml {
    private KnownSafeHtml() {}

    /** Tags that carry nothing but themselves ({@code </?(?:p|strong|em|code|del|a)>|<br>}), looked up as written. */
    private static final java.util.Set<String> PLAIN_TAG = java.util.Set.of("<p>", "</p>", "<strong>", "</strong>",
            "<em>", "</em>", "<code>", "</code>", "<del>", "</del>", "<a>", "</a>", "<br>");
    /** Whether {@code tag} is an anchor to an http(s) address of characters that need no escaping (SimpleLink's). */
    private static boolean isAnchor(String tag) {
        String start = "<a href=\"";
        return tag.length() >= start.length() + 2 && tag.startsWith(start) && tag.endsWith("\">")
                && SimpleLink.isPlainUrl(tag, start.length(), tag.length() - 2);
    }

    static boolean is(String html) {
        int n = html.length();
        java.util.ArrayDeque<String> open = new java.util.ArrayDeque<>();
        for (int i = 0; i < n; ) {
            char c = html.charAt(i);
            if (c == '<') {
                int close = html.indexOf('>', i);
                if (close < 0) return false;
                String tag = html.substring(i, close + 1);
                i = close + 1;
                String name;
                if (tag.startsWith("<a ")) {
                    if (!isAnchor(tag)) return false;
                    name = "a";
                } else if (PLAIN_TAG.contains(tag)) {
                    if (tag.equals("<br>") || tag.equals("<a>")) {
                        if (tag.equals("<a>")) return false;
                        continue;
                    }
                    name = tag.substring(tag.charAt(1) == '/' ? 2 : 1, tag.length() - 1);
                    if (tag.charAt(1) == '/') {
                        if (open.isEmpty() || !open.pop().equals(name)) return false; // as written, well nested
                        continue;
                    }
                } else {
                    return false;
                }
                // where the HTML parser would move things: a paragraph inside anything, a link inside a link
                if (name.equals("p") && !open.isEmpty()) return false;
                if (name.equals("a") && open.contains("a")) return false;
                open.push(name);
            } else if (c == '&') {
                // the entities jsoup writes the same way; &quot; and &#39; it would write as characters
                if (html.startsWith("&amp;", i)) i += 5;
                else if (html.startsWith("&lt;", i) || html.startsWith("&gt;", i)) i += 4;
                else return false;
            } else if (c == '>' || c == '\u00A0' || c == '"' || c == '\r' || c == 0) {
                return false;
            } else {
                i++;
            }
        }
        return open.isEmpty();
    }
}
