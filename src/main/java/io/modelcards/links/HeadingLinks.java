package io.modelcards.links;

import io.modelcards.model.Block;
import io.modelcards.model.Model;
import io.modelcards.model.Row;
import io.modelcards.model.Table;
import io.modelcards.parse.HeadingIds;
import io.modelcards.parse.HtmlSanitizer;
import io.modelcards.parse.Slugs;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Resolves same-document links ({@code #whisper} in a file holding several models) to where the heading ends
 * up in the site: an anchor on the same page, another model's page, or an anchor on another model's page.
 * Models of the same file are tried before the rest. An anchor found nowhere is left as written, for the link
 * check to report with its source line.
 */
final class HeadingLinks {
    /** Ids every model page has besides its headings (see templates/pages/model.html and layout.html). */
    private static final Set<String> PAGE_IDS = HeadingIds.PAGE_IDS;

    private final List<Model> models;
    /**
     * The models of each file, in catalogue order: a card alone in its file is found without a pass over the catalogue
     * (a pass per same-document link was 1.7 % of a build of the 26,354 real cards, and grows with the catalogue).
     */
    private final Map<String, List<Model>> byFile = new HashMap<>();

    HeadingLinks(List<Model> models) {
        this.models = List.copyOf(models);
        for (Model m : this.models) byFile.computeIfAbsent(m.origin().path(), k -> new ArrayList<>()).add(m);
    }

    /** Whether resolving {@code href} looks at other models than {@code from}: a {@code #anchor} not on its page. */
    boolean looksElsewhere(Model from, String href) {
        if (!href.startsWith("#") || href.length() < 2) return false;
        return !idsOf(from).contains(fragment(href));
    }

    /** The href a {@code #anchor} link of {@code from} should have, or null to keep it. */
    String resolve(Model from, String href) {
        if (!href.startsWith("#") || href.length() < 2) return null;
        String id = fragment(href);
        Set<String> own = idsOf(from);
        if (own.contains(id)) return null;
        // GitHub's page script finds a heading whose id is the fragment lowercased (#Training → #training)
        String lower = id.toLowerCase(java.util.Locale.ROOT);
        if (own.contains(lower)) return "#" + lower;
        // an anchor the card set itself (<a id="paper-1">), kept with GitHub's prefix
        String author = HtmlSanitizer.AUTHOR_ID_PREFIX + id;
        if (own.contains(author)) return "#" + author.replace("%", "%25");
        for (Model m : ordered(from)) {
            if (names(m).contains(id) || names(m).contains(Slugs.slug(id, "")) || names(m).contains(HeadingIds.slug(id))) {
                return m == from ? "#top" : pageOf(m);
            }
        }
        for (Model m : ordered(from)) {
            if (m != from && idsOf(m).contains(id)) return pageOf(m) + "#" + id;
        }
        return null;
    }

    static String pageOf(Model m) {
        return "../" + m.slug() + "/index.html";
    }

    /**
     * The models a same-document link of {@code from} may mean: those of its file, then, for a file holding several
     * models (a collection), the others. A card alone in its file (a Hub README) links only into itself: its
     * {@code #training} is never another card's heading.
     */
    private List<Model> ordered(Model from) {
        String path = from.origin().path();
        List<Model> same = byFile.getOrDefault(path, List.of());
        if (same.size() < 2) return same;
        List<Model> out = new ArrayList<>(same);
        for (Model m : models) if (!m.origin().path().equals(path)) out.add(m);
        return out;
    }

    private static Set<String> names(Model m) {
        return new java.util.HashSet<>(List.of(m.slug(), Slugs.slug(m.name(), ""), Slugs.slug(m.heading(), ""),
                HeadingIds.slug(m.name()), HeadingIds.slug(m.heading())));
    }

    private static final java.util.regex.Pattern AUTHOR_ID = java.util.regex.Pattern.compile(
            " id=\"(" + HtmlSanitizer.AUTHOR_ID_PREFIX + "[^\"]*)\"");

    /** The anchors a card set itself in some sanitized HTML (see HtmlSanitizer.AUTHOR_ID_PREFIX). */
    private static void authorIds(String html, Set<String> ids) {
        if (!html.contains(HtmlSanitizer.AUTHOR_ID_PREFIX)) return;
        java.util.regex.Matcher m = AUTHOR_ID.matcher(html);
        while (m.find()) ids.add(org.jsoup.parser.Parser.unescapeEntities(m.group(1), true));
    }

    /** The id a {@code #fragment} names, percent-decoded as a browser matches it ("+" is a plus; a stray % is kept). */
    static String fragment(String href) {
        String raw = href.substring(1);
        try {
            return java.net.URLDecoder.decode(raw.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return raw;
        }
    }

    private static Set<String> idsOf(Model m) {
        Set<String> ids = new LinkedHashSet<>(PAGE_IDS);
        for (Block b : m.blocks()) {
            if (b instanceof Block.Heading h) ids.add(h.id());
            if (b instanceof Block.Prose p) authorIds(p.html(), ids);
            if (b instanceof Block.ListBlock l) for (String item : l.items()) authorIds(item, ids);
            if (b instanceof Block.TableBlock tb) {
                Table t = tb.table();
                ids.add(t.id());
                ids.add("fig-" + t.id());
                for (Row r : t.rows()) ids.add(r.id());
            }
        }
        return ids;
    }
}
