package io.modelcards.render;

import io.modelcards.model.Block;
import io.modelcards.model.Model;
import io.modelcards.model.Site;
import io.modelcards.render.CatalogueViews.RelatedView;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * "Related models" of a model page: models it names or that name it (cross-links, base models), and models
 * sharing benchmarks or datasets with it; most shared first, at most {@value #LIMIT}. Built once for the whole
 * site from indexes, so a catalogue of 10,000 models does not compare every model with every other.
 */
final class RelatedModels {
    static final int LIMIT = 5;
    /** A topic shared by more models than this says little about relatedness (every LLM reports MMLU). */
    static final int MAX_TOPIC_SIZE = 50;
    private static final Pattern MODEL_HREF = Pattern.compile("href=\"\\.\\./([^/\"]+)/index\\.html");

    private final Map<String, Model> bySlug = new HashMap<>();
    private final Map<String, Model> byName = new HashMap<>();
    private final Map<String, TreeSet<String>> names = new HashMap<>();
    private final Map<String, TreeSet<String>> namedBy = new HashMap<>();
    private final Map<String, List<Topics.Topic>> topicsOf = new HashMap<>();
    /** base model name (lower case) → slugs of the models built on it */
    private final Map<String, TreeSet<String>> derived = new HashMap<>();
    /** serve's: each model's list once made, by slug (null in a build, whose pages ask on every core) */
    private Map<String, List<RelatedView>> made;

    private RelatedModels() {}

    /**
     * The related-models index of {@code site}, with the model pages each model's text links to taken from {@code named}
     * (by model instance) and added to it when missing; serve keeps it between renders.
     */
    static RelatedModels index(Site site, Topics topics, Map<Model, List<String>> named) {
        return index(site, topics, named, null);
    }

    /** What serve keeps between renders: the last index and its models. Not thread-safe. */
    static final class Memo {
        private RelatedModels index;
        private List<Model> models = List.of();
    }

    /**
     * Like {@link #index(Site, Topics, Map)}, with the last render's index (and the lists it made) kept in {@code memo}
     * when nothing it reads can have changed: the topics are the last ones with some values set again ({@link
     * TopicsPatch}: each topic has the same models), and each model parsed again has the same slug, name, base models
     * and links to model pages. A value edit at 10,000 cards made every model's list again, about a quarter of it.
     */
    static RelatedModels index(Site site, Topics topics, Map<Model, List<String>> named, Memo memo) {
        if (memo != null && memo.index != null && topics.patched() && sameModels(memo.models, site.models(), named)) {
            memo.models = site.models();
            return memo.index;
        }
        RelatedModels r = build(site, topics, named);
        if (memo != null) {
            r.made = new HashMap<>();
            memo.index = r;
            memo.models = site.models();
        }
        return r;
    }

    /** Whether the models are the last ones, but for instances parsed again that give this index the same entries. */
    private static boolean sameModels(List<Model> before, List<Model> now, Map<Model, List<String>> named) {
        if (before.size() != now.size()) return false;
        for (int i = 0; i < now.size(); i++) {
            Model was = before.get(i);
            Model is = now.get(i);
            if (was == is) {
                named.get(is); // kept for the next render (serve's map forgets what a render did not ask for)
                continue;
            }
            if (!was.slug().equals(is.slug()) || !was.name().equals(is.name())
                    || !was.frontMatter().baseModels().equals(is.frontMatter().baseModels())
                    || !named.computeIfAbsent(was, RelatedModels::linkedPages)
                            .equals(named.computeIfAbsent(is, RelatedModels::linkedPages))) {
                return false;
            }
        }
        return true;
    }

    private static RelatedModels build(Site site, Topics topics, Map<Model, List<String>> named) {
        RelatedModels r = new RelatedModels();
        for (Model m : site.models()) {
            r.bySlug.put(m.slug(), m);
            r.byName.putIfAbsent(m.name().toLowerCase(Locale.ROOT), m);
            r.byName.putIfAbsent(m.slug(), m);
        }
        // the pages a model's text links to are read on every core, for the models not read before; each model is
        // asked about once, in the catalogue's order (serve's map finds a model by its place first)
        List<Model> models = site.models();
        List<List<String>> linked = new ArrayList<>(models.size());
        List<Integer> unread = new ArrayList<>();
        for (int i = 0; i < models.size(); i++) {
            List<String> known = named.get(models.get(i));
            if (known == null) unread.add(i);
            linked.add(known);
        }
        List<List<String>> read = unread.parallelStream().map(i -> linkedPages(models.get(i))).toList();
        for (int k = 0; k < unread.size(); k++) {
            linked.set(unread.get(k), read.get(k));
            named.put(models.get(unread.get(k)), read.get(k));
        }
        for (int i = 0; i < models.size(); i++) {
            Model m = models.get(i);
            for (String base : m.frontMatter().baseModels()) {
                r.derived.computeIfAbsent(base.toLowerCase(Locale.ROOT), k -> new TreeSet<>()).add(m.slug());
            }
            for (String target : linked.get(i)) {
                if (target.equals(m.slug()) || !r.bySlug.containsKey(target)) continue;
                r.names.computeIfAbsent(m.slug(), k -> new TreeSet<>()).add(target);
                r.namedBy.computeIfAbsent(target, k -> new TreeSet<>()).add(m.slug());
            }
        }
        for (Topics.Topic t : topics.all()) {
            if (t.hasMoreModelsThan(MAX_TOPIC_SIZE)) continue;
            for (Model m : t.models()) r.topicsOf.computeIfAbsent(m.slug(), k -> new ArrayList<>()).add(t);
        }
        return r;
    }

    /** The slugs of the model pages a model's prose and lists link to, in order. */
    static List<String> linkedPages(Model m) {
        List<String> targets = new ArrayList<>();
        for (Block b : m.blocks()) {
            String html = b instanceof Block.Prose p ? p.html() : b instanceof Block.ListBlock l ? String.join("", l.items()) : "";
            if (!html.contains("href=\"../")) continue;
            Matcher h = MODEL_HREF.matcher(html);
            while (h.find()) targets.add(h.group(1));
        }
        return targets.isEmpty() ? List.of() : targets;
    }

    List<RelatedView> of(Model model) {
        if (made == null) return make(model);
        List<RelatedView> views = made.get(model.slug());
        if (views == null) made.put(model.slug(), views = make(model));
        return views;
    }

    /** serve's kept index: the model asked about in each place of the catalogue by {@link #at}, and its list. */
    private final ByPlace<List<RelatedView>> placed = new ByPlace<>();
    private final java.util.function.Function<Model, List<RelatedView>> listOf = this::of; // made once, not per model

    /**
     * {@link #of} for the model in place {@code i} of the catalogue, for serve's kept index: the model there when last
     * asked is compared by reference first (a look-up by slug for each of 10,000 models on every edit was a few cache
     * misses each). Not for concurrent use.
     */
    List<RelatedView> at(int i, Model model) {
        return made == null ? of(model) : placed.get(i, model, listOf);
    }

    /**
     * The list of one model. A kept index may hold an earlier instance of a model parsed again (the same slug and
     * names): models are told apart by slug.
     */
    private List<RelatedView> make(Model model) {
        Map<String, TreeSet<String>> reasons = new LinkedHashMap<>();
        for (String s : names.getOrDefault(model.slug(), new TreeSet<>())) reasons.computeIfAbsent(s, k -> new TreeSet<>()).add("named in this card");
        for (String s : namedBy.getOrDefault(model.slug(), new TreeSet<>())) reasons.computeIfAbsent(s, k -> new TreeSet<>()).add("names this model");
        for (String base : model.frontMatter().baseModels()) {
            Model other = byName.get(base.toLowerCase(Locale.ROOT));
            if (other != null && !other.slug().equals(model.slug())) reasons.computeIfAbsent(other.slug(), k -> new TreeSet<>()).add("base model");
        }
        // models whose base model is this one
        for (String key : List.of(model.name().toLowerCase(Locale.ROOT), model.slug())) {
            for (String other : derived.getOrDefault(key, new TreeSet<>())) {
                if (!other.equals(model.slug())) reasons.computeIfAbsent(other, k -> new TreeSet<>()).add("base model");
            }
        }
        Map<String, TreeSet<String>> shared = new LinkedHashMap<>();
        for (Topics.Topic t : topicsOf.getOrDefault(model.slug(), List.of())) {
            for (Model other : t.models()) {
                if (!other.slug().equals(model.slug())) shared.computeIfAbsent(other.slug(), k -> new TreeSet<>()).add(t.name);
            }
        }
        // ranked by reasons (ten points each) and shared topics, then by name, then in the order found (the sort is
        // stable); each candidate's score and name taken once, not in every comparison (sets made and looked up per
        // comparison were 1.2 % of a build of the 26,354 real cards)
        record Candidate(String slug, int score, String name) {}
        List<Candidate> order = new ArrayList<>(reasons.size() + shared.size());
        List<String> found = new ArrayList<>(reasons.keySet());
        for (String s : shared.keySet()) if (!reasons.containsKey(s)) found.add(s);
        for (String s : found) {
            TreeSet<String> why = reasons.get(s);
            TreeSet<String> sh = shared.get(s);
            order.add(new Candidate(s, (why == null ? 0 : why.size()) * 10 + (sh == null ? 0 : sh.size()),
                    bySlug.get(s).name()));
        }
        order.sort((a, b) -> a.score != b.score ? Integer.compare(b.score, a.score) : a.name.compareTo(b.name));
        List<RelatedView> views = new ArrayList<>();
        String from = SitePaths.model(model.slug());
        for (Candidate c : order.subList(0, Math.min(LIMIT, order.size()))) {
            String s = c.slug();
            Model m = bySlug.get(s);
            List<String> why = new ArrayList<>(reasons.getOrDefault(s, new TreeSet<>()));
            TreeSet<String> sh = shared.get(s);
            if (sh != null) why.add("shares " + String.join(", ", sh));
            views.add(new RelatedView(m.name(), SitePaths.link(from, SitePaths.model(m.slug())), String.join("; ", why)));
        }
        return views;
    }
}
