package io.modelcards.check;

import io.modelcards.diag.SourcePosition;
import io.modelcards.model.Block;
import io.modelcards.model.Cell;
import io.modelcards.model.Link;
import io.modelcards.model.Model;
import io.modelcards.model.Row;
import io.modelcards.model.Site;
import io.modelcards.render.SitePaths;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

/**
 * Where each link of a generated page comes from: the content line of a link written in a card, else the
 * template line that writes it, else the page's template.
 */
public final class LinkSources {
    // jsoup's queries, each parsed once: select(String) and closest(String) parse theirs on every call
    private static final org.jsoup.select.Evaluator LINKS_AND_IMAGES = org.jsoup.select.QueryParser.parse("a[href], img[src]");

    /**
     * Model page → its model, made when first asked for; a page's links are indexed only when one of them is broken
     * (rarely: serve makes one of these on every edit).
     */
    private Map<String, Model> models;
    private final Site site;
    private final Map<String, Map<String, SourcePosition>> content = new HashMap<>();
    private final TemplateSources templates;

    public LinkSources(Site site, TemplateSources templates) {
        this.site = site;
        this.templates = templates;
    }

    /** The source of {@code href} on {@code page}, and whether it is content (true) or a template (false). */
    Located locate(String page, String href) {
        if (models == null) {
            models = new HashMap<>();
            for (Model m : site.models()) models.put(SitePaths.model(m.slug()), m);
        }
        Model m = models.get(page);
        SourcePosition at = m == null ? null : content.computeIfAbsent(page, k -> contentLinks(m)).get(href);
        if (at != null) return new Located(at, true);
        String preferred = templateOf(page);
        String tail = href.replaceFirst("^(\\.\\./|\\./)+", "");
        SourcePosition t = templates.find(tail, preferred);
        if (t == null && tail.contains("/")) t = templates.find(tail.substring(tail.lastIndexOf('/') + 1), preferred);
        return new Located(t == null ? SourcePosition.file("templates/" + preferred) : t, false);
    }

    record Located(SourcePosition at, boolean fromContent) {}

    /** The template a page is rendered from (see SiteRenderer). */
    static String templateOf(String page) {
        if (page.startsWith("models/")) return "pages/model.html";
        for (String kind : List.of("benchmarks", "datasets")) {
            if (page.equals(kind + "/index.html")) return "pages/" + kind + ".html";
            if (page.startsWith(kind + "/")) return "pages/" + kind.substring(0, kind.length() - 1) + ".html";
        }
        return "pages/" + page.replaceFirst("\\.html$", "").replaceFirst("/index$", "") + ".html";
    }

    private static Map<String, SourcePosition> contentLinks(Model m) {
        Map<String, SourcePosition> byHref = new LinkedHashMap<>();
        for (Block b : m.blocks()) {
            if (b instanceof Block.Prose p) add(p.html(), b.origin(), m.links(), byHref);
            else if (b instanceof Block.ListBlock l) for (String item : l.items()) add(item, b.origin(), m.links(), byHref);
            else if (b instanceof Block.TableBlock t) {
                // a link in a header cell (Search Boost<a href='#benchmarks'>) is the table's, at its first line
                for (var c : t.table().columns()) add(c.html(), t.table().origin(), m.links(), byHref);
                for (Row r : t.table().headerRows()) for (Cell c : r.cells()) add(c.html(), r.origin(), m.links(), byHref);
                for (Row r : t.table().rows()) {
                    for (Cell c : r.cells()) {
                        for (Link l : c.links()) byHref.putIfAbsent(l.href(), l.origin());
                        add(c.html(), r.origin(), m.links(), byHref);
                    }
                }
            }
        }
        return byHref;
    }

    private static void add(String html, SourcePosition blockOrigin, List<Link> links, Map<String, SourcePosition> out) {
        if (!html.contains("<a") && !html.contains("<img")) return;
        for (Element e : Jsoup.parseBodyFragment(html).select(LINKS_AND_IMAGES)) {
            String href = e.hasAttr("href") ? e.attr("href") : e.attr("src");
            SourcePosition at = blockOrigin;
            for (Link l : links) {
                if (l.href().equals(href) && l.origin().line() >= blockOrigin.line()) {
                    at = l.origin();
                    break;
                }
            }
            out.putIfAbsent(href, at);
        }
    }
}
