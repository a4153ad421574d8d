package io.modelcards.parse;

/**
 * The commonest cell of link tables, {@code <a href="https://…">Link</a>}, recognised without an HTML parser:
 * an http(s) address and a short text made only of characters that neither jsoup nor the sanitizer would change.
 * For such a fragment the sanitized HTML is the fragment itself, its text is {@code text} and its one link is
 * {@code href} (HtmlSanitizerTest checks this against the sanitizer on many generated fragments).
 */
record SimpleLink(String href, String text) {
    /** An http(s) address of a valid host and characters that need no escaping, which jsoup keeps as written. */
    static final String PLAIN_URL = "https?://[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*"
            + "(?:/[A-Za-z0-9._~/?#=%+,;()!$*:-]*)?";
    /** What {@link #of} reads, as a pattern (SimpleLinkTest compares the two). */
    static final String SHAPE = "<a href=\"(" + PLAIN_URL + ")\">([A-Za-z0-9._()/+,:-]+(?: [A-Za-z0-9._()/+,:-]+)*)</a>";

    /** The link when {@code html} is exactly one simple link; null otherwise. */
    static SimpleLink of(String html) {
        if (!html.startsWith("<a href=\"http") || !html.endsWith("</a>")) return null;
        // SHAPE read by hand (it ran on every link cell of every link table): the address holds no quote and the
        // text no '<', so the first quote ends the one and the closing tag the other
        int quote = html.indexOf('"', HREF_START);
        if (quote < 0 || !html.startsWith("\">", quote)) return null;
        int textEnd = html.length() - "</a>".length();
        if (quote + 2 > textEnd) return null;
        return isPlainUrl(html, HREF_START, quote) && isText(html, quote + 2, textEnd)
                ? new SimpleLink(html.substring(HREF_START, quote), html.substring(quote + 2, textEnd)) : null;
    }

    private static final int HREF_START = "<a href=\"".length();

    /** Whether {@code s} from {@code from} to {@code to} is all of {@link #PLAIN_URL}. */
    static boolean isPlainUrl(String s, int from, int to) {
        int i = from;
        if (s.startsWith("https://", i)) i += 8;
        else if (s.startsWith("http://", i)) i += 7;
        else return false;
        // the host: the run of letters, digits, dots and dashes, in labels of letters and digits with inner dashes
        int host = i;
        while (i < to && (isAlnum(s.charAt(i)) || s.charAt(i) == '.' || s.charAt(i) == '-')) i++;
        if (!isHost(s, host, i)) return false;
        if (i == to) return true;
        if (s.charAt(i) != '/') return false;
        for (i++; i < to; i++) {
            char c = s.charAt(i);
            if (!isAlnum(c) && "._~/?#=%+,;()!$*:-".indexOf(c) < 0) return false;
        }
        return true;
    }

    private static boolean isHost(String s, int from, int to) {
        if (from == to) return false;
        int label = from;
        for (int i = from; i <= to; i++) {
            if (i < to && s.charAt(i) != '.') continue;
            // a label from label to i: not empty, a letter or digit at each end
            if (i == label || s.charAt(label) == '-' || s.charAt(i - 1) == '-') return false;
            label = i + 1;
        }
        return true;
    }

    /** Whether {@code s} from {@code from} to {@code to} is words of {@code [A-Za-z0-9._()/+,:-]}, one space apart. */
    static boolean isText(String s, int from, int to) {
        if (from == to || s.charAt(from) == ' ' || s.charAt(to - 1) == ' ') return false;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c == ' ' ? s.charAt(i - 1) == ' ' : !isAlnum(c) && "._()/+,:-".indexOf(c) < 0) return false;
        }
        return true;
    }

    private static boolean isAlnum(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9';
    }
}
