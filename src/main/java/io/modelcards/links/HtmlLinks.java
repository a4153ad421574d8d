package io.modelcards.links;

import java.util.List;
import java.util.function.Function;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Edits the anchors of sanitized HTML (a paragraph, a list item, a table cell). The result is HTML the links
 * stage wrote itself: hrefs it chose, rel on anchors that open another window, and the "fixed" mark.
 */
final class HtmlLinks {
    // jsoup's queries, each parsed once: select(String) and closest(String) parse theirs on every call
    private static final org.jsoup.select.Evaluator LINKS = org.jsoup.select.QueryParser.parse("a[href]");
    private static final org.jsoup.select.Evaluator IMAGES = org.jsoup.select.QueryParser.parse("img[src]");
    private static final org.jsoup.select.Evaluator NEW_WINDOW_LINKS = org.jsoup.select.QueryParser.parse("a[target]");

    static final String FIXED_CLASS = "fixed-link";

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
        // the hrefs read without a document where they can be (the links stage parsed every paragraph with a link:
        // 1 % of a 10,000-card build's samples); each is asked once, and the answers are applied below when one changes
        List<String> hrefs = io.modelcards.parse.AnchorHrefs.of(html);
        List<String> answers = null;
        if (hrefs != null) {
            answers = new java.util.ArrayList<>(hrefs.size());
            boolean changes = false;
            for (String href : hrefs) {
                String to = rewrite.apply(href);
                answers.add(to);
                changes |= to != null && !to.equals(href);
            }
            if (!changes) return html;
        }
        Document d = parse(html);
        boolean changed = false;
        int asked = 0;
        for (Element a : d.select(LINKS)) {
            String href = a.attr("href");
            // the answer given above for this anchor (the same hrefs in the same order), else asked now
            String to = answers != null && asked < answers.size() && hrefs.get(asked).equals(href) ? answers.get(asked++)
                    : rewrite.apply(href);
            if (to != null && !to.equals(href)) {
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
        for (Element img : d.select(IMAGES)) {
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
        for (Element a : d.select(LINKS)) {
            if (!a.attr("href").equals(from)) continue;
            a.attr("href", to);
            Element mark = new Element("sup").addClass(FIXED_CLASS).attr("title", "corrected from " + from).text("fixed");
            a.after(mark);
            return html(d);
        }
        return html;
    }

    /**
     * An anchor the card opens in another window ({@code target}) gets {@code rel="noopener noreferrer"}, so the page
     * it opens cannot reach this one; nothing else changes. External links are not marked one by one: site.css marks
     * absolute hrefs and each page's referrer policy keeps its address from the sites it links to (per anchor, the
     * two attributes were 1.3 KB of a synthetic card's page and a parse of every block with a link).
     */
    static String guardNewWindows(String html) {
        if (!html.contains("target")) return html;
        Document d = parse(html);
        return guardNewWindows(d) ? html(d) : html;
    }

    /** {@link #guardNewWindows(String)} on a parsed fragment; true when an anchor changed. */
    static boolean guardNewWindows(Document d) {
        boolean changed = false;
        for (Element a : d.select(NEW_WINDOW_LINKS)) {
            if (a.attr("rel").equals("noopener noreferrer")) continue;
            a.attr("rel", "noopener noreferrer");
            changed = true;
        }
        return changed;
    }

    static boolean isExternal(String href) {
        String h = href.strip().toLowerCase(java.util.Locale.ROOT);
        return h.startsWith("http://") || h.startsWith("https://") || h.startsWith("//");
    }
}
