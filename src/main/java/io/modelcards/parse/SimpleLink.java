package io.modelcards.parse;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
    private static final Pattern SHAPE = Pattern.compile(
            "<a href=\"(" + PLAIN_URL + ")\">([A-Za-z0-9._()/+,:-]+(?: [A-Za-z0-9._()/+,:-]+)*)</a>");

    /** The link when {@code html} is exactly one simple link; null otherwise. */
    static SimpleLink of(String html) {
        if (!html.startsWith("<a href=\"http") || !html.endsWith("</a>")) return null;
        Matcher m = SHAPE.matcher(html);
        return m.matches() ? new SimpleLink(m.group(1), m.group(2)) : null;
    }
}
