package io.modelcards.links;

import io.modelcards.model.Curated;
import io.modelcards.model.Model;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * Links the names of catalogue models in another model's prose to their pages: its name, its corrected name and
 * its curated aliases (Llama v2 / Llama 2 / llama-7b). Never inside an existing link or code; the first mention
 * of each model on a page only; never a model's own page.
 */
final class CrossLinker {
    static final String CLASS = "xref";
    private static final Set<String> SKIP = Set.of("a", "code", "pre", "kbd", "samp", "script", "style");

    private final Map<String, Model> byName;
    private final NameFinder finder;

    CrossLinker(List<Model> models, Curated curated) {
        this.byName = index(models, curated);
        this.finder = new NameFinder(byName.keySet());
    }

    /** Every name a model goes by, mapped to it; a name claimed by two models links to neither. */
    private static Map<String, Model> index(List<Model> models, Curated curated) {
        Map<String, Model> map = new TreeMap<>();
        Set<String> ambiguous = new HashSet<>();
        for (Model m : models) {
            Set<String> own = new java.util.LinkedHashSet<>(List.of(m.name(), m.heading()));
            String corrected = curated.corrections().get(m.name());
            if (corrected != null) own.add(corrected);
            for (var e : curated.aliases().entrySet()) {
                boolean mine = own.stream().anyMatch(n -> n.equalsIgnoreCase(e.getKey())
                        || e.getValue().stream().anyMatch(a -> a.equalsIgnoreCase(n)));
                if (mine) {
                    own.add(e.getKey());
                    own.addAll(e.getValue());
                }
            }
            for (String n : own) {
                if (n.isBlank()) continue;
                Model prev = map.putIfAbsent(n, m);
                if (prev != null && prev != m) ambiguous.add(n);
            }
        }
        ambiguous.forEach(map::remove);
        return map;
    }

    /** Each name that links, with the slug and name of the model it links to (what {@link #link} uses of it). */
    Map<String, String> targets() {
        if (targets == null) {
            Map<String, String> map = new java.util.HashMap<>();
            byName.forEach((n, m) -> map.put(n, m.slug() + "\u0000" + m.name()));
            targets = java.util.Collections.unmodifiableMap(map);
        }
        return targets;
    }

    private Map<String, String> targets;

    /**
     * Adds links to other models' pages in one block's HTML ({@code linked} holds the models already linked on
     * this page and is updated), and guards its anchors that open another window as
     * {@link HtmlLinks#guardNewWindows(String)} does, in one parse of the HTML (a catalogue has tens of thousands of
     * paragraphs).
     */
    String link(String html, Model page, Set<String> linked) {
        if (finder.isEmpty() || html.isBlank() || !finder.mayOccurInTexts(html, SKIP, name -> links(name, page, linked))) {
            return HtmlLinks.guardNewWindows(html);
        }
        Document d = HtmlLinks.parse(html);
        boolean changed = false;
        List<TextNode> texts = new ArrayList<>();
        collect(d.body(), texts);
        for (TextNode t : texts) changed |= linkText(t, page, linked);
        changed |= HtmlLinks.guardNewWindows(d);
        return changed ? HtmlLinks.html(d) : html;
    }

    /** Whether {@code name} would link on {@code page}: another model's, not linked on the page yet. */
    private boolean links(String name, Model page, Set<String> linked) {
        Model target = byName.get(name);
        return target != null && !target.slug().equals(page.slug()) && !linked.contains(target.slug());
    }

    private static void collect(Element e, List<TextNode> out) {
        if (SKIP.contains(e.normalName().toLowerCase(Locale.ROOT))) return;
        for (Node n : e.childNodes()) {
            if (n instanceof TextNode t) out.add(t);
            else if (n instanceof Element child) collect(child, out);
        }
    }

    private boolean linkText(TextNode text, Model page, Set<String> linked) {
        boolean changed = false;
        TextNode rest = text;
        while (rest != null) {
            String whole = rest.getWholeText();
            TextNode next = null;
            int from = 0;
            NameFinder.Match m;
            while ((m = finder.find(whole, from)) != null) {
                from = m.end();
                Model target = byName.get(m.name());
                if (target == null || target.slug().equals(page.slug()) || linked.contains(target.slug())) continue;
                linked.add(target.slug());
                // jsoup splits only strictly inside the text: a name at either end of it needs no split there
                TextNode tail = m.start() == 0 ? rest : rest.splitText(m.start());
                TextNode after = m.end() == whole.length() ? null : tail.splitText(m.end() - m.start());
                Element a = new Element("a").attr("href", HeadingLinks.pageOf(target)).addClass(CLASS)
                        .attr("title", target.name());
                tail.replaceWith(a);
                a.appendChild(tail);
                next = after;
                changed = true;
                break;
            }
            rest = next;
        }
        return changed;
    }
}
