package io.modelcards.parse;

import org.jsoup.Jsoup;

/** Plain text of a heading's inline Markdown: emphasis markers, code ticks and tags removed. */
final class InlineText {
    private InlineText() {}

    static String plain(String markdown) {
        String s = markdown.replaceAll("\\[([^\\]]*)\\]\\([^)]*\\)", "$1");
        s = s.replaceAll("(?<!\\\\)[*_`]{1,3}(?=\\S)|(?<=\\S)[*_`]{1,3}", "");
        if (s.indexOf('<') >= 0 || s.indexOf('&') >= 0) s = Jsoup.parseBodyFragment(s).body().text();
        return s.replaceAll("\\s+", " ").strip();
    }
}
