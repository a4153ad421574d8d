package io.modelcards.parse;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Heading ids as GitHub (and the Hugging Face Hub) make them, so that {@code #anchors} written for a card's home
 * page resolve on ours: github-slugger 2.0 (https://github.com/Flet/github-slugger), copied rule by rule. The text
 * is lowercased; every code point of the Unicode categories Other_Number, Punctuation other than the connector
 * kind (`_`), Symbol, Control, Private_Use, Format, Unassigned and Separator is removed unless it is Alphabetic,
 * an ASCII space or {@code -}; each space becomes {@code -} (no collapsing: "Results &amp; Limits" →
 * {@code results--limits}). A repeated id gets {@code -1}, {@code -2}… as github-slugger counts them. One
 * instance per page: the ids the page's template uses, and the ids of its tables, count as taken from the start.
 */
public final class HeadingIds {
    /** Ids of every model page besides its headings (templates/layout.html, fragments/header.html, pages/model.html). */
    public static final Set<String> PAGE_IDS = Set.of("main", "top", "content", "contents", "facts", "facts-title",
            "toc", "toc-title", "related", "related-title", "search-input", "search-results", "theme-toggle",
            "hljs-light", "hljs-dark");
    /** Ids of a page's tables (see ModelPages): table-3, table-3-caption, fig-table-3. */
    private static final Pattern TABLE_ID = Pattern.compile("(fig-)?table-\\d+(-caption)?");
    /** The id of a heading whose text leaves nothing (GitHub's own would be empty, which HTML does not allow). */
    static final String EMPTY = "section";

    private final Map<String, Integer> occurrences = new HashMap<>();

    public HeadingIds() {
        for (String id : PAGE_IDS) occurrences.put(id, 0);
    }

    /** The id of the next heading of the page: {@link #slug} made unique the way github-slugger does. */
    public String next(String text) {
        String base = slug(text);
        if (base.isEmpty()) base = EMPTY;
        String id = base;
        while (taken(id)) {
            int n = occurrences.merge(base, 1, Integer::sum);
            id = base + "-" + n;
        }
        occurrences.put(id, 0);
        return id;
    }

    private boolean taken(String id) {
        return occurrences.containsKey(id) || TABLE_ID.matcher(id).matches();
    }

    /** github-slugger's {@code slug(value)}: the id of a heading's plain text, before uniqueness (may be empty). */
    public static String slug(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(lower.length());
        for (int i = 0; i < lower.length(); ) {
            int cp = lower.codePointAt(i);
            i += Character.charCount(cp);
            if (cp == ' ') out.append('-');
            else if (cp == '-' || !removed(cp)) out.appendCodePoint(cp);
        }
        return out.toString();
    }

    /** Whether github-slugger's generated regex removes the code point. */
    private static boolean removed(int cp) {
        if (Character.isAlphabetic(cp)) return false;
        switch (Character.getType(cp)) {
            case Character.OTHER_NUMBER:
            case Character.END_PUNCTUATION:
            case Character.FINAL_QUOTE_PUNCTUATION:
            case Character.INITIAL_QUOTE_PUNCTUATION:
            case Character.START_PUNCTUATION:
            case Character.OTHER_PUNCTUATION:
            case Character.DASH_PUNCTUATION:
            case Character.MATH_SYMBOL:
            case Character.CURRENCY_SYMBOL:
            case Character.MODIFIER_SYMBOL:
            case Character.OTHER_SYMBOL:
            case Character.CONTROL:
            case Character.PRIVATE_USE:
            case Character.FORMAT:
            case Character.UNASSIGNED:
            case Character.SPACE_SEPARATOR:
            case Character.LINE_SEPARATOR:
            case Character.PARAGRAPH_SEPARATOR:
                return true;
            default:
                return false;
        }
    }
}
