package io.modelcards.parse;

import java.util.regex.Pattern;
import org.jsoup.Jsoup;

/** Plain text of a heading's inline Markdown: emphasis markers, code ticks and tags removed. */
final class InlineText {
    private InlineText() {}

    private static final Pattern LINK = Pattern.compile("\\[([^\\]]*)\\]\\([^)]*\\)");
    private static final Pattern MARKERS = Pattern.compile("(?<!\\\\)[*_`]{1,3}(?=\\S)|(?<=\\S)[*_`]{1,3}");

    static String plain(String markdown) {
        String s = LINK.matcher(markdown).replaceAll("$1");
        s = MARKERS.matcher(s).replaceAll("");
        if (s.indexOf('<') >= 0 || s.indexOf('&') >= 0) s = Jsoup.parseBodyFragment(s).body().text();
        return Spaces.collapse(s);
    }
}
