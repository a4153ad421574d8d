package io.modelcards.render;

import io.modelcards.model.Block;
import io.modelcards.model.Model;
import io.modelcards.model.Site;
import io.modelcards.render.CatalogueViews.RelatedView;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

/**
 * "Related models" of a model page: models it names or that name it (cross-links, base models), and models
 * sharing benchmarks or datasets with it; most shared first, at most {@value #LIMIT}.
 */
final class RelatedModels {
    static final int LIMIT = 5;

    private RelatedModels() {}

    static List<RelatedView> of(Model model, Site site, Topics topics) {
        Map<Model, TreeSet<String>> reasons = new LinkedHashMap<>();
        for (Model other : site.models()) {
            if (other == model) continue;
            if (names(model, other)) reasons.computeIfAbsent(other, k -> new TreeSet<>()).add("named in this card");
            if (names(other, model)) reasons.computeIfAbsent(other, k -> new TreeSet<>()).add("names this model");
            if (isBase(model, other)) reasons.computeIfAbsent(other, k -> new TreeSet<>()).add("base model");
        }
        Map<Model, TreeSet<String>> shared = new LinkedHashMap<>();
        for (Topics.Topic t : topics.all()) {
            var models = t.models();
            if (!models.contains(model)) continue;
            for (Model other : models) if (other != model) shared.computeIfAbsent(other, k -> new TreeSet<>()).add(t.name);
        }
        List<Model> order = new ArrayList<>(reasons.keySet());
        for (Model m : shared.keySet()) if (!order.contains(m)) order.add(m);
        order.sort(Comparator.comparingInt((Model m) -> -(reasons.getOrDefault(m, new TreeSet<>()).size() * 10
                + shared.getOrDefault(m, new TreeSet<>()).size())).thenComparing(Model::name));
        List<RelatedView> views = new ArrayList<>();
        String from = SitePaths.model(model.slug());
        for (Model m : order.subList(0, Math.min(LIMIT, order.size()))) {
            List<String> why = new ArrayList<>(reasons.getOrDefault(m, new TreeSet<>()));
            TreeSet<String> s = shared.get(m);
            if (s != null) why.add("shares " + String.join(", ", s));
            views.add(new RelatedView(m.name(), SitePaths.link(from, SitePaths.model(m.slug())), String.join("; ", why)));
        }
        return views;
    }

    /** True when {@code page}'s prose links to {@code other}'s page (a cross-link or a written link). */
    private static boolean names(Model page, Model other) {
        String href = "../" + other.slug() + "/index.html";
        for (Block b : page.blocks()) {
            String html = b instanceof Block.Prose p ? p.html() : b instanceof Block.ListBlock l ? String.join("", l.items()) : "";
            if (!html.contains(href)) continue;
            for (Element a : Jsoup.parseBodyFragment(html).select("a[href]")) if (a.attr("href").startsWith(href)) return true;
        }
        return false;
    }

    private static boolean isBase(Model model, Model other) {
        for (String base : model.frontMatter().baseModels()) {
            if (base.equalsIgnoreCase(other.name()) || base.equalsIgnoreCase(other.slug())) return true;
        }
        for (String base : other.frontMatter().baseModels()) {
            if (base.equalsIgnoreCase(model.name()) || base.equalsIgnoreCase(model.slug())) return true;
        }
        return false;
    }
}
