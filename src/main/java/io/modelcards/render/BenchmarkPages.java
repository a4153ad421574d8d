package io.modelcards.render;

import io.modelcards.model.Model;
import io.modelcards.render.CatalogueViews.MentionView;
import io.modelcards.render.CatalogueViews.ResultView;
import io.modelcards.render.CatalogueViews.TopicIndexView;
import io.modelcards.render.CatalogueViews.TopicPageView;
import io.modelcards.render.CatalogueViews.TopicSummaryView;
import io.modelcards.render.Views.ChartView;
import io.modelcards.render.Views.DataLinkView;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The benchmark and dataset pages: benchmarks/index.html and datasets/index.html list them;
 * benchmarks/<slug>/index.html and datasets/<slug>/index.html list every model reporting one, each result
 * linking back to its row on the model's page.
 */
final class BenchmarkPages {
    static final String BENCHMARKS = "benchmarks";
    static final String DATASETS = "datasets";

    /** One page to render: where, with which template and view. */
    record Page(String path, String template, String title, String description, String variable, Object view) {}

    private BenchmarkPages() {}

    /** A page lists at most this many results, so a benchmark reported by every model of a large catalogue stays readable. */
    static final int MAX_ROWS = 500;

    /** The pages; with a cache, a benchmark page's charts are drawn again only when their columns changed. */
    static List<Page> pages(Topics topics, RenderCache cache) {
        List<Page> pages = new ArrayList<>();
        List<Topics.Topic> benchmarks = topics.benchmarks();
        List<Topics.Topic> datasets = topics.all();
        Map<Topics.Topic, Integer> counts = new IdentityHashMap<>(); // models per topic, when known already
        List<Page> topicPages = new ArrayList<>();
        for (Topics.Topic t : benchmarks) topicPages.add(topicPage(BENCHMARKS, "Benchmark", t, true, cache, counts));
        for (Topics.Topic t : datasets) topicPages.add(topicPage(DATASETS, "Dataset", t, t.benchmark, cache, counts));
        pages.add(index(BENCHMARKS, "Benchmarks", "Every benchmark a model of the catalogue reports a result on.", benchmarks, counts));
        pages.add(index(DATASETS, "Datasets", "Every dataset the catalogue's models are evaluated or trained on, or name.", datasets, counts));
        pages.addAll(topicPages);
        return pages;
    }

    /**
     * What a topic page is made from. Two inputs give the same page when their lists hold the same elements as far
     * as the page goes: of a model, a result or mention shows only its name and slug, and a chart source uses its
     * name and variants (see Charts). The topics of serve's rebuilds share the results and mentions of unchanged
     * models, so most elements are the very same objects.
     */
    record TopicInput(String kind, String name, Set<String> aliases, boolean benchmark, boolean hasOther,
                      List<Topics.Result> results, List<Topics.Mention> mentions, List<Charts.Source> sources) {
        boolean same(TopicInput o) {
            return kind.equals(o.kind) && name.equals(o.name) && aliases.equals(o.aliases) && benchmark == o.benchmark
                    && hasOther == o.hasOther && Runs.same(results, o.results, TopicInput::sameResult)
                    && Runs.same(mentions, o.mentions, TopicInput::sameMention)
                    && Runs.same(sources, o.sources, TopicInput::sameSource);
        }

        private static boolean sameShown(Model a, Model b) {
            return a == b || (a.slug().equals(b.slug()) && a.name().equals(b.name()));
        }

        private static boolean sameResult(Topics.Result a, Topics.Result b) {
            return sameShown(a.model(), b.model()) && a.label().equals(b.label()) && a.rowId().equals(b.rowId())
                    && a.metric().equals(b.metric()) && a.value().equals(b.value()) && a.type().equals(b.type())
                    && a.sortKey().equals(b.sortKey());
        }

        private static boolean sameMention(Topics.Mention a, Topics.Mention b) {
            return sameShown(a.model(), b.model()) && a.where().equals(b.where()) && a.rowId().equals(b.rowId());
        }

        private static boolean sameSource(Charts.Source a, Charts.Source b) {
            return sameShown(a.model(), b.model()) && a.model().variants().equals(b.model().variants())
                    && a.table().equals(b.table()) && a.column() == b.column() && a.benchmark().equals(b.benchmark())
                    && a.metric().equals(b.metric());
        }
    }

    /** A topic page and the number of models on it. */
    record Made(Page page, int models) {}

    private static Page topicPage(String kind, String label, Topics.Topic t, boolean hasOther, RenderCache cache,
                                  Map<Topics.Topic, Integer> counts) {
        if (cache == null) return topicPage(kind, label, t, hasOther, null);
        TopicInput input = new TopicInput(kind, t.name, new java.util.TreeSet<>(t.aliases), t.benchmark, hasOther,
                t.results, t.mentions, t.sources);
        Made made = cache.topicPage(input, () -> new Made(topicPage(kind, label, t, hasOther, cache), t.models().size()));
        counts.put(t, made.models());
        return made.page();
    }

    static String path(String kind, Topics.Topic t) {
        return kind + "/" + t.slug() + "/index.html";
    }

    private static Page index(String kind, String title, String intro, List<Topics.Topic> topics,
                              Map<Topics.Topic, Integer> counts) {
        String from = kind + "/index.html";
        List<TopicSummaryView> rows = new ArrayList<>();
        for (Topics.Topic t : topics) {
            rows.add(new TopicSummaryView(t.name, SitePaths.link(from, path(kind, t)), String.join(", ", t.aliases),
                    counts.containsKey(t) ? counts.get(t) : t.models().size(), t.results.size()));
        }
        return new Page(from, "pages/" + kind, title, intro, "topics", new TopicIndexView(title, intro, rows));
    }

    private static Page topicPage(String kind, String label, Topics.Topic t, boolean hasOther, RenderCache cache) {
        String from = path(kind, t);
        List<ResultView> results = new ArrayList<>();
        for (Topics.Result r : t.results.subList(0, Math.min(MAX_ROWS, t.results.size()))) {
            String model = SitePaths.link(from, SitePaths.model(r.model().slug()));
            results.add(new ResultView(r.model().name(), model, r.label(), r.rowId().isEmpty() ? model : model + "#" + r.rowId(),
                    r.metric(), r.value(), r.type(), r.sortKey()));
        }
        List<MentionView> mentions = new ArrayList<>();
        for (Topics.Mention m : t.mentions) {
            String model = SitePaths.link(from, SitePaths.model(m.model().slug()));
            mentions.add(new MentionView(m.model().name(), m.rowId().isEmpty() ? model : model + "#" + m.rowId(), m.where()));
        }
        String other = "";
        String otherLabel = "";
        if (kind.equals(BENCHMARKS)) {
            other = SitePaths.link(from, path(DATASETS, t));
            otherLabel = "Dataset page";
        } else if (hasOther) {
            other = SitePaths.link(from, path(BENCHMARKS, t));
            otherLabel = "Benchmark page";
        }
        List<Model> models = t.models();
        String description = label + " " + t.name + ": " + models.size() + (models.size() == 1 ? " model" : " models")
                + ", " + t.results.size() + (t.results.size() == 1 ? " result" : " results") + ".";
        List<ChartView> charts = new ArrayList<>();
        if (kind.equals(BENCHMARKS) && !results.isEmpty()) {
            // the page's own ids, which chart ids must not repeat
            Set<String> ids = new HashSet<>(Set.of("top", "results", "results-title", "mentions", "mentions-title", "charts",
                    "charts-title"));
            java.util.function.Supplier<List<String>> svgs = () -> Charts.of(t.sources, Charts.Choice.ALL, ids).stream()
                    .map(Charts.Chart::svg).toList();
            for (String svg : cache == null ? svgs.get() : cache.chartSvgs(t.name, t.sources, svgs)) {
                charts.add(new ChartView(svg, List.of(new DataLinkView("", "the results table", "#results"))));
            }
        }
        String note = t.results.size() <= MAX_ROWS ? "" : "Showing the first " + MAX_ROWS + " of " + t.results.size()
                + " results, in catalogue order; every result is in models.json and on the models' pages.";
        TopicPageView view = new TopicPageView(t.name, label, String.join(", ", t.aliases), results, mentions, other,
                otherLabel, charts, note);
        return new Page(from, "pages/" + kind.substring(0, kind.length() - 1), t.name, description, "topic", view);
    }
}
