package io.modelcards.links;

import java.util.function.Function;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Edits the anchors of sanitized HTML (a paragraph, a list item, a table cell). The result is HTML the links
 * stage wrote itself: hrefs it chose, rel/class on external links, and the "fixed" mark.
 */
final class HtmlLinks {
    static final String FIXED_CLASS = "fixed-link";
    static final String EXTERNAL_CLASS = "ext";

    private HtmlLinks() {}

    static Document parse(String html) {
        Document d = Jsoup.parseBodyFragment(html);
        d.outputSettings().prettyPrint(false);
        return d;
    }

    static String html(Document d) {
        return d.body().html();
    }

    /** Rewrites each anchor's href with {@code rewrite} (null keeps it); unchanged HTML is returned as is. */
    static String rewriteHrefs(String html, Function<String, String> rewrite) {
        if (!html.contains("<a")) return html;
        Document d = parse(html);
        boolean changed = false;
        for (Element a : d.select("a[href]")) {
            String to = rewrite.apply(a.attr("href"));
            if (to != null && !to.equals(a.attr("href"))) {
                a.attr("href", to);
                changed = true;
            }
        }
        return changed ? html(d) : html;
    }

    /** Rewrites each image's src with {@code rewrite} (null keeps it); unchanged HTML is returned as is. */
    static String rewriteSrcs(String html, Function<String, String> rewrite) {
        if (!html.contains("<img")) return html;
        Document d = parse(html);
        boolean changed = false;
        for (Element img : d.select("img[src]")) {
            String to = rewrite.apply(img.attr("src"));
            if (to != null && !to.equals(img.attr("src"))) {
                img.attr("src", to);
                changed = true;
            }
        }
        return changed ? html(d) : html;
    }

    /** Points the first anchor with {@code from} to {@code to} and marks it as corrected. */
    static String fix(String html, String from, String to) {
        Document d = parse(html);
        for (Element a : d.select("a[href]")) {
            if (!a.attr("href").equals(from)) continue;
            a.attr("href", to);
            Element mark = new Element("sup").addClass(FIXED_CLASS).attr("title", "corrected from " + from).text("fixed");
            a.after(mark);
            return html(d);
        }
        return html;
    }

    /**
     * One anchor and nothing else, with nothing jsoup would write differently (no entity, no markup in the text):
     * the commonest cell of link tables, marked without a parse.
     */
    private static final java.util.regex.Pattern LONE_EXTERNAL = java.util.regex.Pattern.compile(
            "<a href=\"((?:https?:)?//[^\"<>&'\\s\u00A0]*)\">([^<>&\u00A0]*)</a>");

    /** Gives external anchors rel="noopener noreferrer" and the external marker class. */
    static String markExternal(String html) {
        if (!html.contains("<a")) return html;
        if (html.startsWith("<a href=\"") && html.endsWith("</a>")) {
            java.util.regex.Matcher m = LONE_EXTERNAL.matcher(html);
            if (m.matches() && isExternal(m.group(1))) {
                return "<a href=\"" + m.group(1) + "\" rel=\"noopener noreferrer\" class=\"" + EXTERNAL_CLASS + "\">"
                        + m.group(2) + "</a>";
            }
        }
        return markExternalParsed(html);
    }

    /** {@link #markExternal} by way of jsoup, for any HTML. */
    static String markExternalParsed(String html) {
        Document d = parse(html);
        return markExternal(d) ? html(d) : html;
    }

    /** Marks the external anchors of a parsed fragment; true when any was. */
    static boolean markExternal(Document d) {
        boolean changed = false;
        for (Element a : d.select("a[href]")) {
            if (!isExternal(a.attr("href"))) continue;
            a.attr("rel", "noopener noreferrer").addClass(EXTERNAL_CLASS);
            changed = true;
        }
        return changed;
    }

    static boolean isExternal(String href) {
        String h = href.strip().toLowerCase(java.util.Locale.ROOT);
        return h.startsWith("http://") || h.startsWith("https://") || h.startsWith("//");
    }
}
