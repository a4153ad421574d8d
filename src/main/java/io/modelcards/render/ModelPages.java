package io.modelcards.render;

import io.modelcards.model.Block;
import io.modelcards.model.Model;
import io.modelcards.model.SiteConfig;
import io.modelcards.model.Table;
import io.modelcards.model.Variant;
import io.modelcards.render.Views.BlockView;
import io.modelcards.render.Views.ChartView;
import io.modelcards.render.Views.DataLinkView;
import io.modelcards.render.Views.FactView;
import io.modelcards.render.Views.ModelPageView;
import io.modelcards.render.Views.TocEntry;
import io.modelcards.model.Result;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Map;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Entities;

/** Builds the view of a model page from the model: blocks in source order, contents, key facts, provenance. */
final class ModelPages {
    private static final Pattern QUERY = Pattern.compile("\\?[^#]*");
    private static final Pattern NON_DIGITS = Pattern.compile("\\D+");
    private ModelPages() {}

    static ModelPageView of(Model m, SiteConfig config) {
        return of(m, config, ModelRanks.Standing.NONE);
    }

    /** The page, with the model's standing on the leaderboards ({@code standing}) as its results summary. */
    static ModelPageView of(Model m, SiteConfig config, ModelRanks.Standing standing) {
        List<BlockView> blocks = new ArrayList<>();
        List<TocEntry> toc = new ArrayList<>();
        for (Block b : m.blocks()) {
            if (b instanceof Block.Heading h) {
                blocks.add(new BlockView("heading", h.level(), h.id(), h.text(), "", "", false, List.of(), null));
                toc.add(new TocEntry(h.text(), h.id(), h.level()));
            } else if (b instanceof Block.Prose p) {
                blocks.add(new BlockView("prose", 0, "", p.html(), "", "", false, List.of(), null));
            } else if (b instanceof Block.TableBlock t) {
                Table table = t.table();
                Map<Integer, String> boards = new java.util.HashMap<>();
                for (int c = 0; c < table.columns().size(); c++) {
                    String board = standing.board(table.id(), c);
                    if (!board.isEmpty() && !table.columns().get(c).benchmark().isEmpty()) boards.put(c, board);
                }
                blocks.add(new BlockView("table", 0, "fig-" + table.id(), "", "", "", false, List.of(),
                        TableViews.of(table, caption(m, table), changesNote(m, table), boards)));
            } else if (b instanceof Block.Code c) {
                blocks.add(new BlockView("code", 0, "", "", c.language(), Entities.escape(c.code()), false, List.of(), null));
            } else if (b instanceof Block.ListBlock l) {
                blocks.add(new BlockView("list", 0, "", "", "", "", l.ordered(), l.items(), null));
            } else if (b instanceof Block.DetailsStart d) {
                // the summary is sanitized HTML; the blocks that follow are rendered inside the element
                blocks.add(new BlockView("raw", 0, "", "<details class=\"card-details\"" + (d.open() ? " open" : "")
                        + "><summary>" + d.summaryHtml() + "</summary>", "", "", false, List.of(), null));
            } else if (b instanceof Block.DetailsEnd) {
                blocks.add(new BlockView("raw", 0, "", "</details>", "", "", false, List.of(), null));
            } else if (b instanceof Block.CalloutStart c) {
                // the look of a GitHub alert (parse/Alerts); the kind is one of ours, never the card's text
                String kind = c.kind().equals("warning") ? "warning" : "tip";
                blocks.add(new BlockView("raw", 0, "", "<div class=\"alert alert-" + kind + "\" role=\"note\"><p class=\"alert-title\">"
                        + (kind.equals("warning") ? "Warning" : "Tip") + "</p>", "", "", false, List.of(), null));
            } else if (b instanceof Block.CalloutEnd) {
                blocks.add(new BlockView("raw", 0, "", "</div>", "", "", false, List.of(), null));
            }
        }
        String edit = editUrl(config.repoUrl(), m.origin().path(), m.origin().line());
        Set<String> ids = pageIds(m);
        // the results summary comes first, under the chips: leaderboards link "#results" for declared results
        String resultsId = Charts.uniqueId("results", ids);
        String captionId = Charts.uniqueId(resultsId + "-caption", ids);
        ids.add(resultsId + "-title");
        String summary = ResultsSummary.html(standing.ranks(), captionId);
        String chartsId = Charts.uniqueId("charts", ids);
        ids.add(chartsId + "-title");
        ChartsView charts = charts(m, ids);
        if (!charts.charts().isEmpty()) toc.add(new TocEntry("Charts", chartsId, 2));
        return new ModelPageView(m.name(), m.summary(), m.origin().toString(), edit,
                config.modelJson() ? "model-index.json" : "", chips(m), toc, blocks, charts.charts(), charts.data(),
                charts.source(), chartsId,
                SitePaths.root(SitePaths.model(m.slug())) + "compare.html?m="
                        + java.net.URLEncoder.encode(m.slug(), java.nio.charset.StandardCharsets.UTF_8),
                resultsId, summary, ResultsSummary.legend(standing.ranks()), resultsLead(m, standing.ranks(), config.modelJson()));
    }

    /** "12 results of this model on 8 leaderboards; 2 it reports for other models." */
    static String resultsLead(Model m, List<ModelRanks.Rank> ranks, boolean modelJson) {
        long baselines = m.results().stream().filter(Result::baseline).count();
        long own = m.results().size() - baselines;
        Set<String> boards = new HashSet<>();
        for (ModelRanks.Rank r : ranks) boards.add(QUERY.matcher(r.board()).replaceFirst(""));
        List<String> where = new ArrayList<>(List.of("the card below"));
        if (modelJson) where.add("in the model's JSON");
        if (!boards.isEmpty()) where.add("on the leaderboards");
        return own + (own == 1 ? " result" : " results") + " of this model"
                + (boards.isEmpty() ? "" : ", on " + boards.size() + (boards.size() == 1 ? " leaderboard" : " leaderboards"))
                + (baselines == 0 ? "" : "; " + baselines + " the card reports for other models") + ". Each is in "
                + and(where) + ".";
    }

    /** A page's charts: the figures, what js/chart.js draws them from, and the tables their values are in. */
    private record ChartsView(List<ChartView> charts, String data, List<DataLinkView> source) {}

    /**
     * Per benchmark and metric, score against shots, or against parameters when no setting varies. The section names
     * the tables the values are in once, for all its charts (a synthetic card has 14 charts from one table; the seed's
     * IDEFICS 14 from two), not in every caption.
     */
    private static ChartsView charts(Model m, Set<String> ids) {
        List<Charts.Chart> made = Charts.of(Charts.sources(m), Charts.Choice.SETTING_FIRST, ids);
        // by identity: a table's hash reads every cell
        Set<Table> tables = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        List<ChartView> views = new ArrayList<>();
        List<ChartSvg.Spec> specs = new ArrayList<>();
        for (Charts.Chart c : made) {
            tables.addAll(c.tables());
            views.add(new ChartView(c.spec().id(), c.spec().title()));
            specs.add(c.spec());
        }
        List<Table> inOrder = new ArrayList<>(); // as the page shows them
        for (Table t : m.tables()) if (tables.contains(t)) inOrder.add(t);
        List<DataLinkView> source = new ArrayList<>();
        int i = 0;
        for (Table t : inOrder) {
            String before = i == 0 ? "" : i == inOrder.size() - 1 ? " and " : ", ";
            source.add(new DataLinkView(before, caption(m, t), "#" + t.id()));
            i++;
        }
        return new ChartsView(views, ChartSvg.data(specs), source);
    }

    /** The ids the page already has: its own sections, headings, tables and rows. */
    private static Set<String> pageIds(Model m) {
        Set<String> ids = new HashSet<>(Set.of("top", "facts", "facts-title", "toc", "toc-title", "related",
                "related-title"));
        for (Block b : m.blocks()) {
            if (b instanceof Block.Heading h) ids.add(h.id());
            if (b instanceof Block.TableBlock tb) {
                Table t = tb.table();
                ids.addAll(List.of(t.id(), t.id() + "-caption", "fig-" + t.id()));
                for (var r : t.rows()) ids.add(r.id());
            }
        }
        return ids;
    }

    /**
     * What the changes in parentheses of a table are against, when the delta check found their base rows: "Changes
     * (in parentheses) are against IDEFICS 80B and IDEFICS 9B in <a>IDEFICS, table 2</a>, at the same Shots; green
     * is better, red worse." (naming the columns where lower is better). Our markup, the texts escaped; "" for a table without such rows.
     */
    static String changesNote(Model m, Table table) {
        Map<String, Table> tableOfRow = new java.util.HashMap<>();
        Map<String, io.modelcards.model.Row> rowById = new java.util.HashMap<>();
        for (Table t : m.tables()) {
            for (io.modelcards.model.Row r : t.rows()) {
                tableOfRow.put(r.id(), t);
                rowById.put(r.id(), r);
            }
        }
        Set<String> groups = new LinkedHashSet<>();
        // the base tables in order, each once: as objects (a table's own hash would read all its cells)
        List<Table> bases = new ArrayList<>();
        for (io.modelcards.model.Row r : table.rows()) {
            Table base = tableOfRow.get(r.deltaBase());
            if (base == null) continue;
            groups.add(rowById.get(r.deltaBase()).group());
            if (bases.stream().noneMatch(b -> b == base)) bases.add(base);
        }
        if (bases.isEmpty()) return "";
        List<String> where = new ArrayList<>();
        for (Table b : bases) where.add("<a href=\"#" + Entities.escape(b.id()) + "\">" + Entities.escape(caption(m, b)) + "</a>");
        List<String> settings = new ArrayList<>();
        for (int c = 1; c < table.firstBenchmarkColumn(); c++) {
            String s = table.columns().get(c).text().strip();
            if (!s.isEmpty()) settings.add(s);
        }
        List<String> names = new ArrayList<>();
        for (String g : groups) if (!g.isBlank()) names.add(Entities.escape(g));
        // the colours only repeat what the text says: a rise is better, except in these columns
        Set<String> lower = new LinkedHashSet<>();
        for (io.modelcards.model.Column c : table.columns()) {
            if (io.modelcards.model.Column.LOWER.equals(c.better())) lower.add(Entities.escape((c.benchmark() + " " + c.metric()).strip()));
        }
        return "Changes (in parentheses) are against " + (names.isEmpty() ? "the same rows" : and(names)) + " in " + and(where)
                + (settings.isEmpty() ? "" : ", at the same " + and(settings.stream().map(Entities::escape).toList()))
                + "; green is better, red worse" + (lower.isEmpty() ? "" : " (lower is better for " + and(List.copyOf(lower)) + ")")
                + ".";
    }

    /** "a", "a and b", "a, b and c". */
    private static String and(List<String> items) {
        if (items.size() <= 1) return String.join("", items);
        return String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.get(items.size() - 1);
    }

    private static String caption(Model m, Table table) {
        return table.caption().isEmpty() ? m.name() + ", table " + NON_DIGITS.matcher(table.id()).replaceAll("") : table.caption();
    }

    /** "9B – 80B" from the smallest and largest variant; one size alone when all are equal. */
    static String parameterRange(List<Variant> variants) {
        Variant min = null;
        Variant max = null;
        for (Variant v : variants) {
            if (v.parameters() == null) continue;
            if (min == null || v.parameters().compareTo(min.parameters()) < 0) min = v;
            if (max == null || v.parameters().compareTo(max.parameters()) > 0) max = v;
        }
        if (min == null) return "";
        return min.parameters().compareTo(max.parameters()) == 0 ? min.parametersText()
                : min.parametersText() + " – " + max.parametersText();
    }

    static String editUrl(String repoUrl, String path, int line) {
        if (repoUrl == null || repoUrl.isBlank()) return "";
        String base = repoUrl.endsWith("/") ? repoUrl : repoUrl + "/";
        return base + path + (line > 0 ? "#L" + line : "");
    }

    /**
     * The chips under the name, what the Hub shows first: organisation, task, license, languages, base models,
     * datasets, parameters and variants, each only when the card gives it.
     */
    static List<FactView> chips(Model m) {
        List<FactView> chips = new ArrayList<>();
        var fm = m.frontMatter();
        String org = Cards.org(m);
        if (!org.isEmpty()) chips.add(new FactView("Organisation", org));
        String task = Cards.task(m);
        if (!task.isEmpty()) chips.add(new FactView("Task", task));
        if (!fm.license().isBlank()) chips.add(new FactView("License", fm.license().strip()));
        if (!fm.languages().isEmpty()) {
            chips.add(new FactView(fm.languages().size() == 1 ? "Language" : "Languages", String.join(", ", fm.languages())));
        }
        for (String base : fm.baseModels()) chips.add(new FactView("Base model", base));
        for (String data : fm.datasets()) chips.add(new FactView("Dataset", data));
        String range = parameterRange(m.variants());
        if (!range.isEmpty()) chips.add(new FactView("Parameters", range));
        if (m.variants().size() > 1) chips.add(new FactView("Variants", String.valueOf(m.variants().size())));
        return chips;
    }
}
