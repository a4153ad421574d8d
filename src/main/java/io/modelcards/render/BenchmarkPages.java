package io.modelcards.render;

import io.modelcards.model.BenchmarkVocabulary;
import io.modelcards.model.Model;
import io.modelcards.model.SiteConfig;
import io.modelcards.render.CatalogueViews.BoardLinkView;
import io.modelcards.render.CatalogueViews.BoardView;
import io.modelcards.render.CatalogueViews.ChartFigureView;
import io.modelcards.render.CatalogueViews.ChipView;
import io.modelcards.render.CatalogueViews.FactView;
import io.modelcards.render.CatalogueViews.FilterView;
import io.modelcards.render.CatalogueViews.LeaderboardPageView;
import io.modelcards.render.CatalogueViews.LegendView;
import io.modelcards.render.CatalogueViews.LinkView;
import io.modelcards.render.CatalogueViews.MentionView;
import io.modelcards.render.CatalogueViews.TopicIndexView;
import io.modelcards.render.CatalogueViews.TopicPageView;
import io.modelcards.render.CatalogueViews.TopicSummaryView;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The benchmark and dataset pages. benchmarks/<slug>/index.html is a benchmark's leaderboards (see
 * {@link Leaderboards}); datasets/<slug>/index.html lists the leaderboards on a dataset (linking them, never repeating
 * their rows), the datasets it was made from or that were made from it, and the models naming it. Both kinds have an
 * index page.
 */
final class BenchmarkPages {
    private static final Pattern NUMBER = Pattern.compile("\\d{1,6}");
    static final String BENCHMARKS = "benchmarks";
    static final String DATASETS = "datasets";

    /** One page to render: where, with which template and view. */
    record Page(String path, String template, String title, String description, String variable, Object view) {}

    private BenchmarkPages() {}

    static List<Page> pages(Topics topics, Leaderboards leaderboards, BenchmarkVocabulary vocabulary, SiteConfig config) {
        List<Leaderboards.Benchmark> benchmarks = leaderboards.benchmarks();
        // each benchmark's dataset has a page (made here when no card names it), as has each dataset it was made from
        Map<Leaderboards.Benchmark, Topics.Topic> datasetOf = new IdentityHashMap<>();
        for (Leaderboards.Benchmark b : benchmarks) {
            datasetOf.put(b, topics.named(b.datasetName()));
            if (!b.derivedFrom().isEmpty()) topics.named(b.derivedFrom());
        }
        List<Topics.Topic> datasets = topics.all();
        Map<Topics.Topic, List<Leaderboards.Benchmark>> benchmarksOf = new IdentityHashMap<>();
        for (Leaderboards.Benchmark b : benchmarks) benchmarksOf.computeIfAbsent(datasetOf.get(b), k -> new ArrayList<>()).add(b);
        List<Page> pages = new ArrayList<>();
        pages.add(benchmarkIndex(benchmarks));
        pages.add(datasetIndex(datasets));
        for (Leaderboards.Benchmark b : benchmarks) pages.add(benchmarkPage(b, datasetOf.get(b), topics, config));
        for (Topics.Topic t : datasets) {
            pages.add(datasetPage(t, benchmarksOf.getOrDefault(t, List.of()), topics, vocabulary));
        }
        return pages;
    }

    static String path(Leaderboards.Benchmark b) {
        return BENCHMARKS + "/" + b.slug + "/index.html";
    }

    static String path(Topics.Topic t) {
        return DATASETS + "/" + t.slug() + "/index.html";
    }

    private static Page benchmarkIndex(List<Leaderboards.Benchmark> benchmarks) {
        String from = BENCHMARKS + "/index.html";
        String intro = "Every benchmark a model of the catalogue reports a result on, each with its leaderboards.";
        List<TopicSummaryView> rows = new ArrayList<>();
        for (Leaderboards.Benchmark b : benchmarks) {
            String note = b.known == null ? "not a known benchmark" : b.known.task();
            rows.add(new TopicSummaryView(b.name, SitePaths.link(from, path(b)), "", b.models().size(), b.results(), note));
        }
        return new Page(from, "pages/" + BENCHMARKS, "Benchmarks", intro, "topics", new TopicIndexView("Benchmarks", intro, rows));
    }

    private static Page datasetIndex(List<Topics.Topic> datasets) {
        String from = DATASETS + "/index.html";
        String intro = "Every dataset the catalogue's models are evaluated or trained on, or name.";
        List<TopicSummaryView> rows = new ArrayList<>();
        for (Topics.Topic t : datasets) {
            rows.add(new TopicSummaryView(t.name, SitePaths.link(from, path(t)), String.join(", ", t.aliases),
                    t.models().size(), t.results.size(), ""));
        }
        return new Page(from, "pages/" + DATASETS, "Datasets", intro, "topics", new TopicIndexView("Datasets", intro, rows));
    }

    private static Page benchmarkPage(Leaderboards.Benchmark b, Topics.Topic dataset, Topics topics, SiteConfig config) {
        String from = path(b);
        List<FactView> facts = new ArrayList<>();
        String task = b.known != null ? b.known.task() : "";
        if (!task.isEmpty()) facts.add(new FactView("Task", List.of(new LinkView(task, ""))));
        facts.add(new FactView("Dataset", List.of(new LinkView(dataset.name, SitePaths.link(from, path(dataset))))));
        if (!b.derivedFrom().isEmpty()) {
            Topics.Topic parent = topics.named(b.derivedFrom());
            facts.add(new FactView("Derived from", List.of(new LinkView(parent.name, SitePaths.link(from, path(parent))))));
        }
        if (b.known != null && !b.known.dataset().isEmpty()) {
            facts.add(new FactView("Hub dataset", List.of(new LinkView(b.known.dataset(), ""))));
        }
        List<BoardView> boards = new ArrayList<>();
        boolean severalTasks = b.boards.stream().map(x -> x.task).distinct().count() > 1;
        for (Leaderboards.Board board : b.boards) boards.add(board(board, from, severalTasks, config));
        List<Model> models = b.models();
        int results = b.results();
        String lead = (b.known == null ? "Not a known benchmark: a name the benchmark vocabulary does not know, as the"
                + " cards write it. " : "") + results + (results == 1 ? " result" : " results") + " of " + models.size()
                + (models.size() == 1 ? " model" : " models") + (b.boards.size() == 1 ? ", in one leaderboard."
                : ", in " + b.boards.size() + " leaderboards.");
        String description = "Benchmark " + b.name + ": " + models.size() + (models.size() == 1 ? " model" : " models")
                + ", " + results + (results == 1 ? " result" : " results") + ", ranked.";
        LeaderboardPageView view = new LeaderboardPageView(b.name, "Benchmark", lead, facts, boards,
                SitePaths.link(from, "js/leaderboard.js"));
        return new Page(from, "pages/benchmark", b.name, description, "topic", view);
    }

    private static BoardView board(Leaderboards.Board board, String from, boolean severalTasks, SiteConfig config) {
        // a board's view is kept with the board: serve reuses unchanged leaderboards, and with them their tables
        String key = from + "\u0000" + severalTasks + "\u0000" + config.repoUrl();
        synchronized (board) {
            if (key.equals(board.viewKey)) return board.view;
        }
        BoardView made = makeBoard(board, from, severalTasks, config, key);
        synchronized (board) {
            board.view = made;
            board.viewKey = key;
        }
        return made;
    }

    private static BoardView makeBoard(Leaderboards.Board board, String from, boolean severalTasks, SiteConfig config,
                                       String key) {
        String metrics = board.metricList();
        String id = board.id;
        String title = "Leaderboard: " + metrics + (severalTasks && !board.task.isEmpty() ? " (" + board.task + ")" : "");
        String primary = board.metricNames.get(board.primary);
        String about = "Ranked by " + primary + ", " + (board.higherIsBetter.get(board.primary) ? "higher" : "lower")
                + " is better" + (board.dimensions.isEmpty() ? "" : ", within each setting") + "; the best comparable value"
                + (board.dimensions.isEmpty() ? "" : " of each setting") + " is marked ★."
                + (board.hasNotComparable() ? " Results the card marks as not comparable (†: the model was trained on the"
                        + " benchmark's data) keep their place by value but are never marked best." : "");
        List<FilterView> filters = new ArrayList<>();
        for (Settings.Dimension d : board.dimensions) {
            Set<String> values = new LinkedHashSet<>();
            for (List<Leaderboards.Line> g : board.groups) {
                String v = g.get(0).settings.get(d);
                values.add(v.isEmpty() ? LeaderboardTable.NONE : v);
            }
            if (values.size() < 2) continue;
            List<ChipView> chips = new ArrayList<>(List.of(new ChipView("All", "")));
            for (String v : sortedValues(values, d)) {
                chips.add(new ChipView(v.equals(LeaderboardTable.NONE) ? "not stated" : v, v));
            }
            filters.add(new FilterView(id + "-filter-" + d.param, d.param, d.label, chips));
        }
        // serve: after a moved line, the rows of the lines not moved and the chart are the last ones
        LeaderboardTable.Made table = LeaderboardTable.of(board, from, config.repoUrl(),
                key.equals(board.tableKey) ? board.table : null, board.moved);
        board.table = table;
        board.tableKey = key;
        board.moved = Set.of();
        List<LegendView> legend = new ArrayList<>();
        for (LeaderboardTable.Legend l : table.legend()) legend.add(new LegendView(l.symbol(), l.term(), l.text()));
        if (!id.equals(board.chartId)) {
            board.chart = LeaderboardChart.of(board, id + "-chart");
            board.chartId = id;
        }
        LeaderboardChart.Made chart = board.chart;
        String caption = board.benchmark.name + " leaderboard, " + metrics + ": one row per model or variant and"
                + " setting, ranked by " + primary;
        String note = board.dropped == 0 ? "" : "Showing the first " + Leaderboards.MAX_LINES + " lines; "
                + board.dropped + " more are in models.json and on the models' pages.";
        return new BoardView(id, title, about, caption, filters, table.head(), table.body(), legend,
                chart == null ? null : new ChartFigureView(chart.svg(), chart.caption()), note);
    }

    /** A filter's values: shots by number, others as the groups come, "not stated" last. */
    private static List<String> sortedValues(Set<String> values, Settings.Dimension d) {
        List<String> list = new ArrayList<>(values);
        if (d == Settings.Dimension.SHOTS) {
            list.sort((a, b) -> {
                boolean an = NUMBER.matcher(a).matches();
                boolean bn = NUMBER.matcher(b).matches();
                if (an && bn) return Integer.compare(Integer.parseInt(a), Integer.parseInt(b));
                return an == bn ? 0 : an ? -1 : 1;
            });
        }
        if (list.remove(LeaderboardTable.NONE)) list.add(LeaderboardTable.NONE);
        return list;
    }

    private static Page datasetPage(Topics.Topic t, List<Leaderboards.Benchmark> benchmarks, Topics topics,
                                    BenchmarkVocabulary vocabulary) {
        String from = path(t);
        List<BoardLinkView> boards = new ArrayList<>();
        for (Leaderboards.Benchmark b : benchmarks) {
            for (Leaderboards.Board board : b.boards) boards.add(boardLink(b, board, from));
        }
        List<LinkView> derivedFrom = new ArrayList<>();
        List<LinkView> derived = new ArrayList<>();
        var known = vocabulary.find(t.name).filter(k -> k.datasetName().equalsIgnoreCase(t.name) || k.name().equalsIgnoreCase(t.name));
        if (known.isPresent() && !known.get().derivedFrom().isEmpty()) {
            Topics.Topic parent = topics.named(known.get().derivedFrom());
            derivedFrom.add(new LinkView(parent.name, SitePaths.link(from, path(parent))));
        }
        for (BenchmarkVocabulary.Benchmark child : vocabulary.derivedFrom(t.name)) {
            Topics.Topic c = topics.existing(child.datasetName());
            if (c != null) derived.add(new LinkView(c.name, SitePaths.link(from, path(c))));
        }
        List<MentionView> mentions = t.mentionViews;
        if (mentions == null || mentions.size() != t.mentions.size()) {
            mentions = new ArrayList<>(t.mentions.size());
            // serve: a copied topic keeps the views of the mentions it still holds (an edit replaces its model's)
            List<Topics.Mention> before = t.viewsBeforeOf != null && t.viewsBeforeOf.size() == t.mentions.size()
                    && t.viewsBefore.size() == t.mentions.size() ? t.viewsBeforeOf : null;
            for (int i = 0; i < t.mentions.size(); i++) {
                Topics.Mention m = t.mentions.get(i);
                if (before != null && before.get(i) == m) {
                    mentions.add(t.viewsBefore.get(i));
                    continue;
                }
                String model = SitePaths.link(from, SitePaths.model(m.model().slug()));
                mentions.add(new MentionView(m.model().name(), m.rowId().isEmpty() ? model : model + "#" + m.rowId(), m.where()));
            }
            t.mentionViews = mentions = java.util.Collections.unmodifiableList(mentions);
            t.viewsBefore = null;
            t.viewsBeforeOf = null;
        }
        // without a leaderboard, the values read under this name are listed (unranked), each linked to its row
        List<MentionView> results = new ArrayList<>();
        String note = "";
        if (boards.isEmpty() && !t.results.isEmpty()) {
            for (Topics.Result r : t.results.subList(0, Math.min(Leaderboards.MAX_LINES, t.results.size()))) {
                String model = SitePaths.link(from, SitePaths.model(r.model().slug()));
                results.add(new MentionView(r.model().name(), r.rowId().isEmpty() ? model : model + "#" + r.rowId(),
                        r.label() + ": " + r.metric() + " " + r.value()));
            }
            note = "Not a known benchmark, so not ranked: the values the cards give under this name."
                    + (t.results.size() > Leaderboards.MAX_LINES ? " The first " + Leaderboards.MAX_LINES + " of "
                    + t.results.size() + "." : "");
        }
        int models = t.models().size();
        String description = "Dataset " + t.name + ": " + (boards.isEmpty() ? "" : boards.size()
                + (boards.size() == 1 ? " leaderboard, " : " leaderboards, ")) + models + (models == 1 ? " model." : " models.");
        TopicPageView view = new TopicPageView(t.name, "Dataset", String.join(", ", t.aliases), derivedFrom, derived,
                boards, results, note, mentions);
        return new Page(from, "pages/dataset", t.name, description, "topic", view);
    }

    /** "COCO Captions: CIDEr" — image-to-text; 20 results of 1 model; leader IDEFICS 9B Instruct, 129.1 (0 shots). */
    private static BoardLinkView boardLink(Leaderboards.Benchmark b, Leaderboards.Board board, String from) {
        String metrics = board.metricList();
        String id = board.id;
        String label = b.name + ": " + metrics;
        List<String> about = new ArrayList<>();
        if (!board.task.isEmpty()) about.add(board.task);
        int results = board.results();
        int models = board.models().size();
        about.add(results + (results == 1 ? " result" : " results") + " of " + models + (models == 1 ? " model" : " models"));
        Leaderboards.Line leader = null;
        int leaders = 0;
        // the leader of a setting is its best comparable line (★), which a not-comparable line (†) may precede
        for (List<Leaderboards.Line> g : board.groups) {
            for (Leaderboards.Line l : g) {
                if (l.best.contains(board.primary)) {
                    leaders++;
                    if (leader == null) leader = l;
                    break;
                }
            }
        }
        if (leaders == 1) {
            String setting = leader.settings.describe();
            about.add("leader " + leader.who() + ", " + leader.values.get(board.primary).result().printed()
                    + (setting.isEmpty() ? "" : " (" + setting + ")"));
        }
        return new BoardLinkView(label, SitePaths.link(from, path(b)) + "#" + id, String.join("; ", about));
    }
}
